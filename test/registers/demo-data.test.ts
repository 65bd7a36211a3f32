import { readFileSync } from "node:fs";
import { isValidIBAN } from "ibantools";
import { beforeAll, describe, expect, it } from "vitest";
import { getActivity } from "../../packages/core/src/activities/register";
import { getCommittee } from "../../packages/core/src/committees/committee";
import { getFund } from "../../packages/core/src/funds/fund";
import { readCsv } from "../../packages/core/src/imports/csv";
import { MEMBER_COLUMNS } from "../../packages/core/src/imports/members";
import { getMember } from "../../packages/core/src/members/register";
import { loadDemoData } from "../../packages/functions/src/local/demo-data";
import { scanTable } from "../support/scan";
import { createTestStack, type TestStack } from "../support/stack";

const demoMembers = readCsv(
  readFileSync(new URL("../../packages/functions/src/local/demo/members.csv", import.meta.url)),
  MEMBER_COLUMNS,
).map((line) => line.cells);

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});

describe("demo data", () => {
  it("has members in Belgium and France, speaking French, Dutch and English, with valid IBANs", () => {
    // Act
    const ibans = demoMembers.map((m) => (m.iban ?? "").replaceAll(" ", ""));
    // Assess
    expect(ibans.every((iban) => isValidIBAN(iban))).toBe(true);
    expect(new Set(ibans).size).toBe(ibans.length);
    expect(new Set(demoMembers.map((m) => m.country))).toEqual(new Set(["BE", "FR"]));
    expect(new Set(demoMembers.map((m) => m.language))).toEqual(new Set(["fr", "nl", "en"]));
  });

  it("loads members, activities, committees and funds on a first call, and nothing on the next", async () => {
    // Act
    const first = await loadDemoData(stack);
    const afterFirst = await scanTable(stack);
    const second = await loadDemoData(stack);
    // Assess
    expect(first).toEqual({ loaded: true });
    expect(second).toEqual({ loaded: false });
    expect(await scanTable(stack)).toEqual(afterFirst);
    for (const member of demoMembers)
      expect(await getMember(stack, member.memberNumber!)).toBeDefined();
    expect((await getActivity(stack, "ACT-001"))?.administrators).toHaveLength(2);
    expect((await getCommittee(stack, "credit"))?.members).toHaveLength(2);
    expect((await getFund(stack, "solidarity"))?.envelopeCents).toBe(250_000_00);
    expect((await getFund(stack, "relaunch"))?.envelopeCents).toBe(500_000_00);
  });
});

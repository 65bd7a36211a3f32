import { describe, expect, it } from "vitest";
import { reasonCodes, renderReason } from "../../../packages/core/src/request-view/reasons";
import { isoDay } from "../../../packages/core/src/requests/checks/context";
import { runChecks } from "../../../packages/core/src/requests/checks/run-checks";
import { context, docA, documentMeta, requestOf, validBodies } from "../fixtures";

describe("runChecks", () => {
  it.each(Object.keys(validBodies) as (keyof typeof validBodies)[])("passes a clean %s", (type) => {
    // Act
    const report = runChecks(requestOf(type), context());

    // Assess
    expect(report.results.filter((r) => r.outcome !== "pass")).toEqual([]);
    expect(report.outcome).toBe("pass");
  });

  it("runs only the checks that apply to the type", () => {
    // Act
    const names = runChecks(requestOf("emergency-aid"), context()).results.map((r) => r.check);

    // Assess
    expect(names).not.toContain("activity");
    expect(names).not.toContain("work-dates");
    expect(names).toEqual(
      expect.arrayContaining(["membership", "iban", "amount-cap", "duplicates"]),
    );
  });

  it("warns when only a risk flag is raised", () => {
    // Act
    const report = runChecks(requestOf("relaunch-loan"), context({ ibanSharedWith: ["M-000777"] }));

    // Assess
    expect(report.outcome).toBe("warn");
  });

  it("fails when any check fails, whatever the warnings", () => {
    // Prepare
    const ctx = context({
      ibanSharedWith: ["M-000777"],
      documents: [documentMeta(docA, { sniffedType: "png" })],
    });

    // Act
    const report = runChecks(requestOf("cancelled-contract"), ctx);

    // Assess
    expect(report.outcome).toBe("fail");
  });
});

describe("check reasons", () => {
  it.each([
    {
      language: "fr",
      text: /^Une aide d'urgence vous a été accordée le 1 mars 2020 : une nouvelle aide est possible à partir du 30 mai 2020\.$/,
    },
    {
      language: "nl",
      text: /^U kreeg op 1 maart 2020 noodhulp: nieuwe noodhulp is mogelijk vanaf 30 mei 2020\.$/,
    },
    {
      language: "en",
      text: /^You were granted emergency aid on 1 March 2020: new aid is possible from 30 May 2020\.$/,
    },
  ] as const)("render dates for the reader in $language", ({ language, text }) => {
    // Act
    const rendered = renderReason(
      {
        code: "aid_granted_recently",
        params: { grantedDate: "2020-03-01", nextDate: "2020-05-30" },
      },
      language,
    );

    // Assess
    expect(rendered).toMatch(text);
  });

  it.each([
    { language: "fr", text: /1\s500,00\s€/ },
    { language: "nl", text: /€\s1\.500,00/ },
    { language: "en", text: /€1,500\.00/ },
  ] as const)("render amounts in euros in $language", ({ language, text }) => {
    // Act
    const rendered = renderReason(
      { code: "aid_above_cap", params: { amountCents: 200_000, capCents: 150_000 } },
      language,
    );

    // Assess
    expect(rendered).toMatch(text);
  });

  it("has distinct words in every language for every reason", () => {
    for (const code of reasonCodes) {
      // Act
      const texts = (["fr", "nl", "en"] as const).map((language) =>
        renderReason({ code, params: {} }, language),
      );

      // Assess
      expect(new Set(texts).size, code).toBe(3);
    }
  });
});

describe("isoDay", () => {
  it("gives the Brussels date, which is already tomorrow at 23:30 UTC in summer", () => {
    // Act
    const day = isoDay(new Date("2020-06-30T22:30:00Z"));

    // Assess
    expect(day).toBe("2020-07-01");
  });
});

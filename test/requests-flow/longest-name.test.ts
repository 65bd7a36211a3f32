import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import { createBatch } from "../../packages/core/src/finance/batches";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { importMembers } from "../../packages/core/src/imports/members";
import { getMember } from "../../packages/core/src/members/register";
import { Collector, DEBTOR, texts, validateAgainstXsd } from "../finance/support/sepa";
import { admins, contractBody, flowStack, member, pdf } from "./support";

const HEADER = "memberNumber,firstName,lastName,email,language,country,iban,shareholder";
const line = (firstName: string, lastName: string) =>
  `${member.memberNumber},${firstName},${lastName},${member.email},fr,BE,${member.iban},true`;
const csv = (...lines: string[]) => Buffer.from(`${[HEADER, ...lines].join("\n")}\n`, "utf8");

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

describe("names the register accepts are names a payout carries", () => {
  it("the register refuses a first and last name that no payout could carry (200 + 200 characters)", async () => {
    // Act
    const report = await importMembers(f.stack, csv(line("A".repeat(200), "B".repeat(200))));
    const justOver = await importMembers(f.stack, csv(line("A".repeat(100), "B".repeat(100))));

    // Assess
    for (const r of [report, justOver]) {
      expect(r.counts).toMatchObject({ refused: 1, created: 0, updated: 0 });
      expect(JSON.stringify(r.lines)).toContain(
        "firstName and lastName together are longer than 199 characters (a payout holds 200)",
      );
    }
    expect((await getMember(f.stack, member.memberNumber))?.firstName).toBe("Camille");
  });

  it("a member with the longest name the register accepts is batched and exported to a valid SEPA file, the full name kept in the ledger", async () => {
    // Prepare: 100 + 1 + 99 characters, accented and in words, as a bank would have to shorten.
    const firstName = `Marie-${"Éléonore ".repeat(10)}`.trim().padEnd(100, "x");
    const lastName = "de la Tour d'Auvergne ".repeat(5).slice(0, 98).concat("z");
    const imported = await importMembers(f.stack, csv(line(firstName, lastName)));
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    await f.decide(admins[0]!, submitted.body.id, { decision: "approve" });

    // Act
    const { batch } = await createBatch(f.stack, "solidarity");
    const sepa = new Collector();
    const deps = { ...f.stack, config: { ...f.stack.config, debtor: DEBTOR } };
    await exportBatch(deps, batch!.batchId, "sepa", sepa);

    // Assess
    expect([firstName.length, lastName.length]).toEqual([100, 99]);
    expect(imported.counts).toMatchObject({ updated: 1, refused: 0 });
    expect(batch).toMatchObject({ payoutCount: 1, totalCents: 90_000 });
    expect(await validateAgainstXsd(sepa.text)).toEqual({ valid: true, errors: [] });
    const name = texts(sepa.text, "Nm").at(-1)!;
    expect(name.length).toBeLessThanOrEqual(70);
    expect(name.startsWith("Marie-Eleonore Eleonore")).toBe(true);
    const { Item } = await f.stack.clients.ddb.send(
      new GetCommand({
        TableName: f.stack.config.table,
        Key: keys.payout(submitted.body.id),
      }),
    );
    expect(Item?.beneficiaryName).toBe(`${firstName} ${lastName}`);
    expect(Item?.beneficiaryName).toHaveLength(200);
  });
});

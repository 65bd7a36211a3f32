import { beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "../../packages/core/src/deps";
import { createBatch } from "../../packages/core/src/finance/batches";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { createTestStack, type TestStack } from "../support/stack";
import { approve, resetFund } from "./support/ledger";
import { Collector, DEBTOR, texts, validateAgainstXsd } from "./support/sepa";

let stack: TestStack;
let withDebtor: Deps;

beforeAll(async () => {
  stack = await createTestStack();
  withDebtor = { ...stack, config: { ...stack.config, debtor: DEBTOR } };
  await resetFund(stack, "solidarity", 10_000_000);
});

const NAMES = [
  "Zoë Lefèvre-Dubœuf",
  "Jean-François D'Hondt & Fils",
  "王小明",
  '=HYPERLINK("http://evil.test")',
];

describe("finance export", () => {
  it("exports a stored batch to SEPA valid against the schema and to a neutralised CSV, each with the recorded totals", async () => {
    // Prepare
    for (const [n, beneficiaryName] of NAMES.entries())
      await approve(stack, n, { beneficiaryName, amountCents: 12_345 + n });
    const { batch } = await createBatch(stack, "solidarity");
    const sepa = new Collector();
    const csv = new Collector();
    const progress: number[] = [];

    // Act
    const sepaSummary = await exportBatch(withDebtor, batch!.batchId, "sepa", sepa, {
      onProgress: (done) => progress.push(done),
    });
    const csvSummary = await exportBatch(stack, batch!.batchId, "csv", csv, { delimiter: "," });

    // Assess
    expect(await validateAgainstXsd(sepa.text)).toEqual({ valid: true, errors: [] });
    expect(texts(sepa.text, "MsgId")).toEqual([batch!.batchId]);
    expect(texts(sepa.text, "CtrlSum")).toEqual(["493.86", "493.86"]);
    expect(texts(sepa.text, "EndToEndId")).toEqual([
      "ENT-00000000",
      "ENT-00000001",
      "ENT-00000002",
      "ENT-00000003",
    ]);
    expect(sepaSummary).toMatchObject({ count: 4, totalCents: 49_386 });
    expect(progress).toEqual([1, 2, 3, 4]);
    const rows = csv.text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(rows).toHaveLength(5);
    expect(rows[4]).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(rows[1]).toContain(",123.45,");
    expect(csvSummary).toMatchObject({ count: 4, totalCents: 49_386 });
  });

  it("refuses SEPA without a debtor account and an unknown batch, saying what to do", async () => {
    // Prepare
    await approve(stack, 50);
    const { batch } = await createBatch(stack, "solidarity");

    // Act
    // Each awaited at once: a second pending rejection would be reported as unhandled.
    const noDebtor = await exportBatch(stack, batch!.batchId, "sepa", new Collector()).catch(
      (e: Error) => e,
    );
    const unknown = await exportBatch(withDebtor, "ENT-SOL-NOPE", "csv", new Collector()).catch(
      (e: Error) => e,
    );

    // Assess
    expect(String(noDebtor)).toMatch(
      /no debtor account is configured: set ENTRAIDE_DEBTOR_NAME, ENTRAIDE_DEBTOR_IBAN/,
    );
    expect(String(unknown)).toContain("batch ENT-SOL-NOPE not found");
  });
});

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CorruptBatchError } from "../../packages/core/src/payouts/batch-check";
import {
  PAYOUT_CSV_COLUMNS,
  type PayoutCsvOptions,
  writePayoutCsv,
} from "../../packages/core/src/payouts/csv";
import type { Payout } from "../../packages/core/src/payouts/payout";
import { batchOf, payout } from "./support/payouts";
import { Collector } from "./support/sepa";

const BOM = "\uFEFF";

async function exportCsv(payouts: Payout[], options: Partial<PayoutCsvOptions> = {}) {
  const out = new Collector();
  await writePayoutCsv(payouts, out, { batch: batchOf(payouts), ...options });
  return out.text;
}

function readBack(text: string, delimiter: string): string[][] {
  return parse(text, { bom: true, delimiter, relax_column_count: false });
}

const hostile = [
  payout(1, { requestId: '=HYPERLINK("http://x")', amountCents: 123_456 }),
  payout(2, { memberNumber: "+cmd", reference: "-1+2", amountCents: 5 }),
  payout(3, { requestId: "@SUM(A1)", memberNumber: "\tM3" }),
  payout(4, { requestId: "\rR4", beneficiaryName: 'Dupont; "Le Roi", et\r\nFils' }),
];

describe("finance CSV of a batch", () => {
  it("starts with a BOM and a header, and has one CRLF record per payout", async () => {
    // Act
    const text = await exportCsv(hostile);

    // Assess
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1).split("\r\n")[0]).toBe(PAYOUT_CSV_COLUMNS.join(";"));
    expect(readBack(text, ";")).toHaveLength(1 + hostile.length);
  });

  it("neutralises formula-like text while amounts stay numbers", async () => {
    // Act
    const [, ...rows] = readBack(
      await exportCsv(hostile, { delimiter: ",", decimalSeparator: "." }),
      ",",
    );

    // Assess
    const column = (name: (typeof PAYOUT_CSV_COLUMNS)[number]) =>
      rows.map((row) => row[PAYOUT_CSV_COLUMNS.indexOf(name)]);
    expect(column("request")).toEqual(['\'=HYPERLINK("http://x")', "req-2", "'@SUM(A1)", "'\rR4"]);
    expect(column("member")).toEqual(["M000001", "'+cmd", "'\tM3", "M000004"]);
    expect(column("reference")).toEqual(["ENT-00000001", "'-1+2", "ENT-00000003", "ENT-00000004"]);
    expect(column("amount")).toEqual(["1234.56", "0.05", "100.03", "100.04"]);
    expect(column("amount").map(Number)).toEqual([1234.56, 0.05, 100.03, 100.04]);
    for (const row of rows) expect(row.filter((cell) => /^[=+\-@\t\r\n]/.test(cell))).toEqual([]);
  });

  it("quotes names holding delimiters, quotes and line breaks so they read back intact", async () => {
    // Act
    const rows = readBack(await exportCsv(hostile), ";");

    // Assess
    expect(rows[4]![PAYOUT_CSV_COLUMNS.indexOf("beneficiary")]).toBe(
      'Dupont; "Le Roi", et\r\nFils',
    );
  });

  it("writes amounts with a decimal comma in semicolon files and a dot in comma files", async () => {
    // Prepare
    const payouts = [payout(1, { amountCents: 123_456 })];
    const amount = (text: string, delimiter: string) =>
      readBack(text, delimiter)[1]![PAYOUT_CSV_COLUMNS.indexOf("amount")];

    // Act
    const semicolon = await exportCsv(payouts);
    const comma = await exportCsv(payouts, { delimiter: "," });
    const semicolonWithDot = await exportCsv(payouts, { decimalSeparator: "." });

    // Assess
    expect(amount(semicolon, ";")).toBe("1234,56");
    expect(semicolon).toContain(";1234,56;");
    expect(amount(comma, ",")).toBe("1234.56");
    expect(comma).toContain(",1234.56,");
    expect(amount(semicolonWithDot, ";")).toBe("1234.56");
  });

  it("lists every approver and the audit columns", async () => {
    // Prepare
    const payouts = [payout(1, { approvedBy: ["a@example.org", "b@example.org"] })];

    // Act
    const [, row] = readBack(await exportCsv(payouts), ";");

    // Assess
    expect(row!.slice(6)).toEqual([
      "solidarity",
      "a@example.org, b@example.org",
      "2020-04-01T09:30:00.000Z",
      "B-2020-04-02-SOL",
      "ENT-00000001",
      "Entraide emergency-aid req-1",
    ]);
  });

  it("refuses a decimal comma in a comma-separated file", async () => {
    await expect(exportCsv(hostile, { delimiter: ",", decimalSeparator: "," })).rejects.toThrow(
      /decimal comma/,
    );
  });

  it("fails and destroys the output when the payouts do not add up to the batch", async () => {
    // Prepare
    const out = new Collector();
    const batch = { ...batchOf(hostile), totalCents: batchOf(hostile).totalCents + 1 };

    // Act
    const exporting = writePayoutCsv(hostile, out, { batch });

    // Assess
    await expect(exporting).rejects.toBeInstanceOf(CorruptBatchError);
    expect(out.destroyed).toBe(true);
  });
});

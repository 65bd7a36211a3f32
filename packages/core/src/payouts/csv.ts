import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import * as z from "zod";
import { neutraliseCell } from "../csv/neutralise";
import { formatCents } from "../money/cents";
import { BatchCheck, type ExportSummary } from "./batch-check";
import { Batch, type Payout, remittanceOf } from "./payout";

/**
 * `;` files are for Belgian and French Excel, whose list separator is `;` and whose decimal
 * separator is `,`: there, "1234.56" would be read as text or a date, so amounts are written
 * "1234,56" unless a decimal separator is asked for. `,` files use a decimal dot, as tools
 * expecting comma-separated values do. A decimal comma in a `,` file is refused: it would
 * need quoting and every spreadsheet would read it as text.
 */
export const PayoutCsvOptions = z
  .object({
    batch: Batch,
    delimiter: z.enum([";", ","]).default(";"),
    decimalSeparator: z.enum([".", ","]).optional(),
  })
  .refine((o) => !(o.delimiter === "," && o.decimalSeparator === ","), {
    message: "a decimal comma cannot be used in a comma-separated file",
    path: ["decimalSeparator"],
  });
export type PayoutCsvOptions = z.input<typeof PayoutCsvOptions>;

export const PAYOUT_CSV_COLUMNS = [
  "request",
  "type",
  "member",
  "beneficiary",
  "iban",
  "amount",
  "fund",
  "approved by",
  "approved at",
  "batch",
  "reference",
  "remittance",
] as const;

/**
 * Streams a batch's payouts as the finance CSV: UTF-8 with a BOM (so Excel detects the
 * encoding), CRLF records and RFC 4180 quoting, amounts in euros (see
 * {@link PayoutCsvOptions} for the decimal separator), and every text cell neutralised
 * against formula injection. Like the SEPA export it checks the payouts against the batch's
 * recorded count and total and fails, destroying `out`, when they differ.
 */
export async function writePayoutCsv(
  payouts: AsyncIterable<Payout> | Iterable<Payout>,
  out: Writable,
  options: PayoutCsvOptions,
): Promise<ExportSummary> {
  const { batch, delimiter, decimalSeparator } = PayoutCsvOptions.parse(options);
  const decimal = decimalSeparator ?? (delimiter === ";" ? "," : ".");
  const check = new BatchCheck(batch);
  async function* rows() {
    yield PAYOUT_CSV_COLUMNS;
    for await (const input of payouts) {
      const p = check.add(input);
      yield [
        ...[p.requestId, p.requestType, p.memberNumber, p.beneficiaryName, p.iban].map(
          neutraliseCell,
        ),
        formatCents(p.amountCents, decimal),
        ...[
          p.fund,
          p.approvedBy.join(", "),
          p.approvedAt,
          batch.batchId,
          p.reference,
          remittanceOf(p),
        ].map(neutraliseCell),
      ];
    }
    check.finish();
  }
  await pipeline(
    Readable.from(rows()),
    stringify({
      bom: true,
      delimiter,
      record_delimiter: "windows",
      quote_record_delimiter: true,
    }),
    out,
  );
  return { count: check.count, totalCents: check.totalCents };
}

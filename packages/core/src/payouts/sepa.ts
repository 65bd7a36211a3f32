import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { createCB } from "xmlbuilder2";
import * as z from "zod";
import { formatCents } from "../money/cents";
import { BatchCheck, type ExportSummary } from "./batch-check";
import { Batch, Bic, Iban, type Payout, remittanceOf } from "./payout";
import { toSepaText } from "./sepa-text";
import { TransactionTemplate, type TransactionValues } from "./sepa-transaction";

const NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

/** The cooperative's account the transfers are paid from (it comes from the config). */
export const DebtorAccount = z.object({
  name: z.string().trim().min(1),
  iban: Iban,
  bic: Bic.optional(),
});
export type DebtorAccount = z.infer<typeof DebtorAccount>;

export const SepaExportOptions = z.object({
  batch: Batch,
  debtor: DebtorAccount,
  /** When the file is created (from the Clock), written as GrpHdr/CreDtTm. */
  createdAt: z.iso.datetime({ offset: true }),
  /** The day the bank should execute the transfers. */
  requestedExecutionDate: z.iso.date(),
  /** Name of the party sending the file; the debtor's by default. */
  initiatingPartyName: z.string().trim().min(1).optional(),
  prettyPrint: z.boolean().default(true),
});
export type SepaExportOptions = z.input<typeof SepaExportOptions> & {
  /** Free text after the payout reference in RmtInf/Ustrd; cut to fit 140 characters. */
  remittance?: (payout: Payout) => string;
};

const defaultRemittance = remittanceOf;

/**
 * Streams a batch as a SEPA credit transfer initiation (pain.001.001.03) to `out`, in
 * constant memory whatever the number of payouts (bar a set of references for the
 * uniqueness check). The header totals are the batch's recorded ones, written before any
 * payout is read; each payout is then checked against them (see {@link BatchCheck}), so a
 * corrupt batch throws instead of producing a file whose header lies. On any error `out`
 * is destroyed, never ended, so whoever consumes the stream (an S3 upload) sees a premature
 * close; a caller writing a file must delete it.
 *
 * Identifiers: MsgId and PmtInfId are the batch id (an export repeated by mistake carries
 * the same MsgId, which banks refuse as a duplicate file), EndToEndId the payout reference.
 * All text is transliterated to the SEPA character set; a name with nothing
 * transliterable (Arabic or Chinese script only) becomes the payout reference.
 *
 * @example
 * await writeSepaCreditTransfers(payoutsOf(batch), createWriteStream(path), {
 *   batch, debtor: config.debtor, createdAt: clock.now().toISOString(),
 *   requestedExecutionDate: "2020-04-02",
 * });
 */
export async function writeSepaCreditTransfers(
  payouts: AsyncIterable<Payout> | Iterable<Payout>,
  out: Writable,
  options: SepaExportOptions,
): Promise<ExportSummary> {
  try {
    const { batch, debtor, ...rest } = SepaExportOptions.parse(options);
    const remittance = options.remittance ?? defaultRemittance;
    const check = new BatchCheck(batch);
    let builderError: Error | undefined;
    const xml = createCB({
      data: (chunk: string) => out.write(chunk),
      error: (error: Error) => {
        builderError ??= error;
      },
      prettyPrint: rest.prettyPrint,
    });
    const debtorName = toSepaText(debtor.name, { maxLength: 70 });
    const count = String(batch.payoutCount);
    const sum = formatCents(batch.totalCents);
    xml
      .dec({ version: "1.0", encoding: "UTF-8" })
      .ele("Document", { xmlns: NAMESPACE })
      .ele("CstmrCdtTrfInitn")
      .ele({
        GrpHdr: {
          MsgId: batch.batchId,
          CreDtTm: rest.createdAt.replace(/\.\d+/, ""),
          NbOfTxs: count,
          CtrlSum: sum,
          InitgPty: {
            Nm: toSepaText(rest.initiatingPartyName ?? debtor.name, { maxLength: 70 }),
          },
        },
      })
      .ele("PmtInf")
      .ele({
        PmtInfId: batch.batchId,
        PmtMtd: "TRF",
        BtchBookg: "true",
        NbOfTxs: count,
        CtrlSum: sum,
        PmtTpInf: { SvcLvl: { Cd: "SEPA" } },
        ReqdExctnDt: rest.requestedExecutionDate,
        Dbtr: { Nm: debtorName },
        DbtrAcct: { Id: { IBAN: debtor.iban } },
        DbtrAgt: { FinInstnId: debtor.bic ? { BIC: debtor.bic } : { Othr: { Id: "NOTPROVIDED" } } },
        ChrgBr: "SLEV",
      });
    const template = new TransactionTemplate();
    for await (const input of payouts) {
      const payout = check.add(input);
      // Inside Document > CstmrCdtTrfInitn > PmtInf, whose opening tag the builder has written.
      out.write(template.render(transaction(payout, remittance(payout)), 3, rest.prettyPrint));
      if (out.writableNeedDrain) await drained(out);
    }
    check.finish();
    xml.up().up().up().end();
    if (builderError) throw builderError;
    out.end();
    await finished(out);
    return { count: check.count, totalCents: check.totalCents };
  } catch (error) {
    // Destroyed without the error, which would crash the process if `out` had no error
    // listener: its consumer sees a premature close instead of an end, and the caller the error.
    out.destroy();
    throw error;
  }
}

function transaction(payout: Payout, remittance: string): TransactionValues {
  const { reference } = payout;
  return {
    endToEndId: reference,
    amount: formatCents(payout.amountCents),
    bic: payout.bic,
    creditorName: toSepaText(payout.beneficiaryName, { maxLength: 70, fallback: reference }),
    iban: payout.iban,
    // The reference comes first and is already SEPA text of ≤ 35, so no cut can reach it.
    remittance: toSepaText(`${reference} ${remittance}`, { maxLength: 140 }),
  };
}

/** Waits for `out` to accept more data, failing if it errors or closes meanwhile. */
async function drained(out: Writable): Promise<void> {
  // Aborting afterwards removes both listeners; Promise.race has handled the loser's rejection.
  const listening = new AbortController();
  const { signal } = listening;
  const closed = once(out, "close", { signal }).then(() => {
    throw out.errored ?? new Error("the output stream closed before the export finished");
  });
  try {
    await Promise.race([once(out, "drain", { signal }), closed]);
  } finally {
    listening.abort();
  }
}

import type { Writable } from "node:stream";
import { conditionFailed, updateItem } from "../db/items";
import { keys } from "../db/layout";
import { byPrefix } from "../db/query";
import type { Deps } from "../deps";
import { ConflictError, EntraideError } from "../errors";
import type { ExportSummary } from "../payouts/batch-check";
import { writePayoutCsv } from "../payouts/csv";
import type { Payout } from "../payouts/payout";
import { DebtorAccount, writeSepaCreditTransfers } from "../payouts/sepa";
import { type BatchRecord, getBatch } from "./batches";

export type ExportFormat = "csv" | "sepa";

export interface ExportOptions {
  /** CSV only: `;` (the default, for Belgian and French Excel) or `,`. */
  delimiter?: ";" | ",";
  /** Called as payouts are written, with the batch's payout count as the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The payouts of a batch as they were claimed into it, in approval order, read page by page.
 * The export functions check them against the batch's recorded count and total.
 */
export async function* batchPayouts(deps: Deps, batchId: string): AsyncGenerator<Payout> {
  for await (const item of byPrefix(deps, keys.batchPayoutPrefix(batchId))) yield item as Payout;
}

/**
 * The account transfers are paid from, from the configuration.
 *
 * @throws EntraideError `finance.no-debtor` saying which settings to give.
 */
export function debtorAccount(deps: Deps): DebtorAccount {
  const parsed = DebtorAccount.safeParse(deps.config.debtor ?? {});
  if (!deps.config.debtor || !parsed.success) {
    const why = deps.config.debtor
      ? `the configured debtor account is invalid (${parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`
      : "no debtor account is configured";
    throw new EntraideError(
      "finance.no-debtor",
      `${why}: set ENTRAIDE_DEBTOR_NAME, ENTRAIDE_DEBTOR_IBAN and optionally ENTRAIDE_DEBTOR_BIC (the DEBTOR_* secrets on a stage)`,
      { status: 409 },
    );
  }
  return parsed.data;
}

/** The calendar day in Brussels, where the cooperative's bank executes the transfers. */
function brusselsDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(now);
}

/**
 * Streams a batch as the finance CSV or a SEPA pain.001.001.03 file to `out`, in constant memory.
 * The SEPA file asks for execution on the day of the export. Like the writers it uses, it
 * destroys `out` on failure (a corrupt batch, a broken stream).
 *
 * @throws NotFoundError for an unknown batch; EntraideError `finance.no-debtor` for SEPA without
 * a debtor account (checked before anything is written).
 */
export async function exportBatch(
  deps: Deps,
  batchId: string,
  format: ExportFormat,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportSummary & { batch: BatchRecord }> {
  let batch: BatchRecord;
  let debtor: DebtorAccount | undefined;
  try {
    batch = await getBatch(deps, batchId);
    if (batch.payoutCount === 0)
      throw new ConflictError(
        "batch.empty",
        `batch ${batchId} has no payouts left (they all failed and left it): there is nothing to send`,
      );
    debtor = format === "sepa" ? debtorAccount(deps) : undefined;
  } catch (error) {
    out.destroy();
    throw error;
  }
  const payouts = counted(batchPayouts(deps, batchId), batch.payoutCount, options.onProgress);
  const summary =
    format === "csv"
      ? await writePayoutCsv(payouts, out, { batch, delimiter: options.delimiter })
      : await writeSepaCreditTransfers(payouts, out, {
          batch,
          debtor: debtor as DebtorAccount,
          createdAt: deps.clock.now().toISOString(),
          requestedExecutionDate: brusselsDate(deps.clock.now()),
          prettyPrint: false,
        });
  if (batch.status === "open") await recordExport(deps, batch);
  return { ...summary, batch };
}

/**
 * Notes that the bank file of the batch's current content was written, so it can be marked
 * paid. If a payout left the batch while the file was being written, the file is stale: the
 * export fails (the caller must not send it) and must be run again.
 */
async function recordExport(deps: Deps, batch: BatchRecord): Promise<void> {
  try {
    await updateItem(deps, {
      Key: keys.batch(batch.batchId),
      UpdateExpression: "SET exportedRevision = :rev, exportedAt = :now",
      ConditionExpression: "revision = :rev OR attribute_not_exists(revision)",
      ExpressionAttributeValues: {
        ":rev": batch.revision,
        ":now": deps.clock.now().toISOString(),
      },
    });
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    throw new ConflictError(
      "batch.changed-during-export",
      `a payout left batch ${batch.batchId} while it was being exported: do not send this file, export it again`,
      undefined,
      { cause: error },
    );
  }
}

async function* counted<T>(
  items: AsyncIterable<T>,
  total: number,
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<T> {
  let done = 0;
  for await (const item of items) {
    yield item;
    onProgress?.(++done, total);
  }
}

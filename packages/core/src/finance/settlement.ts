import { conditionFailed, updateItem } from "../db/items";
import { keys } from "../db/layout";
import { chunks } from "../db/query";
import { transact } from "../db/transact";
import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { ConflictError } from "../errors";
import { FundMovements } from "../funds/movements";
import type { Payout } from "../payouts/payout";
import { movePayout } from "../payouts/records";
import { type BatchRecord, getBatch } from "./batches";
import { batchPayouts } from "./exports";
import { BUSY_ATTEMPTS, countersCorrupt, PAYOUT_STATE, readPayout } from "./payout-state";
import { type SignalOutcome, type SignalReport, sendSignal, UNDELIVERED } from "./signals";

export { markPayoutFailed } from "./payout-failure";
export { PAYOUT_STATE, RETURNED_STATE } from "./payout-state";

/** Payouts settled at once. */
const CONCURRENCY = 8;

/** A payout of the batch that this run did not pay: it failed or moved on meanwhile. */
export interface UnpaidPayout {
  payoutId: string;
  status: string;
  batchId?: string;
}

export interface SettlementReport {
  batch: BatchRecord;
  /** Paid by this run. */
  paid: number;
  /** Paid by an earlier run. */
  alreadyPaid: number;
  unpaid: UnpaidPayout[];
  signals: Record<SignalOutcome, number>;
  /** Signals that did not reach their workflow (execution elsewhere, ended, missing, failed); a new run retries them. */
  signalProblems: SignalReport[];
}

/**
 * Marks a batch paid: each of its payouts moves `batched` → `paid` in one transaction with the
 * fund's consumption of its reservation, so money moves exactly once however often (or however
 * concurrently) this runs; a second run finds them `already paid`. Each payment is then signalled
 * to the request's workflow (state `payout`, event `paid`) once, the signal's receipt committed
 * with its delivery. Payouts that failed or moved to another batch are reported, not paid.
 * The batch is `paid` at the end.
 */
export async function markBatchPaid(
  deps: Deps,
  engine: Engine,
  batchId: string,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<SettlementReport> {
  const batch = await startSettling(deps, batchId);
  const report: SettlementReport = {
    batch,
    paid: 0,
    alreadyPaid: 0,
    unpaid: [],
    signals: {
      delivered: 0,
      "already-sent": 0,
      elsewhere: 0,
      refused: 0,
      ended: 0,
      missing: 0,
      failed: 0,
    },
    signalProblems: [],
  };
  const paidAt = deps.clock.now().toISOString();
  let done = 0;
  const settle = async (payout: Payout) => {
    const outcome = await transact(deps, [
      // The batch too: a payout that failed and was batched again is the new batch's to settle.
      movePayout(payout, {
        from: "batched",
        to: "paid",
        set: { paidAt },
        expect: { batchId },
      }),
      FundMovements.consume(payout.fund, payout.amountCents, paidAt).item,
    ]);
    let when = paidAt;
    if (outcome.written) report.paid++;
    else if (outcome.failedItem === 1) throw countersCorrupt(payout.fund);
    else {
      const current = await readPayout(deps, payout.payoutId);
      if (current?.status !== "paid" || current.batchId !== batchId) {
        report.unpaid.push({
          payoutId: payout.payoutId,
          status: current?.status ?? "missing",
          batchId: current?.batchId,
        });
        return;
      }
      report.alreadyPaid++;
      when = current.paidAt ?? paidAt;
    }
    const signal = await sendSignal(deps, engine, {
      executionId: payout.requestId,
      state: PAYOUT_STATE,
      payload: { event: "paid", batchId, paidAt: when },
      once: `payout-paid#${batchId}#${payout.payoutId}`,
    });
    report.signals[signal.outcome]++;
    if (UNDELIVERED.includes(signal.outcome)) report.signalProblems.push(signal);
  };
  for await (const group of chunks(batchPayouts(deps, batchId), CONCURRENCY)) {
    await Promise.all(group.map(settle));
    done += group.length;
    options.onProgress?.(done, batch.payoutCount);
  }
  report.batch = await closeBatch(deps, batch, paidAt);
  return report;
}

/**
 * Moves an open batch to `settling`, from which no payout leaves it any more, if its last export
 * is of its current content: what is marked paid is then exactly what the bank file holds. A
 * batch already settling or paid (a second run, a run after a crash) goes on as it is.
 *
 * @throws ConflictError `batch.not-exported` when the batch was never exported, or changed since;
 * `batch.empty` when all its payouts failed and left it.
 */
async function startSettling(deps: Deps, batchId: string): Promise<BatchRecord> {
  for (let attempt = 0; attempt < BUSY_ATTEMPTS; attempt++) {
    const batch = await getBatch(deps, batchId);
    if (batch.status !== "open") return batch;
    // Every payout failed and left it: there is nothing to pay, and no file can say otherwise.
    if (batch.payoutCount === 0)
      throw new ConflictError(
        "batch.empty",
        `batch ${batchId} has no payouts left (they all failed and left it): there is nothing to mark paid`,
        { revision: batch.revision },
      );
    if (batch.exportedRevision !== batch.revision) {
      throw new ConflictError(
        "batch.not-exported",
        batch.exportedRevision === undefined
          ? `batch ${batchId} was never exported: export it, send the file to the bank, then mark it paid`
          : `batch ${batchId} changed since its last export (a payout failed and left it): export it again, send the new file to the bank, then mark it paid`,
        { revision: batch.revision, exportedRevision: batch.exportedRevision },
      );
    }
    try {
      await updateItem(deps, {
        Key: keys.batch(batchId),
        UpdateExpression: "SET #status = :settling",
        ConditionExpression:
          "#status = :open AND (revision = :rev OR attribute_not_exists(revision))",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":settling": "settling",
          ":open": "open",
          ":rev": batch.revision,
        },
      });
      return { ...batch, status: "settling" };
    } catch (error) {
      // A payout left it, or another run started settling it, between our read and our write.
      if (!conditionFailed(error)) throw error;
    }
  }
  throw new ConflictError("batch.busy", `batch ${batchId} kept changing: try again`);
}

async function closeBatch(deps: Deps, batch: BatchRecord, paidAt: string): Promise<BatchRecord> {
  if (batch.status === "paid") return batch;
  try {
    await updateItem(deps, {
      Key: keys.batch(batch.batchId),
      UpdateExpression: "SET #status = :paid, paidAt = :paidAt",
      ConditionExpression: "#status = :settling",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":paid": "paid", ":settling": "settling", ":paidAt": paidAt },
    });
    return { ...batch, status: "paid", paidAt };
  } catch (error) {
    // A concurrent run closed it first.
    if (!conditionFailed(error)) throw error;
    return getBatch(deps, batch.batchId);
  }
}

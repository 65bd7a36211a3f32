import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { keys } from "../db/layout";
import { readItem } from "../db/records";
import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { ConflictError, EntraideError, NotFoundError } from "../errors";
import { FundMovements } from "../funds/movements";
import type { Payout, PayoutStatus } from "../payouts/payout";
import { type BatchRecord, getBatch } from "./batches";
import { batchPayouts } from "./exports";
import { chunks } from "./query";
import { type SignalOutcome, type SignalReport, sendSignal, UNDELIVERED } from "./signals";
import { transact } from "./transact";

/** The callback state of the request workflows that waits for the payout's fate. */
export const PAYOUT_STATE = "payout";

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

/** A payout's move to `status`, conditioned on where it is now; its index keys follow it. */
function movePayout(
  deps: Deps,
  payout: Payout,
  from: PayoutStatus,
  to: PayoutStatus,
  set: Record<string, string>,
) {
  const gsi = keys.payoutStatus(payout.fund, to, payout.approvedAt, payout.payoutId);
  const values: Record<string, unknown> = { ":from": from, ":to": to, ":batchId": payout.batchId, ":gpk": gsi.gsi1pk, ":gsk": gsi.gsi1sk };
  const assignments = ["#status = :to", "gsi1pk = :gpk", "gsi1sk = :gsk"];
  for (const [name, value] of Object.entries(set)) {
    assignments.push(`${name} = :${name}`);
    values[`:${name}`] = value;
  }
  return {
    Update: {
      TableName: deps.config.table,
      Key: keys.payout(payout.payoutId),
      UpdateExpression: `SET ${assignments.join(", ")}`,
      // The batch too: a payout that failed and was batched again is the new batch's to settle.
      ConditionExpression: "#status = :from AND batchId = :batchId",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: values,
    },
  };
}

async function readPayout(deps: Deps, payoutId: string) {
  const item = await readItem(deps, keys.payout(payoutId));
  return item as (Payout & { paidAt?: string }) | undefined;
}

function countersCorrupt(fund: string): EntraideError {
  return new EntraideError(
    "fund.counters-corrupt",
    `the ${fund} fund's counters do not cover this payout: stop and check the fund report`,
  );
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
  const batch = await getBatch(deps, batchId);
  const report: SettlementReport = {
    batch,
    paid: 0,
    alreadyPaid: 0,
    unpaid: [],
    signals: { delivered: 0, queued: 0, "already-sent": 0, elsewhere: 0, ended: 0, missing: 0, failed: 0 },
    signalProblems: [],
  };
  const paidAt = deps.clock.now().toISOString();
  let done = 0;
  const settle = async (payout: Payout) => {
    const outcome = await transact(deps, [
      movePayout(deps, payout, "batched", "paid", { paidAt }),
      FundMovements.consume(deps.config.table, payout.fund, payout.amountCents).item,
    ]);
    let when = paidAt;
    if (outcome.written) report.paid++;
    else if (outcome.failedItem === 1) throw countersCorrupt(payout.fund);
    else {
      const current = await readPayout(deps, payout.payoutId);
      if (current?.status !== "paid" || current.batchId !== batchId) {
        report.unpaid.push({ payoutId: payout.payoutId, status: current?.status ?? "missing", batchId: current?.batchId });
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
      queue: false,
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

async function closeBatch(deps: Deps, batch: BatchRecord, paidAt: string): Promise<BatchRecord> {
  if (batch.status === "paid") return batch;
  try {
    await deps.clients.ddb.send(
      new UpdateCommand({
        TableName: deps.config.table,
        Key: keys.batch(batch.batchId),
        UpdateExpression: "SET #status = :paid, paidAt = :paidAt",
        ConditionExpression: "#status = :open",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":paid": "paid", ":open": "open", ":paidAt": paidAt },
      }),
    );
    return { ...batch, status: "paid", paidAt };
  } catch (error) {
    // A concurrent run closed it first.
    if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
    return getBatch(deps, batch.batchId);
  }
}

export interface FailureReport {
  payoutId: string;
  batchId?: string;
  /** Its status before this command: `batched`, `paid` (the bank returned it) or `payout-failed`. */
  previousStatus: PayoutStatus;
  alreadyFailed: boolean;
  /** Paid cents turned back into a reservation (a returned transfer). */
  reversedCents: number;
  signal: SignalReport;
}

/**
 * Records that a payout did not reach the member: `batched` → `payout-failed`, or `paid` →
 * `payout-failed` when the bank returned the transfer, which turns its payment back into a
 * reservation in the same transaction. The request's workflow is then told (state `payout`,
 * event `payout-failed`, once per payout and batch); it asks the member for a new IBAN and
 * schedules the payout again. Running it again reports `alreadyFailed` and changes nothing.
 *
 * @throws NotFoundError for an unknown payout; ConflictError `payout.not-sent` for a payout
 * still `scheduled` (never exported: nothing can have failed).
 */
export async function markPayoutFailed(
  deps: Deps,
  engine: Engine,
  payoutId: string,
  reason: string,
): Promise<FailureReport> {
  if (reason.trim() === "") throw new EntraideError("payout.reason-missing", "give the reason the payout failed", { status: 400 });
  const failedAt = deps.clock.now().toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const payout = await readPayout(deps, payoutId);
    if (!payout) throw new NotFoundError(`payout ${payoutId}`);
    const from = payout.status;
    if (from === "scheduled") {
      throw new ConflictError("payout.not-sent", `payout ${payoutId} is scheduled and was never sent to the bank: nothing can have failed`);
    }
    let reversedCents = 0;
    if (from !== "payout-failed") {
      const move = movePayout(deps, payout, from, "payout-failed", { failedAt, failureReason: reason });
      const reversal = from === "paid" ? [FundMovements.unconsume(deps.config.table, payout.fund, payout.amountCents).item] : [];
      const outcome = await transact(deps, [move, ...reversal]);
      if (!outcome.written && outcome.failedItem === 1) throw countersCorrupt(payout.fund);
      // It moved between our read and our write (paid meanwhile): decide again.
      if (!outcome.written) continue;
      reversedCents = reversal.length > 0 ? payout.amountCents : 0;
    }
    const signal = await sendSignal(deps, engine, {
      executionId: payout.requestId,
      state: PAYOUT_STATE,
      payload: { event: "payout-failed", reason: from === "payout-failed" ? (payout as { failureReason?: string }).failureReason ?? reason : reason },
      once: `payout-failed#${payout.batchId}#${payoutId}`,
      queue: false,
    });
    return { payoutId, batchId: payout.batchId, previousStatus: from, alreadyFailed: from === "payout-failed", reversedCents, signal };
  }
  throw new ConflictError("payout.busy", `payout ${payoutId} kept changing: try again`);
}

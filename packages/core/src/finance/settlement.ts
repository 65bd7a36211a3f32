import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { keys } from "../db/layout";
import { chunks } from "../db/query";
import { readItem } from "../db/records";
import { transact } from "../db/transact";
import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { ConflictError, EntraideError, NotFoundError } from "../errors";
import { FundMovements } from "../funds/movements";
import type { Payout, PayoutStatus } from "../payouts/payout";
import { movePayout } from "../payouts/records";
import { type BatchRecord, getBatch } from "./batches";
import { batchPayouts } from "./exports";
import { type SignalOutcome, type SignalReport, sendSignal, UNDELIVERED } from "./signals";

/** The callback state of the request workflows that waits for the payout's fate. */
export const PAYOUT_STATE = "payout";
/** Where a request goes back to when the bank returns a transfer after the request moved on or closed. */
export const RETURNED_STATE = "payout-returned";
/** The states after the payment that take a returned transfer (the others pass in moments). */
const AFTER_PAYMENT_STATES = new Set(["repaying", "recovery"]);
/** Attempts to mark a payout failed while its batch is being settled by someone else. */
const BUSY_ATTEMPTS = 10;

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
      movePayout(deps.config.table, payout, {
        from: "batched",
        to: "paid",
        set: { paidAt },
        expect: { batchId },
      }),
      FundMovements.consume(deps.config.table, payout.fund, payout.amountCents, paidAt).item,
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
      await deps.clients.ddb.send(
        new UpdateCommand({
          TableName: deps.config.table,
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
        }),
      );
      return { ...batch, status: "settling" };
    } catch (error) {
      // A payout left it, or another run started settling it, between our read and our write.
      if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
    }
  }
  throw new ConflictError("batch.busy", `batch ${batchId} kept changing: try again`);
}

async function closeBatch(deps: Deps, batch: BatchRecord, paidAt: string): Promise<BatchRecord> {
  if (batch.status === "paid") return batch;
  try {
    await deps.clients.ddb.send(
      new UpdateCommand({
        TableName: deps.config.table,
        Key: keys.batch(batch.batchId),
        UpdateExpression: "SET #status = :paid, paidAt = :paidAt",
        ConditionExpression: "#status = :settling",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":paid": "paid", ":settling": "settling", ":paidAt": paidAt },
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
  /** The payout left its open batch, which must be exported again before it is marked paid. */
  leftBatch: boolean;
  signal: SignalReport;
}

/**
 * The payout's move to `payout-failed`, with what must change with it: a payout of an open batch
 * leaves the batch (its copy, count and total, the batch's revision moves so the file must be
 * exported again); a paid payout's payment becomes a reservation again.
 */
function failureWrites(
  deps: Deps,
  payout: Payout,
  batch: BatchRecord | undefined,
  set: Record<string, string>,
) {
  const table = deps.config.table;
  const move = movePayout(table, payout, {
    from: payout.status,
    to: "payout-failed",
    set,
    expect: payout.batchId ? { batchId: payout.batchId } : {},
  });
  if (payout.status === "paid")
    return [
      move,
      FundMovements.unconsume(table, payout.fund, payout.amountCents, set.failedAt).item,
    ];
  if (!batch) return [move];
  return [
    move,
    {
      Delete: {
        TableName: table,
        Key: keys.batchPayout(batch.batchId, payout.approvedAt, payout.payoutId),
        ConditionExpression: "attribute_exists(pk)",
      },
    },
    {
      Update: {
        TableName: table,
        Key: keys.batch(batch.batchId),
        UpdateExpression: "ADD payoutCount :minusOne, totalCents :minus, revision :one",
        ConditionExpression: "#status = :open",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":minusOne": -1,
          ":minus": -payout.amountCents,
          ":one": 1,
          ":open": "open",
        },
      },
    },
  ];
}

/**
 * Records that a payout did not reach the member: `batched` → `payout-failed` (the payout leaves
 * its batch while the batch is open), or `paid` → `payout-failed` when the bank returned the
 * transfer, which turns its payment back into a reservation in the same transaction. The
 * request's workflow is then told once per payout and batch: waiting for the payment, it goes to
 * `payout-failed`; already past it (repaying, recovery) or closed, it goes back there; either way
 * it asks the member for a new IBAN. Running it again reports `alreadyFailed` and changes nothing.
 *
 * @throws NotFoundError for an unknown payout; ConflictError `payout.not-sent` for a payout
 * still `scheduled` (never exported: nothing can have failed), `payout.busy` while its batch is
 * being marked paid (try again once it is: it is then a returned transfer).
 */
export async function markPayoutFailed(
  deps: Deps,
  engine: Engine,
  payoutId: string,
  reason: string,
): Promise<FailureReport> {
  if (reason.trim() === "")
    throw new EntraideError("payout.reason-missing", "give the reason the payout failed", {
      status: 400,
    });
  const failedAt = deps.clock.now().toISOString();
  for (let attempt = 0; attempt < BUSY_ATTEMPTS; attempt++) {
    const payout = await readPayout(deps, payoutId);
    if (!payout) throw new NotFoundError(`payout ${payoutId}`);
    const from = payout.status;
    if (from === "scheduled" || from === "abandoned") {
      throw new ConflictError(
        "payout.not-sent",
        `payout ${payoutId} is ${from} and is not with the bank: nothing can have failed`,
        { status: from },
      );
    }
    let reversedCents = 0;
    let leftBatch = false;
    if (from !== "payout-failed") {
      const batch =
        from === "batched" && payout.batchId ? await getBatch(deps, payout.batchId) : undefined;
      if (batch && batch.status !== "open") {
        // Being marked paid: in a moment the payout is paid, and its failure a returned transfer.
        await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
        continue;
      }
      const writes = failureWrites(deps, payout, batch, { failedAt, failureReason: reason });
      const outcome = await transact(deps, writes);
      if (!outcome.written && from === "paid" && outcome.failedItem === 1)
        throw countersCorrupt(payout.fund);
      // It moved between our read and our write (paid, or its batch started settling): decide again.
      if (!outcome.written) continue;
      reversedCents = from === "paid" ? payout.amountCents : 0;
      leftBatch = batch !== undefined;
    }
    const why =
      from === "payout-failed"
        ? ((payout as { failureReason?: string }).failureReason ?? reason)
        : reason;
    const signal = await tellPayoutFailed(deps, engine, payout, why);
    return {
      payoutId,
      batchId: payout.batchId,
      previousStatus: from,
      alreadyFailed: from === "payout-failed",
      reversedCents,
      leftBatch,
      signal,
    };
  }
  throw new ConflictError(
    "payout.busy",
    `payout ${payoutId} kept changing (its batch is being marked paid): try again in a moment`,
  );
}

/** Tells the request's workflow, wherever it is after the payment, that its transfer failed. */
async function tellPayoutFailed(deps: Deps, engine: Engine, payout: Payout, reason: string) {
  const execution = await getExecution(deps, payout.requestId);
  const state =
    execution?.status === "running" && AFTER_PAYMENT_STATES.has(execution.state)
      ? execution.state
      : PAYOUT_STATE;
  return sendSignal(deps, engine, {
    executionId: payout.requestId,
    state,
    payload: { event: "payout-failed", reason },
    once: `payout-failed#${payout.batchId}#${payout.payoutId}`,
    reopenAt: RETURNED_STATE,
  });
}

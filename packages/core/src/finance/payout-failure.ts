import { keys } from "../db/layout";
import { transact } from "../db/transact";
import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { ConflictError, EntraideError, NotFoundError } from "../errors";
import { FundMovements } from "../funds/movements";
import type { Payout, PayoutStatus } from "../payouts/payout";
import { movePayout } from "../payouts/records";
import { type BatchRecord, getBatch } from "./batches";
import {
  BUSY_ATTEMPTS,
  countersCorrupt,
  PAYOUT_STATE,
  RETURNED_STATE,
  readPayout,
} from "./payout-state";
import { type SignalReport, sendSignal } from "./signals";

/** The states after the payment that take a returned transfer (the others pass in moments). */
const AFTER_PAYMENT_STATES = new Set(["repaying", "recovery"]);

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
  payout: Payout,
  batch: BatchRecord | undefined,
  set: Record<string, string>,
) {
  const move = movePayout(payout, {
    from: payout.status,
    to: "payout-failed",
    set,
    expect: payout.batchId ? { batchId: payout.batchId } : {},
  });
  if (payout.status === "paid")
    return [move, FundMovements.unconsume(payout.fund, payout.amountCents, set.failedAt).item];
  if (!batch) return [move];
  return [
    move,
    {
      Delete: {
        Key: keys.batchPayout(batch.batchId, payout.approvedAt, payout.payoutId),
        ConditionExpression: "attribute_exists(pk)",
      },
    },
    {
      Update: {
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
    if (!payout) throw new NotFoundError("payout", payoutId);
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
      const writes = failureWrites(payout, batch, { failedAt, failureReason: reason });
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

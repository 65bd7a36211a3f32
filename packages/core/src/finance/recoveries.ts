import { createHash } from "node:crypto";
import { keys } from "../db/layout";
import { byStatus } from "../db/query";
import { readItem } from "../db/records";
import { transact } from "../db/transact";
import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import type { Execution } from "../engine/execution";
import { executionsInStatus } from "../engine/operations";
import { getExecution } from "../engine/store";
import { ConflictError, EntraideError, NotFoundError } from "../errors";
import { FundMovements } from "../funds/movements";
import { formatCents } from "../money/cents";
import { planConfig } from "../plan/config";
import type { RequestData } from "../requests/record";
import type { RequestType } from "../requests/request-types";
import { type SignalReport, sendSignal } from "./signals";

/** The request types whose client may owe the fund what it paid the member. */
export const RECOVERY_WORKFLOWS = ["cancelled-contract", "incurred-expenses"];

/** The callback state of those workflows that follows up the client. */
export const RECOVERY_STATE = "recovery";

export interface RecoveryRecord {
  requestId: string;
  bankReference: string;
  outcome: "recorded" | "already-recorded";
  amountCents: number;
  owedCents: number;
  recoveredCents: number;
  outstandingCents: number;
  /** What the client follow-up (the workflow's `recovery` state) was told, if it is still open. */
  followUp: SignalReport;
}

/** A bank reference as finance may type it: spaces and case do not make another payment. */
export const normaliseBankReference = (reference: string) =>
  reference.trim().replace(/\s+/g, " ").toUpperCase();

/** What the member was paid, which the client may owe back; undefined before the payout is paid. */
function owedBy(data: RequestData): number | undefined {
  return data.payout?.status === "paid"
    ? (data.approvedAmountCents ?? data.amountCents)
    : undefined;
}

async function recoverable(
  deps: Deps,
  requestId: string,
): Promise<{ execution: Execution; data: RequestData; owedCents: number }> {
  const execution = await getExecution(deps, requestId);
  if (!execution) throw new NotFoundError("request", requestId);
  if (!RECOVERY_WORKFLOWS.includes(execution.workflow)) {
    throw new ConflictError(
      "recovery.no-client",
      `request ${requestId} is ${execution.workflow}: only ${RECOVERY_WORKFLOWS.join(" and ")} requests have a client to recover from`,
    );
  }
  const data = execution.data as RequestData;
  const owedCents = owedBy(data);
  if (owedCents === undefined) {
    throw new ConflictError(
      "recovery.not-paid",
      `request ${requestId} has not been paid out (it is ${data.status}): there is nothing to recover yet`,
    );
  }
  return { execution, data, owedCents };
}

async function recoveredSoFar(deps: Deps, requestId: string): Promise<number> {
  return Number((await readItem(deps, keys.recoveryTotal(requestId)))?.recoveredCents ?? 0);
}

/**
 * Records a payment a client made for a request, seen on the bank statement under
 * `bankReference`: once per bank reference (the same line recorded again changes nothing; a
 * reference already used for another payment is refused), any number of partial payments up to
 * what the member was paid, whether the client follow-up is still open, closed, or never
 * started (no consent). The payment, the request's total and the fund move in one transaction;
 * the follow-up, if still open, is told after, and closes once the client owes nothing.
 *
 * @throws EntraideError 400 for an amount or reference that is not one; NotFoundError for an
 * unknown request; ConflictError `recovery.no-client`, `recovery.not-paid`,
 * `recovery.reference-used`, `recovery.overpaid`.
 */
export async function recordRecovery(
  deps: Deps,
  engine: Engine,
  requestId: string,
  amountCents: number,
  bankReference: string,
): Promise<RecoveryRecord> {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new EntraideError("amount.invalid", "a recovered amount must be more than 0 euros", {
      status: 400,
    });
  }
  const reference = normaliseBankReference(bankReference);
  if (reference.length === 0 || reference.length > 140) {
    throw new EntraideError(
      "recovery.reference-invalid",
      "give the bank reference of the payment (1 to 140 characters), as on the bank statement",
      { status: 400 },
    );
  }
  const referenceHash = createHash("sha256").update(reference).digest("hex");
  const { execution, owedCents } = await recoverable(deps, requestId);
  const fund = planConfig.types[execution.workflow as RequestType].fund;
  const now = deps.clock.now().toISOString();
  let outcome: RecoveryRecord["outcome"] = "recorded";
  const existing = await readItem(deps, keys.recoveryPayment(referenceHash));
  if (existing) outcome = sameOrRefuse(existing, requestId, amountCents, reference);
  else {
    const recovered = await recoveredSoFar(deps, requestId);
    const written = await transact(deps, [
      {
        Put: {
          Item: {
            ...keys.recoveryPayment(referenceHash),
            kind: "recovery-payment",
            requestId,
            bankReference: reference,
            amountCents,
            fund,
            recordedAt: now,
          },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      {
        Update: {
          Key: keys.recoveryTotal(requestId),
          UpdateExpression:
            "ADD recoveredCents :a SET kind = :kind, requestId = :id, owedCents = :owed, gsi1pk = :gpk, gsi1sk = :gsk, updatedAt = :now",
          ConditionExpression: "attribute_not_exists(recoveredCents) OR recoveredCents <= :max",
          ExpressionAttributeValues: {
            ":a": amountCents,
            ":kind": "recovery-total",
            ":id": requestId,
            ":owed": owedCents,
            ":gpk": keys.recoveryPartition(),
            ":gsk": requestId,
            ":now": now,
            ":max": owedCents - amountCents,
          },
        },
      },
      FundMovements.replenish(fund, "recoveredCents", amountCents, now).item,
    ]);
    if (!written.written && written.failedItem === 0) {
      // Someone recorded the same line a moment ago.
      outcome = sameOrRefuse(
        (await readItem(deps, keys.recoveryPayment(referenceHash)))!,
        requestId,
        amountCents,
        reference,
      );
    } else if (!written.written && written.failedItem === 1) {
      const outstanding = owedCents - (await recoveredSoFar(deps, requestId));
      throw new ConflictError(
        "recovery.overpaid",
        `${formatCents(amountCents)} euros is more than the client still owes on request ${requestId} (${formatCents(outstanding)} euros of ${formatCents(owedCents)}): nothing was recorded`,
        { owedCents, outstandingCents: outstanding, recoveredBefore: recovered },
      );
    } else if (!written.written) {
      throw new EntraideError(
        "recovery.fund-missing",
        `the ${fund} fund does not exist: nothing was recorded`,
        { status: 409 },
      );
    }
  }
  const recoveredCents = await recoveredSoFar(deps, requestId);
  const followUp = await sendSignal(deps, engine, {
    executionId: requestId,
    state: RECOVERY_STATE,
    payload: {
      event: "recovered",
      bankReference: reference,
      amountCents,
      recoveredCents,
      owedCents,
    },
    once: `recovery#${referenceHash}`,
  });
  return {
    requestId,
    bankReference: reference,
    outcome,
    amountCents,
    owedCents,
    recoveredCents,
    outstandingCents: owedCents - recoveredCents,
    followUp,
  };
}

function sameOrRefuse(
  existing: Record<string, unknown>,
  requestId: string,
  amountCents: number,
  reference: string,
): "already-recorded" {
  if (existing.requestId === requestId && existing.amountCents === amountCents)
    return "already-recorded";
  throw new ConflictError(
    "recovery.reference-used",
    `bank reference ${reference} was already recorded: ${formatCents(Number(existing.amountCents))} euros for request ${String(existing.requestId)}; nothing was recorded`,
  );
}

export interface RecoveryLine {
  requestId: string;
  type: string;
  client: string;
  owedCents: number;
  recoveredCents: number;
  outstandingCents: number;
  /** Whether the client follow-up (invitation, reminder) is still running. */
  followUpOpen: boolean;
}

/**
 * What each client owes: every paid cancelled-contract and incurred-expenses request, with what
 * was recovered; with `open`, only those still owing something. Oldest request first.
 */
export async function listRecoveries(
  deps: Deps,
  options: { open?: boolean } = {},
): Promise<RecoveryLine[]> {
  const recovered = new Map<string, number>();
  for await (const item of byStatus(deps, keys.recoveryPartition()))
    recovered.set(String(item.requestId), Number(item.recoveredCents));
  const lines: RecoveryLine[] = [];
  for (const workflow of RECOVERY_WORKFLOWS) {
    for (const status of ["running", "succeeded"] as const) {
      for await (const execution of executionsInStatus(deps, workflow, status)) {
        const data = execution.data as RequestData;
        const owedCents = owedBy(data);
        if (owedCents === undefined) continue;
        const recoveredCents = recovered.get(execution.id) ?? 0;
        const r = data.request;
        lines.push({
          requestId: execution.id,
          type: workflow,
          client: "client" in r ? r.client.name : "",
          owedCents,
          recoveredCents,
          outstandingCents: owedCents - recoveredCents,
          followUpOpen: execution.status === "running" && execution.state === RECOVERY_STATE,
        });
      }
    }
  }
  return lines.filter((l) => !options.open || l.outstandingCents > 0);
}

import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { ConflictError, EntraideError, NotFoundError } from "../errors";
import { type SignalReport, sendSignal } from "./signals";

/** The request types whose client may owe the fund what it paid the member. */
export const RECOVERY_WORKFLOWS = ["cancelled-contract", "incurred-expenses"];

/** The callback state of those workflows that follows up the client. */
export const RECOVERY_STATE = "recovery";

/**
 * Records money a client paid back for a request: the request's workflow (state `recovery`,
 * event `recovered`) returns it to the fund and closes the client follow-up.
 *
 * @throws NotFoundError for an unknown request; ConflictError `recovery.no-client` for a type
 * without a client, `recovery.not-recorded` when the workflow could not take it (it has ended).
 */
export async function recordRecovery(
  deps: Deps,
  engine: Engine,
  requestId: string,
  amountCents: number,
): Promise<SignalReport> {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new EntraideError("amount.invalid", "a recovered amount must be more than 0 euros", { status: 400 });
  }
  const execution = await getExecution(deps, requestId);
  if (!execution) throw new NotFoundError(`request ${requestId}`);
  if (!RECOVERY_WORKFLOWS.includes(execution.workflow)) {
    throw new ConflictError(
      "recovery.no-client",
      `request ${requestId} is ${execution.workflow}: only ${RECOVERY_WORKFLOWS.join(" and ")} requests have a client to recover from`,
    );
  }
  const signal = await sendSignal(deps, engine, {
    executionId: requestId,
    state: RECOVERY_STATE,
    payload: { event: "recovered", amountCents },
  });
  if (signal.outcome !== "delivered") {
    throw new ConflictError("recovery.not-recorded", `the recovery was not recorded: ${signal.detail ?? signal.outcome}`);
  }
  return signal;
}

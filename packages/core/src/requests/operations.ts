import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { asRequest } from "./record";

/**
 * Operations reopen a request whose returned transfer was abandoned (the member came back):
 * its money is reserved again and the member asked again for an IBAN.
 *
 * @throws NotFoundError for an unknown request; ConflictError when it is not abandoned.
 */
export async function reopenAbandoned(deps: Deps, engine: Engine, id: string) {
  const execution = await getExecution(deps, id);
  if (!execution) throw new NotFoundError("request", id);
  const result = await engine.signal(
    id,
    { state: "abandoned", visit: execution.visit },
    { event: "reopen" },
    { current: execution },
  );
  if (result.outcome !== "applied")
    throw new ConflictError("request.not-abandoned", `request ${id} is not an abandoned payout`, {
      status: asRequest(execution.data).status,
    });
  return { status: "reopening" };
}

/**
 * Operations close a disputed request after looking into it: it ends unpaid, with `reason` in
 * its status and history, any reservation back to the fund, the registered member and the
 * approvers told. One conditional transition of the dispute: a second close is refused.
 *
 * @throws ValidationError without a reason; NotFoundError for an unknown request;
 *   ConflictError (`request.not-disputed`, with its status) when it is not disputed.
 */
export async function closeDispute(deps: Deps, engine: Engine, id: string, reason: string) {
  const why = reason.trim();
  if (!why)
    throw new ValidationError([
      { path: "reason", code: "required", message: "say why the dispute is closed (--reason)" },
    ]);
  const execution = await getExecution(deps, id);
  if (!execution) throw new NotFoundError("request", id);
  const result = await engine.signal(
    id,
    { state: "disputed", visit: execution.visit },
    { event: "close-dispute", reason: why },
    { current: execution },
  );
  if (result.outcome !== "applied") {
    const status = asRequest((result.execution ?? execution).data).status;
    throw new ConflictError(
      "request.not-disputed",
      `request ${id} is ${status}, not disputed: only a disputed request can be closed`,
      { status },
    );
  }
  return { status: "dispute-closed" as const };
}

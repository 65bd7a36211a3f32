import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { ConflictError, NotFoundError } from "../errors";
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

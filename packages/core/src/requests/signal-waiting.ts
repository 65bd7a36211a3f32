import type { Engine } from "../engine/engine";
import type { Execution } from "../engine/execution";
import type { Transition } from "../engine/store";
import { VOTE_PASSING_STATES } from "./votes";

/** The states a request passes through in moments: checks, routing, the choice after approval. */
export const PASSING_STATES: ReadonlySet<string> = new Set([
  "received",
  "checking",
  "after-checks",
  "owner-check",
  "notifying-owner",
  "co-applicants",
  "inviting-co-applicants",
  "routing",
  ...VOTE_PASSING_STATES,
  "approved",
]);

const POLLS = 20;
const POLL_MS = 150;

/**
 * Signals a request in one of the `waiting` states, as one conditional transition of the visit
 * just read; while it passes through {@link PASSING_STATES} it looks again a moment later. The
 * outcome says what happened: `applied`, `refused` by the state, `not-waiting` (the request is
 * elsewhere) or `busy` (it kept moving), with the execution as last read, for the caller's 409.
 */
export async function signalWaiting(
  engine: Engine,
  read: () => Promise<Execution | undefined>,
  waiting: ReadonlySet<string>,
  payload: Record<string, unknown>,
  options: {
    extra?: Transition["extra"];
    from?: { key: string; meta: Record<string, unknown> };
  } = {},
): Promise<{
  outcome: "applied" | "refused" | "not-waiting" | "busy";
  execution: Execution | undefined;
}> {
  let execution = await read();
  for (let attempt = 0; attempt < POLLS; attempt++) {
    if (execution?.status === "running" && waiting.has(execution.state)) {
      const result = await engine.signal(
        execution.id,
        { state: execution.state, visit: execution.visit },
        payload,
        // As just read: signal reads it again only if it moved meanwhile.
        { ...options, current: execution },
      );
      if (result.outcome === "applied" || result.outcome === "refused")
        return { outcome: result.outcome, execution: result.execution };
    } else if (execution?.status !== "running" || !PASSING_STATES.has(execution.state)) {
      return { outcome: "not-waiting", execution };
    } else {
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    execution = await read();
  }
  return { outcome: "busy", execution };
}

import { keys } from "../db/layout";
import { readItem } from "../db/records";
import type { Deps } from "../deps";
import type { Data } from "../engine/definition";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { ConflictError } from "../errors";

/**
 * What became of a signal: `delivered` to the state it was meant for, `queued` for that state's
 * next visit (the execution is elsewhere), `already-sent` before, or not delivered because the
 * execution is `elsewhere` (and queuing was not wanted), has `ended` or is `missing`, or the
 * delivery `failed` (see `detail`).
 */
export type SignalOutcome = "delivered" | "queued" | "already-sent" | "elsewhere" | "ended" | "missing" | "failed";

/** Outcomes after which the workflow does not know: to report, and to try again later. */
export const UNDELIVERED: readonly SignalOutcome[] = ["elsewhere", "ended", "missing", "failed"];

export interface SignalReport {
  executionId: string;
  outcome: SignalOutcome;
  detail?: string;
}

export interface SignalInput {
  executionId: string;
  state: string;
  payload: Data;
  /**
   * Makes the signal happen once: its receipt under this key is committed in the same
   * transaction as the delivery, so a command run again (after a crash) never delivers twice.
   */
  once?: string;
  /**
   * Keep the signal for the state's next visit when the execution is elsewhere (default). Off
   * for events about the present (a payment): applied to a later visit they would be stale.
   */
  queue?: boolean;
}

const ALREADY_SENT = "signal.already-sent";

/**
 * Tells an execution something from trusted code (finance), never throwing: the outcome is
 * for the caller to report, so one request's workflow being elsewhere does not stop a batch.
 * Delivery follows {@link Engine.signal}: the state's current visit, else its next one.
 */
export async function sendSignal(deps: Deps, engine: Engine, input: SignalInput): Promise<SignalReport> {
  const { executionId, state, payload, once } = input;
  const report = (outcome: SignalOutcome, detail?: string): SignalReport => ({ executionId, outcome, detail });
  try {
    const receipt = once === undefined ? undefined : keys.signalReceipt(executionId, once);
    if (receipt && (await readItem(deps, receipt))) return report("already-sent");
    const execution = await getExecution(deps, executionId);
    if (!execution) return report("missing", `no execution ${executionId}`);
    if (execution.status !== "running") return report("ended", `the execution has ${execution.status}`);
    const here = execution.state === state;
    if (!here && input.queue === false) return report("elsewhere", `the execution is in ${execution.state}, not ${state}`);
    const slot = { state, visit: here ? execution.visit : (execution.visits[state] ?? 0) + 1 };
    const extra = receipt
      ? [
          {
            item: {
              Put: {
                TableName: deps.config.table,
                Item: { ...receipt, kind: "signal-receipt", state, payload, at: deps.clock.now().toISOString() },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            error: new ConflictError(ALREADY_SENT, `signal ${once} was already sent`),
          },
        ]
      : [];
    const { outcome } = await engine.deliver(executionId, slot, { payload, token: { key: "signal", meta: {} } }, extra);
    if (outcome === "superseded") return report("ended", `the execution is past ${state}`);
    return here
      ? report("delivered")
      : report("queued", `the execution is in ${execution.state}; kept for its next ${state} state`);
  } catch (error) {
    if (error instanceof ConflictError && error.code === ALREADY_SENT) return report("already-sent");
    return report("failed", (error as Error).message);
  }
}

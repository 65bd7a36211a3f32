import { keys } from "../db/layout";
import { readItem } from "../db/records";
import type { Deps } from "../deps";
import type { Data } from "../engine/definition";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { ConflictError } from "../errors";

/**
 * What became of a signal: `delivered` to the state it was meant for, `already-sent` before, or
 * not delivered because the execution is `elsewhere`, its state `refused` the event, it has
 * `ended` or is `missing`, or the delivery `failed` (see `detail`). A signal is never kept for a
 * later visit of its state: it is about the present (see {@link Engine.signal}).
 */
export type SignalOutcome =
  | "delivered"
  | "already-sent"
  | "elsewhere"
  | "refused"
  | "ended"
  | "missing"
  | "failed";

/** Outcomes after which the workflow does not know: to report, and to try again later. */
export const UNDELIVERED: readonly SignalOutcome[] = [
  "elsewhere",
  "refused",
  "ended",
  "missing",
  "failed",
];

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
   * When the execution has succeeded, take it back to this state (the payload under `reopened`
   * in its data) instead of reporting it `ended`: for news that undoes what it ended on.
   */
  reopenAt?: string;
}

const ALREADY_SENT = "signal.already-sent";

/**
 * Tells an execution something from trusted code (finance), never throwing: the outcome is
 * for the caller to report, so one request's workflow being elsewhere does not stop a batch.
 * Delivery follows {@link Engine.signal}: the state's current visit, or nothing.
 */
export async function sendSignal(
  deps: Deps,
  engine: Engine,
  input: SignalInput,
): Promise<SignalReport> {
  const { executionId, state, payload, once } = input;
  const report = (outcome: SignalOutcome, detail?: string): SignalReport => ({
    executionId,
    outcome,
    detail,
  });
  try {
    const receipt = once === undefined ? undefined : keys.signalReceipt(executionId, once);
    if (receipt && (await readItem(deps, receipt))) return report("already-sent");
    const execution = await getExecution(deps, executionId);
    if (!execution) return report("missing", `no execution ${executionId}`);
    const extra = receipt
      ? [
          {
            item: {
              Put: {
                Item: {
                  ...receipt,
                  kind: "signal-receipt",
                  state,
                  payload,
                  at: deps.clock.now().toISOString(),
                },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            error: new ConflictError(ALREADY_SENT, `signal ${once} was already sent`),
          },
        ]
      : [];
    if (execution.status === "succeeded" && input.reopenAt) {
      const { outcome } = await engine.reopen(
        executionId,
        input.reopenAt,
        { reopened: payload },
        extra,
      );
      if (outcome === "applied") return report("delivered", `reopened at ${input.reopenAt}`);
      return outcome === "refused"
        ? report(
            "ended",
            `the execution has succeeded and its workflow has no ${input.reopenAt} state`,
          )
        : report("elsewhere", "the execution changed meanwhile");
    }
    if (execution.status !== "running")
      return report("ended", `the execution has ${execution.status}`);
    if (execution.state !== state)
      return report("elsewhere", `the execution is in ${execution.state}, not ${state}`);
    const { outcome, execution: now } = await engine.signal(
      executionId,
      { state, visit: execution.visit },
      payload,
      { extra, current: execution },
    );
    if (outcome === "refused")
      return report("refused", `the ${state} state does not take ${String(payload.event)} now`);
    if (outcome === "superseded")
      return now?.status === "running"
        ? report("elsewhere", `the execution moved to ${now.state}`)
        : report(
            "ended",
            now?.status === "failed"
              ? "the request's workflow failed: see `executions show`"
              : "the request is closed",
          );
    return report("delivered");
  } catch (error) {
    if (error instanceof ConflictError && error.code === ALREADY_SENT)
      return report("already-sent");
    return report("failed", (error as Error).message);
  }
}

import { addSeconds } from "../clock";
import { tryWrite } from "./commit";
import type { CallbackState, WorkflowDefinition } from "./definition";
import type { Execution } from "./execution";
import { TIMEOUT_ERROR } from "./retry";
import type { Runtime } from "./runtime";
import { type Reads, runStep } from "./step";
import * as T from "./transitions";

/**
 * A waiting callback state woke up: its timeout passed (the state fails with States.Timeout,
 * catchable), or some of its timers are due (each runs its step, then is set again or dropped).
 */
export async function wake(
  rt: Runtime,
  def: WorkflowDefinition,
  state: CallbackState,
  execution: Execution,
  now: string,
  reads: Reads,
) {
  const d = T.draft(execution, now);
  if (execution.timeoutAt && execution.timeoutAt <= now) {
    T.failState(
      def,
      d,
      { error: TIMEOUT_ERROR, cause: `no callback within ${state.timeoutSeconds} s` },
      false,
      now,
      rt.random,
    );
    return tryWrite(rt, d, execution.rev);
  }
  const timers = [];
  for (const timer of execution.timers ?? []) {
    const rule = state.timers?.find((t) => t.name === timer.name);
    if (!rule || timer.at > now) {
      timers.push(timer);
      continue;
    }
    // Scoped by firing, so the effects of a timer's second firing are not taken for its first's.
    const result = await runStep(
      rt,
      rule.step,
      execution,
      now,
      reads,
      `${timer.name}#${timer.fired + 1}`,
    );
    T.mergeData(d, result?.data);
    d.events.push({
      at: now,
      type: "TimerFired",
      state: execution.state,
      detail: { timer: timer.name, count: timer.fired + 1 },
    });
    T.addEvents(d, now, execution.state, result?.events ?? []);
    const fired = timer.fired + 1;
    if (rule.everySeconds !== undefined && fired < (rule.times ?? 1)) {
      timers.push({ ...timer, fired, at: addSeconds(timer.at, rule.everySeconds) });
    }
  }
  d.next = { ...d.next, timers };
  d.next.wakeAt = T.nextWake(d.next);
  return tryWrite(rt, d, execution.rev);
}

import { addSeconds } from "../clock";
import {
  type CallbackState,
  type Data,
  retryRules,
  type State,
  type StepEvent,
  type WorkflowDefinition,
} from "./definition";
import type { Execution, HistoryEvent } from "./execution";
import { catchTarget, type ErrorInfo, retryDelaySeconds } from "./retry";

/** SQS delays messages by at most 15 minutes; longer waits are the sweeper's. */
export const MAX_QUEUE_DELAY_SECONDS = 900;

export type NewEvent = Omit<HistoryEvent, "seq">;

/** A transition being built: the next execution and the history events that explain it. */
export interface Draft {
  next: Execution;
  events: NewEvent[];
}

export function draft(execution: Execution, now: string): Draft {
  return {
    next: { ...execution, rev: execution.rev + 1, updatedAt: now, sweeps: undefined },
    events: [],
  };
}

export function addEvents(
  d: Draft,
  now: string,
  state: string | undefined,
  events: StepEvent[],
): void {
  for (const e of events) d.events.push({ at: now, type: e.type, state, detail: e.detail });
}

/** Finalises the event count, so history keys follow the execution's own counter. */
export function sealed(d: Draft): Draft {
  return { ...d, next: { ...d.next, seq: d.next.seq + d.events.length } };
}

/**
 * Enters `target`, resolving choice, succeed and fail states on the spot: they do no work, so
 * they cost no write of their own and are committed with the transition that reached them.
 */
export function enter(def: WorkflowDefinition, d: Draft, target: string, now: string): void {
  let name = target;
  for (let hops = 0; hops <= Object.keys(def.states).length; hops++) {
    const state = def.states[name] as State;
    const visits = { ...d.next.visits, [name]: (d.next.visits[name] ?? 0) + 1 };
    d.next = { ...d.next, state: name, visit: visits[name]!, visits, attempt: 0, enteredAt: now };
    d.next.timers = undefined;
    d.next.timeoutAt = undefined;
    d.events.push({ at: now, type: "StateEntered", state: name });
    if (state.type === "choice") {
      let chosen: string;
      try {
        chosen = state.choices.find((c) => c.when(d.next.data))?.next ?? state.default;
      } catch (error) {
        end(d, now, { error: "States.ChoiceFailed", cause: String(error) });
        return;
      }
      name = chosen;
      continue;
    }
    if (state.type === "succeed" || state.type === "fail") {
      end(
        d,
        now,
        state.type === "fail"
          ? { error: state.error, cause: state.cause ?? state.error }
          : undefined,
      );
      return;
    }
    d.next = { ...d.next, status: "running", phase: "run", wakeAt: now };
    if (state.type === "callback") {
      const times = [
        ...(state.timeoutSeconds !== undefined ? [addSeconds(now, state.timeoutSeconds)] : []),
        ...(state.deadline ? [state.deadline(d.next.data)].filter((t) => t !== undefined) : []),
      ];
      d.next.timeoutAt = times.length > 0 ? times.sort()[0] : undefined;
    }
    return;
  }
  end(d, now, { error: "States.ChoiceLoop", cause: `choice states loop from ${target}` });
}

export function end(d: Draft, now: string, error?: ErrorInfo): void {
  d.next = {
    ...d.next,
    status: error ? "failed" : "succeeded",
    phase: "wait",
    wakeAt: undefined,
    error,
  };
  d.next.timers = undefined;
  d.events.push(
    error
      ? { at: now, type: "ExecutionFailed", state: d.next.state, detail: { ...error } }
      : { at: now, type: "ExecutionSucceeded", state: d.next.state },
  );
}

/** Where a state's work goes after it succeeded: its `next`, else the execution ends. */
export function proceed(
  def: WorkflowDefinition,
  d: Draft,
  next: string | undefined,
  now: string,
): void {
  if (next === undefined) end(d, now);
  else enter(def, d, next, now);
}

/** Retry, catch, or fail, in that order, as Step Functions does. */
export function failState(
  def: WorkflowDefinition,
  d: Draft,
  error: ErrorInfo,
  retryable: boolean,
  now: string,
  random: () => number,
): void {
  const state = def.states[d.next.state] as State;
  const rules = retryRules(def, state);
  const attempt = d.next.attempt + 1;
  const delay = retryable ? retryDelaySeconds(rules, error, attempt, random) : undefined;
  if (delay !== undefined) {
    d.next = { ...d.next, attempt, phase: "run", wakeAt: addSeconds(now, delay) };
    d.events.push({
      at: now,
      type: "TaskRetryScheduled",
      state: d.next.state,
      detail: { ...error, attempt, delaySeconds: delay },
    });
    return;
  }
  d.events.push({ at: now, type: "TaskFailed", state: d.next.state, detail: { ...error } });
  const target = catchTarget("catch" in state ? state.catch : undefined, error);
  if (target === undefined) {
    end(d, now, error);
    return;
  }
  d.next = { ...d.next, data: { ...d.next.data, error } };
  enter(def, d, target, now);
}

/** A callback state whose entry step is done starts waiting: timers scheduled from entry. */
export function startWaiting(state: CallbackState, d: Draft): void {
  const timers = (state.timers ?? []).map((t) => ({
    name: t.name,
    at: addSeconds(d.next.enteredAt, t.afterSeconds),
    fired: 0,
  }));
  d.next = { ...d.next, phase: "wait", timers };
  d.next.wakeAt = nextWake(d.next);
}

export function nextWake(e: Execution): string | undefined {
  const times = [...(e.timers ?? []).map((t) => t.at), ...(e.timeoutAt ? [e.timeoutAt] : [])];
  return times.length === 0 ? undefined : times.sort()[0];
}

export function mergeData(d: Draft, data: Data | undefined): void {
  if (data) d.next = { ...d.next, data: { ...d.next.data, ...data } };
}

/**
 * When the sweeper must look at an execution: a runnable one that nobody moved within
 * `graceSeconds` has lost its message; a timer later than the queue can delay is the
 * sweeper's own; a shorter one gets a delayed message and the sweeper only as a safety net.
 */
export function dueAt(e: Execution, now: string, graceSeconds: number): string | undefined {
  if (e.status !== "running" || e.wakeAt === undefined) return undefined;
  const wait = (Date.parse(e.wakeAt) - Date.parse(now)) / 1000;
  if (wait <= 0) {
    const deadline = addSeconds(now, graceSeconds);
    // The due time already written stands while it leaves at least half the grace: never later
    // than the deadline, and a chain of states run in moments moves no index entry.
    const kept = e.due && e.due <= deadline && e.due >= addSeconds(now, graceSeconds / 2);
    return kept ? e.due : deadline;
  }
  return wait <= MAX_QUEUE_DELAY_SECONDS ? addSeconds(e.wakeAt, graceSeconds) : e.wakeAt;
}

import { addSeconds } from "../clock";
import { EntraideError } from "../errors";
import { afterCommit, tryWrite } from "./commit";
import type { AtomicWrite, State, StepResult, WorkflowDefinition } from "./definition";
import { applyInbox } from "./delivery";
import type { Execution } from "./execution";
import { sendWork, type WorkMessage } from "./queue";
import { describeError, isRetryable } from "./retry";
import { InjectedCrash, type Runtime, stepsOf } from "./runtime";
import { type Reads, runStep } from "./step";
import { getExecution, WriteConditionError } from "./store";
import { wake } from "./timers";
import * as T from "./transitions";

/** What the worker knows of the invocation it runs in, as plain values (no Lambda types here). */
export interface Invocation {
  /** Milliseconds left before the invocation is stopped (Lambda's `getRemainingTimeInMillis`). */
  remainingMs?: () => number;
}

/** Left of an invocation's remaining time for what follows the chain (a last commit, the send, the batch's response). */
export const INVOCATION_MARGIN_MS = 5000;

/**
 * A safety net only, for a definition that loops through synchronous states with a time source
 * that does not move: the time budget is what bounds a chain.
 */
const MAX_CHAIN = 100;

/**
 * Handles one work message: acts on the execution if the message is current and due, then
 * chains the states that are due at once, within the time budget, before handing over to the
 * queue. Each transition still commits conditioned on its revision, so chaining changes no
 * guarantee: it saves a queue round trip per state.
 */
export async function processMessage(
  rt: Runtime,
  message: WorkMessage,
  invocation: Invocation = {},
): Promise<void> {
  const began = rt.monotonicMs();
  const budget = chainBudget(rt, invocation);
  let execution = await getExecution(rt.deps, message.executionId);
  if (!execution || execution.rev !== message.rev || execution.status !== "running") return;
  // What the steps read of the registers, kept for this invocation's chain of this execution only.
  const reads: Reads = new Map();
  for (let chain = 0; chain < MAX_CHAIN; chain++) {
    const now = rt.now();
    if (!isDue(execution, now)) {
      const wait = execution.wakeAt
        ? (Date.parse(execution.wakeAt) - Date.parse(now)) / 1000
        : Number.POSITIVE_INFINITY;
      // Early by up to the queue's maximum delay: come back then; later than that: the sweeper will.
      if (chain === 0 && wait <= T.MAX_QUEUE_DELAY_SECONDS)
        await sendWork(rt.deps, { executionId: execution.id, rev: execution.rev }, wait);
      return;
    }
    const next = await act(rt, execution, now, reads);
    if (!next) return;
    execution = next;
    if (!isDue(execution, rt.now())) return afterCommit(rt, execution);
    if (rt.monotonicMs() - began >= budget) break;
  }
  await afterCommit(rt, execution);
}

/** The engine's budget, cut to the invocation's remaining time less the margin; 0 runs one state. */
function chainBudget(rt: Runtime, invocation: Invocation): number {
  const left = invocation.remainingMs
    ? invocation.remainingMs() - INVOCATION_MARGIN_MS
    : Number.POSITIVE_INFINITY;
  return Math.max(0, Math.min(rt.chainBudgetMs, left));
}

/** Runs the current state's work and commits the transition; undefined if someone else moved first. */
async function act(
  rt: Runtime,
  execution: Execution,
  now: string,
  reads: Reads,
): Promise<Execution | undefined> {
  const def = rt.definition(execution);
  const state = def.states[execution.state] as State;
  const d = T.draft(execution, now);
  if (state.type === "wait") {
    if (execution.phase === "run") {
      const until = state.until ? state.until(execution.data) : addSeconds(now, state.seconds ?? 0);
      d.next = { ...d.next, phase: "wait", wakeAt: until };
      d.events.push({ at: now, type: "WaitStarted", state: execution.state, detail: { until } });
    } else {
      d.events.push({ at: now, type: "WaitEnded", state: execution.state });
      T.enter(def, d, state.next, now);
    }
    return tryWrite(rt, d, execution.rev);
  }
  if (state.type === "callback" && execution.phase === "wait")
    return wake(rt, def, state, execution, now, reads);
  const stepNames =
    state.type === "callback" ? (state.onEnter ? [state.onEnter] : []) : stepsOf(state);
  let results: (StepResult | undefined)[];
  try {
    results = await Promise.all(stepNames.map((name) => runStep(rt, name, execution, now, reads)));
  } catch (error) {
    if (isInfrastructure(error)) throw error;
    return fail(rt, def, execution, error, now, reads);
  }
  for (const result of results) {
    T.mergeData(d, result?.data);
    T.addEvents(d, now, execution.state, result?.events ?? []);
  }
  if (stepNames.length > 0)
    d.events.push({ at: now, type: "TaskSucceeded", state: execution.state });
  const writes: AtomicWrite[] = results.flatMap((r) => r?.writes ?? []);
  if (state.type === "callback") {
    T.startWaiting(state, d);
    writes.push(...applyInbox(def, state, d, now));
  } else {
    T.proceed(def, d, "next" in state ? state.next : undefined, now);
  }
  try {
    return await tryWrite(rt, d, execution.rev, { writes });
  } catch (error) {
    if (!(error instanceof WriteConditionError)) throw error;
    return fail(rt, def, execution, error, now, reads);
  }
}

/** The state's work failed: the transition is a retry, a catch, or the end of the execution. */
function fail(
  rt: Runtime,
  def: WorkflowDefinition,
  execution: Execution,
  error: unknown,
  now: string,
  reads: Reads,
) {
  // What the failed attempt read may be why it failed: a retry chained in this invocation (one
  // due within the second) reads the registers afresh, as one in a later invocation would.
  reads.clear();
  const d = T.draft(execution, now);
  T.failState(def, d, describeError(error), isRetryable(error), now, rt.random);
  return tryWrite(rt, d, execution.rev);
}

function isDue(execution: Execution, now: string): boolean {
  // A second of tolerance: a delayed message may arrive a hair before its time.
  return execution.wakeAt !== undefined && Date.parse(execution.wakeAt) <= Date.parse(now) + 1000;
}

/** Errors of the engine's own I/O go back to the queue; the step's own errors are the workflow's. */
function isInfrastructure(error: unknown): boolean {
  return (
    error instanceof InjectedCrash ||
    (error instanceof EntraideError && error.code === "effect.in-progress")
  );
}

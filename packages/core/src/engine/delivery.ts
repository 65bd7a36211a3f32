import { EntraideError } from "../errors";
import { afterCommit, tryWrite, write } from "./commit";
import type { AtomicWrite, CallbackState, Data, WorkflowDefinition } from "./definition";
import type { Execution, QueuedCallback } from "./execution";
import { describeError } from "./retry";
import type { Runtime } from "./runtime";
import { getExecution, StaleExecutionError, type Transition, WriteConditionError } from "./store";
import * as T from "./transitions";

/**
 * What became of a callback: `applied` to the visit it targeted (the transition is committed),
 * `queued` for a visit still to come, `refused` by that state (it does not take this event now:
 * nothing changed), or `superseded` (the execution is elsewhere, or ended).
 */
export interface Delivery {
  outcome: "applied" | "queued" | "refused" | "superseded";
  execution: Execution | undefined;
}

/** Contended deliveries read and try again this many times before telling the caller to retry. */
const MAX_DELIVERY_ATTEMPTS = 8;

/**
 * `current`: the execution as the caller has just read it (consistently, in the same request),
 * used for the first attempt instead of reading it again. It decides nothing on its own: the
 * transition commits only if the execution is still at that revision, and a stale one is read
 * afresh for the next attempt.
 */
export interface KnownExecution {
  current?: Execution;
}

/**
 * Something a person or trusted code says to an execution now (a member's withdrawal, finance
 * marking a payout paid): applied to the current visit of `target.state` (of `target.visit`
 * when given, the visit the caller looked at), or not at all. It is never kept for a later
 * visit: the caller answered a person from what is true now, and a signal applied later would
 * make that answer a lie (a member told "withdrawn" whose request is then paid).
 */
export async function signal(
  rt: Runtime,
  executionId: string,
  target: { state: string; visit?: number },
  payload: Data,
  options: { extra?: Transition["extra"]; from?: QueuedCallback["token"] } & KnownExecution = {},
): Promise<Delivery> {
  const execution =
    options.current?.id === executionId
      ? options.current
      : await getExecution(rt.deps, executionId);
  if (!execution)
    throw new EntraideError("execution.not-found", `no execution ${executionId}`, {
      status: 404,
    });
  if (execution.state !== target.state || (target.visit ?? execution.visit) !== execution.visit)
    return { outcome: "superseded", execution };
  return deliver(
    rt,
    executionId,
    { state: target.state, visit: execution.visit },
    { payload, token: options.from ?? { key: "signal", meta: {} } },
    options.extra ?? [],
    { current: execution },
  );
}

/**
 * Applies a callback to the state visit it targets, if the execution is there now. With
 * `queue`, a callback for a visit still to come is kept in the execution's inbox and applied
 * on entry: only tokens issued ahead for a later state (`TokenOptions.target`) need that, since
 * their holder may answer before the execution gets there; nothing a person is answered about
 * is ever queued (see {@link signal}).
 */
export async function deliver(
  rt: Runtime,
  executionId: string,
  slot: { state: string; visit: number },
  callback: QueuedCallback,
  extra: Transition["extra"],
  options: { queue?: boolean } & KnownExecution = {},
): Promise<Delivery> {
  let known = options.current?.id === executionId ? options.current : undefined;
  for (let attempt = 0; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) {
    const execution = known ?? (await getExecution(rt.deps, executionId));
    known = undefined;
    if (execution?.status !== "running") return { outcome: "superseded", execution };
    const now = rt.now();
    const def = rt.definition(execution);
    const d = T.draft(execution, now);
    let writes: AtomicWrite[] = [];
    if (def.states[slot.state]?.type !== "callback") return { outcome: "superseded", execution };
    const here = execution.state === slot.state && execution.visit === slot.visit;
    const ahead = (execution.visits[slot.state] ?? 0) < slot.visit;
    if (here) {
      const state = def.states[slot.state] as CallbackState;
      const applied = applyCallback(def, state, d, callback, now);
      if (!applied) return { outcome: "refused", execution };
      writes = applied;
    } else if (ahead && options.queue) {
      const key = `${slot.state}#${slot.visit}`;
      d.next = {
        ...d.next,
        inbox: { ...execution.inbox, [key]: [...(execution.inbox?.[key] ?? []), callback] },
      };
      d.events.push({
        at: now,
        type: "CallbackQueued",
        state: slot.state,
        detail: { token: callback.token.key },
      });
    } else {
      return { outcome: "superseded", execution };
    }
    try {
      const next = await write(rt, d, execution.rev, { writes, extra });
      await afterCommit(rt, next);
      return { outcome: here ? "applied" : "queued", execution: next };
    } catch (error) {
      if (error instanceof StaleExecutionError) continue;
      if (!(error instanceof WriteConditionError)) throw error;
      // The callback's own write found its condition false: the state fails (catchable), once.
      const failed = T.draft(execution, now);
      T.failState(def, failed, describeError(error), false, now, rt.random);
      const next = await tryWrite(rt, failed, execution.rev, { extra });
      if (!next) continue;
      await afterCommit(rt, next);
      return { outcome: "applied", execution: next };
    }
  }
  throw new EntraideError("execution.contended", "the execution kept changing; try again", {
    retryable: true,
    status: 503,
  });
}

/** Callbacks that arrived before this state visit began are applied as soon as it waits. */
export function applyInbox(
  def: WorkflowDefinition,
  state: CallbackState,
  d: T.Draft,
  now: string,
): AtomicWrite[] {
  const slot = `${d.next.state}#${d.next.visit}`;
  const queued = d.next.inbox?.[slot];
  if (!queued) return [];
  const writes: AtomicWrite[] = [];
  const { [slot]: _, ...rest } = d.next.inbox ?? {};
  d.next = { ...d.next, inbox: Object.keys(rest).length > 0 ? rest : undefined };
  for (const callback of queued) {
    if (d.next.state !== slot.split("#")[0] || d.next.status !== "running") break;
    writes.push(...(applyCallback(def, state, d, callback, now) ?? []));
  }
  return writes;
}

/**
 * The state's decision on one callback, into the draft; undefined when the state refuses it: an
 * event it does not declare, a payload its event's schema refuses, or its callback's `undefined`.
 */
function applyCallback(
  def: WorkflowDefinition,
  state: CallbackState,
  d: T.Draft,
  callback: QueuedCallback,
  now: string,
): AtomicWrite[] | undefined {
  const { event, ...rest } = callback.payload;
  const schema =
    typeof event === "string" && Object.hasOwn(state.events, event) && state.events[event];
  const parsed = schema ? schema.safeParse(rest) : undefined;
  if (!parsed?.success) return undefined;
  const payload = { ...parsed.data, event: event as string };
  const result = state.onCallback(d.next.data, { ...callback, payload, now });
  if (!result) return undefined;
  const target =
    result.outcome !== undefined && Object.hasOwn(state.outcomes, result.outcome)
      ? state.outcomes[result.outcome]
      : undefined;
  if (result.outcome !== undefined && target === undefined)
    // A programming error, never a refusal: the callback named an outcome its state lacks.
    throw new Error(
      `workflow ${def.name} v${def.version}: state ${d.next.state} has no outcome "${result.outcome}"`,
    );
  T.mergeData(d, result.data);
  d.events.push({
    at: now,
    type: "CallbackReceived",
    state: d.next.state,
    detail: { token: callback.token.key, ...callback.payload },
  });
  T.addEvents(d, now, d.next.state, result.events ?? []);
  if (target !== undefined) T.enter(def, d, target, now);
  return result.writes ?? [];
}

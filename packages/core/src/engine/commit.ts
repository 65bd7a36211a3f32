import type { Execution } from "./execution";
import { logTransition } from "./log";
import { sendWork } from "./queue";
import type { Runtime } from "./runtime";
import { commit, StaleExecutionError, type Transition } from "./store";
import * as T from "./transitions";

/** What a transition writes besides the execution: domain writes, the engine's own items. */
export type TransitionExtras = Pick<Transition, "writes" | "extra">;

/**
 * Commits a draft, conditioned on the revision it was drawn from, with the writes every
 * transition carries (report counters); tells `onFailed` and the log what happened.
 */
export async function write(
  rt: Runtime,
  d: T.Draft,
  expectedRev: number,
  extra: TransitionExtras = {},
): Promise<Execution> {
  const { next, events } = T.sealed(d);
  const where = { executionId: next.id, state: next.state };
  rt.fault("before-commit", where);
  const observed = rt.options.transitionWrites?.(next, events) ?? [];
  const due = T.dueAt(next, rt.now(), rt.graceSeconds);
  const def = rt.definitions.get(`${next.workflow}@${next.version}`);
  const stored = await commit(
    rt.deps,
    {
      expectedRev,
      next: { ...next, due },
      events,
      dueAt: due,
      // An engine without this definition (the operations CLI redriving) keeps what is stored detached.
      detached: def?.detached,
      ...extra,
      writes: [...(extra.writes ?? []), ...observed],
    },
    (point) => rt.fault(point, where),
  );
  logTransition(rt.log, def, next, events);
  // Only the transition into `failed` reports it: a repeat of it finds another revision and stops earlier.
  if (next.status === "failed") rt.options.onFailed?.(next);
  rt.fault("after-commit", where);
  return stored;
}

/** {@link write}, or undefined when another transition committed first (this one is void). */
export async function tryWrite(
  rt: Runtime,
  d: T.Draft,
  expectedRev: number,
  extra: TransitionExtras = {},
): Promise<Execution | undefined> {
  try {
    return await write(rt, d, expectedRev, extra);
  } catch (error) {
    if (error instanceof StaleExecutionError) return undefined;
    throw error;
  }
}

/** After a commit made outside the worker (start, callback, redrive): hand the execution to the queue. */
export async function afterCommit(rt: Runtime, execution: Execution): Promise<void> {
  if (execution.status !== "running" || execution.wakeAt === undefined) return;
  const wait = (Date.parse(execution.wakeAt) - Date.parse(rt.now())) / 1000;
  if (wait <= T.MAX_QUEUE_DELAY_SECONDS)
    await sendWork(rt.deps, { executionId: execution.id, rev: execution.rev }, wait);
}

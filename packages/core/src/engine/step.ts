import type { StepContext, StepResult } from "./definition";
import { once } from "./effects";
import type { Execution } from "./execution";
import type { Runtime } from "./runtime";
import { issueToken } from "./tokens";

/** Register reads of one invocation's chain, by key: in flight or done. */
export type Reads = Map<string, Promise<unknown>>;

/**
 * Runs one step of the current state visit with its context: effects keyed by execution,
 * state, visit (and `scope`, a timer's firing) so a repeat never sends twice.
 */
export function runStep(
  rt: Runtime,
  name: string,
  execution: Execution,
  now: string,
  reads: Reads,
  scope?: string,
): Promise<StepResult | undefined> {
  const step = rt.options.steps[name]!;
  const where = { executionId: execution.id, state: execution.state };
  const prefix = `${execution.id}#${execution.state}#${execution.visit}${scope ? `#${scope}` : ""}`;
  const ctx: StepContext = {
    executionId: execution.id,
    workflow: execution.workflow,
    state: execution.state,
    visit: execution.visit,
    attempt: execution.attempt,
    now: new Date(now),
    effect: async (effectName, run) => {
      rt.fault("before-effect", where);
      const result = await once(rt.deps, `${prefix}#${effectName}`, rt.owner, run);
      rt.fault("after-effect", where);
      return result;
    },
    issueToken: (key, options) => issueToken(rt.deps, rt.now(), execution, key, options),
    read: (key, load) => readOnce(reads, key, load),
  };
  return step(execution.data, ctx);
}

function readOnce<T>(reads: Reads, key: string, load: () => Promise<T>): Promise<T> {
  const known = reads.get(key);
  if (known) return known as Promise<T>;
  // A failed read is not kept: the next state (or the retry) reads again.
  const read = load().catch((error) => {
    reads.delete(key);
    throw error;
  });
  reads.set(key, read);
  return read;
}

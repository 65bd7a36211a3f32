import { EntraideError } from "../errors";
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
      const result = await onceAwaited(() =>
        once(rt.deps, `${prefix}#${effectName}`, rt.owner, run),
      );
      rt.fault("after-effect", where);
      return result;
    },
    issueToken: (key, options) => issueToken(rt.deps, rt.now(), execution, key, options),
    read: (key, load) => readOnce(reads, key, load),
  };
  return step(execution.data, ctx);
}

/**
 * Real-time waits before asking an effect found in progress again: about 1.5 s in all. A
 * callback committed while the state's entry step is still sending (a vote from the first email
 * while the others go out) moves the revision, so the entry's own commit will be refused and the
 * invocation the callback starts is the one that must finish the entry: it meets the first
 * invocation's lease on the email in flight. That email is milliseconds from done, so waiting
 * for its recorded result finishes the entry now, where failing sent the record back to the
 * queue for a retry a visibility timeout later. The lease still decides: nothing runs twice.
 */
const IN_PROGRESS_WAITS_MS = [20, 40, 80, 160, 320, 640];

async function onceAwaited<T>(attempt: () => Promise<T>): Promise<T> {
  for (const wait of IN_PROGRESS_WAITS_MS) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof EntraideError) || error.code !== "effect.in-progress") throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  // A lease still held after the waits is a crashed holder's: the queue's retry comes back for it.
  return attempt();
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

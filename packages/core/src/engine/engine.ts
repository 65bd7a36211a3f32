import { afterCommit, type TransitionExtras, write } from "./commit";
import type { Data } from "./definition";
import { type Delivery, deliver, type KnownExecution, signal } from "./delivery";
import type { Execution, QueuedCallback } from "./execution";
import type { StartInput } from "./lifecycle";
import * as lifecycle from "./lifecycle";
import type { WorkMessage } from "./queue";
import { type Invocation, processMessage } from "./run";
import { createRuntime, type EngineOptions, type Runtime } from "./runtime";
import type { Transition } from "./store";
import type { Draft } from "./transitions";

export type { Delivery } from "./delivery";
export { idFromKey, type StartInput } from "./lifecycle";
export type { Invocation } from "./run";
export { type EngineOptions, type FaultPoint, InjectedCrash } from "./runtime";

/**
 * Runs workflow definitions step-function style: DynamoDB holds each execution, SQS only says
 * when to look at one, and every transition is a write conditioned on the execution's revision.
 *
 * This class is the engine's one entrance (handlers, requests, the board and tests call it); each
 * concern lives in its own module: `run` (a state's work, chained), `timers` (a waiting state
 * waking), `delivery` (callbacks and signals), `lifecycle` (start, redrive, reopen, failure after
 * the last receive), `commit` (writing a transition), `tokens` (callback tokens).
 */
export class Engine {
  private readonly rt: Runtime;

  constructor(options: EngineOptions) {
    this.rt = createRuntime(options);
  }

  /** After this long without progress, the sweeper assumes a runnable execution's message lost. */
  get graceSeconds(): number {
    return this.rt.graceSeconds;
  }

  definition(execution: Pick<Execution, "workflow" | "version">) {
    return this.rt.definition(execution);
  }

  /** Starts an execution of the latest version, once per idempotency key. */
  start(input: StartInput): Promise<{ id: string; created: boolean }> {
    return lifecycle.start(this.rt, input);
  }

  /**
   * Handles one work message: acts on the execution if the message is current and due, and goes
   * on with its next states within the chain budget and the invocation's remaining time.
   */
  process(message: WorkMessage, invocation?: Invocation): Promise<void> {
    return processMessage(this.rt, message, invocation);
  }

  /** Marks an execution failed after its message exhausted its receives, for operations to redrive. */
  markFailed(message: WorkMessage, error: unknown): Promise<void> {
    return lifecycle.markFailed(this.rt, message, error);
  }

  /** Resumes a failed execution from the state it failed in. */
  redrive(id: string): Promise<Execution> {
    return lifecycle.redrive(this.rt, id);
  }

  /** Takes a succeeded execution back to `state` when something after its end undoes it. */
  reopen(
    executionId: string,
    state: string,
    data: Data,
    extra: Transition["extra"] = [],
  ): Promise<Delivery> {
    return lifecycle.reopen(this.rt, executionId, state, data, extra);
  }

  /** Something said to the current visit of `target.state` now, or not at all (see delivery.ts). */
  signal(
    executionId: string,
    target: { state: string; visit?: number },
    payload: Data,
    options: { extra?: Transition["extra"]; from?: QueuedCallback["token"] } & KnownExecution = {},
  ): Promise<Delivery> {
    return signal(this.rt, executionId, target, payload, options);
  }

  /** Applies a callback to the state visit it targets (queued for a later one with `queue`). */
  deliver(
    executionId: string,
    slot: { state: string; visit: number },
    callback: QueuedCallback,
    extra: Transition["extra"],
    options: { queue?: boolean } & KnownExecution = {},
  ): Promise<Delivery> {
    return deliver(this.rt, executionId, slot, callback, extra, options);
  }

  /** Commits a draft, conditioned on the revision it was drawn from (see commit.ts). */
  write(d: Draft, expectedRev: number, extra: TransitionExtras = {}): Promise<Execution> {
    return write(this.rt, d, expectedRev, extra);
  }

  /** After a commit made outside the worker (start, callback, redrive): hand the execution to the queue. */
  afterCommit(execution: Execution): Promise<void> {
    return afterCommit(this.rt, execution);
  }
}

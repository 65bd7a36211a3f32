import { createHash, randomUUID } from "node:crypto";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { addSeconds } from "../clock";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import { ConflictError, EntraideError } from "../errors";
import type {
  AtomicWrite,
  CallbackState,
  Data,
  State,
  Step,
  StepContext,
  StepResult,
  TokenOptions,
  WorkflowDefinition,
} from "./definition";
import { once } from "./effects";
import type { Execution, QueuedCallback } from "./execution";
import { GRACE_SECONDS, sendWork, type WorkMessage } from "./queue";
import { describeError, isRetryable, TIMEOUT_ERROR } from "./retry";
import {
  commit,
  getExecution,
  hashOf,
  StaleExecutionError,
  type Transition,
  WriteConditionError,
} from "./store";
import { deriveToken, hashToken } from "./tokens";
import * as T from "./transitions";

/** Places where tests inject crashes, to prove that nothing is lost or doubled. */
export type FaultPoint =
  | "before-effect"
  | "after-effect"
  | "before-commit"
  /** Between an execution committed alone and its history item (store.ts `commit`). */
  | "before-history"
  | "after-commit";

/** What an injected fault becomes: the process dying there, never an error the step could catch. */
export class InjectedCrash extends Error {
  override name = "InjectedCrash";
}

export interface EngineOptions {
  deps: Deps;
  workflows: WorkflowDefinition[];
  steps: Record<string, Step>;
  /** For retry jitter; injectable so tests are repeatable. */
  random?: () => number;
  faults?: (point: FaultPoint, where: { executionId: string; state: string }) => void;
  /** Transitions one invocation may chain before handing over to the queue. */
  maxChain?: number;
  /** After this long without progress, the sweeper assumes a runnable execution's message lost. */
  graceSeconds?: number;
  /** Told once per execution that moves to `failed`, right after that transition is written. */
  onFailed?: (execution: Execution) => void;
  /** Writes that go with every transition (report counters), derived from what it does. */
  transitionWrites?: (next: Execution, events: T.NewEvent[]) => AtomicWrite[];
}

export interface StartInput {
  workflow: string;
  /** The caller's idempotency key: the same key starts one execution, whatever the retries. */
  key: string;
  input: Data;
}

/** A UUID (RFC 9562 version 8) derived from the workflow and the caller's key. */
export function idFromKey(workflow: string, key: string): string {
  const hex = createHash("sha256")
    .update(`${workflow}\n${key}`)
    .digest("hex")
    .slice(0, 32)
    .split("");
  hex[12] = "8";
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Runs workflow definitions step-function style: DynamoDB holds each execution, SQS only says
 * when to look at one, and every transition is a write conditioned on the execution's revision.
 */
export class Engine {
  private readonly deps: Deps;
  private readonly definitions = new Map<string, WorkflowDefinition>();
  private readonly latest = new Map<string, WorkflowDefinition>();
  private readonly random: () => number;
  private readonly maxChain: number;
  readonly graceSeconds: number;
  private readonly owner = randomUUID();

  constructor(private readonly options: EngineOptions) {
    this.deps = options.deps;
    this.random = options.random ?? Math.random;
    this.maxChain = options.maxChain ?? 25;
    this.graceSeconds = options.graceSeconds ?? GRACE_SECONDS;
    for (const def of options.workflows) {
      this.definitions.set(`${def.name}@${def.version}`, def);
      if ((this.latest.get(def.name)?.version ?? 0) < def.version) this.latest.set(def.name, def);
      for (const state of Object.values(def.states)) {
        for (const step of stepsOf(state)) {
          if (!options.steps[step])
            throw new Error(`workflow ${def.name} v${def.version} uses unknown step ${step}`);
        }
      }
    }
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  definition(execution: Pick<Execution, "workflow" | "version">): WorkflowDefinition {
    const def = this.definitions.get(`${execution.workflow}@${execution.version}`);
    if (!def)
      throw new EntraideError(
        "workflow.unknown-version",
        `no definition ${execution.workflow} v${execution.version} is deployed`,
      );
    return def;
  }

  /**
   * Starts an execution of the latest version, once per key: the id is derived from the key,
   * so a retried start finds the execution it already created; a different input under the
   * same key is a conflict.
   */
  async start(input: StartInput): Promise<{ id: string; created: boolean }> {
    const def = this.latest.get(input.workflow);
    if (!def) throw new EntraideError("workflow.unknown", `no workflow named ${input.workflow}`);
    const now = this.now();
    const id = idFromKey(def.name, input.key);
    const inputHash = hashOf(input.input);
    const blank: Execution = {
      id,
      workflow: def.name,
      version: def.version,
      status: "running",
      state: def.startAt,
      visit: 0,
      visits: {},
      attempt: 0,
      phase: "run",
      data: input.input,
      inputHash,
      rev: 0,
      seq: 0,
      enteredAt: now,
      startedAt: now,
      updatedAt: now,
    };
    const d = T.draft(blank, now);
    d.events.push({
      at: now,
      type: "ExecutionStarted",
      detail: { workflow: def.name, version: def.version },
    });
    T.enter(def, d, def.startAt, now);
    try {
      await this.write(d, 0);
    } catch (error) {
      if (!(error instanceof StaleExecutionError)) throw error;
      // The refused write returned the item it found: no read needed to compare inputs.
      const existing = error.current ?? (await getExecution(this.deps, id));
      if (existing?.inputHash !== inputHash) {
        throw new ConflictError(
          "idempotency.conflict",
          "this idempotency key was already used with a different request",
        );
      }
      return { id, created: false };
    }
    await this.afterCommit(d.next);
    return { id, created: true };
  }

  /** Handles one work message: acts on the execution if the message is current and due. */
  async process(message: WorkMessage): Promise<void> {
    let execution = await getExecution(this.deps, message.executionId);
    if (!execution || execution.rev !== message.rev || execution.status !== "running") return;
    // What the steps read of the registers, kept for this invocation's chain of this execution only.
    const reads: Reads = new Map();
    for (let chain = 0; chain < this.maxChain; chain++) {
      const now = this.now();
      if (!isDue(execution, now)) {
        const wait = execution.wakeAt
          ? (Date.parse(execution.wakeAt) - Date.parse(now)) / 1000
          : Number.POSITIVE_INFINITY;
        // Early by up to the queue's maximum delay: come back then; later than that: the sweeper will.
        if (chain === 0 && wait <= T.MAX_QUEUE_DELAY_SECONDS)
          await sendWork(this.deps, { executionId: execution.id, rev: execution.rev }, wait);
        return;
      }
      const next = await this.act(execution, now, reads);
      if (!next) return;
      execution = next;
      if (!isDue(execution, this.now())) return this.afterCommit(execution);
    }
    await this.afterCommit(execution);
  }

  /** Runs the current state's work and commits the transition; undefined if someone else moved first. */
  private async act(
    execution: Execution,
    now: string,
    reads: Reads,
  ): Promise<Execution | undefined> {
    const def = this.definition(execution);
    const state = def.states[execution.state] as State;
    const d = T.draft(execution, now);
    if (state.type === "wait") {
      if (execution.phase === "run") {
        const until = state.until
          ? state.until(execution.data)
          : addSeconds(now, state.seconds ?? 0);
        d.next = { ...d.next, phase: "wait", wakeAt: until };
        d.events.push({ at: now, type: "WaitStarted", state: execution.state, detail: { until } });
      } else {
        d.events.push({ at: now, type: "WaitEnded", state: execution.state });
        T.enter(def, d, state.next, now);
      }
      return this.tryWrite(d, execution.rev);
    }
    if (state.type === "callback" && execution.phase === "wait")
      return this.wake(def, state, execution, now, reads);
    const stepNames =
      state.type === "callback" ? (state.onEnter ? [state.onEnter] : []) : stepsOf(state);
    let results: (StepResult | undefined)[];
    try {
      results = await Promise.all(
        stepNames.map((name) => this.runStep(name, execution, now, reads)),
      );
    } catch (error) {
      if (isInfrastructure(error)) throw error;
      return this.fail(def, execution, error, now);
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
      writes.push(...this.applyInbox(def, state, d, now));
    } else {
      T.proceed(def, d, "next" in state ? state.next : undefined, now);
    }
    try {
      return await this.tryWrite(d, execution.rev, { writes });
    } catch (error) {
      if (!(error instanceof WriteConditionError)) throw error;
      return this.fail(def, execution, error, now);
    }
  }

  /** The state's work failed: the transition is a retry, a catch, or the end of the execution. */
  private fail(def: WorkflowDefinition, execution: Execution, error: unknown, now: string) {
    const d = T.draft(execution, now);
    T.failState(def, d, describeError(error), isRetryable(error), now, this.random);
    return this.tryWrite(d, execution.rev);
  }

  /** A waiting callback state woke up: its timeout passed, or some of its timers are due. */
  private async wake(
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
        this.random,
      );
      return this.tryWrite(d, execution.rev);
    }
    const timers = [];
    for (const timer of execution.timers ?? []) {
      const rule = state.timers?.find((t) => t.name === timer.name);
      if (!rule || timer.at > now) {
        timers.push(timer);
        continue;
      }
      const result = await this.runStep(
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
    return this.tryWrite(d, execution.rev);
  }

  /** Callbacks that arrived before this state visit began are applied as soon as it waits. */
  private applyInbox(
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
      writes.push(...(this.applyCallback(def, state, d, callback, now) ?? []));
    }
    return writes;
  }

  private applyCallback(
    def: WorkflowDefinition,
    state: CallbackState,
    d: T.Draft,
    callback: QueuedCallback,
    now: string,
  ) {
    const outcome = state.onCallback(d.next.data, { ...callback, now });
    if (!outcome) return undefined;
    T.mergeData(d, outcome.data);
    d.events.push({
      at: now,
      type: "CallbackReceived",
      state: d.next.state,
      detail: { token: callback.token.key, ...callback.payload },
    });
    T.addEvents(d, now, d.next.state, outcome.events ?? []);
    if (outcome.next !== undefined) T.enter(def, d, outcome.next, now);
    return outcome.writes ?? [];
  }

  private async runStep(
    name: string,
    execution: Execution,
    now: string,
    reads: Reads,
    scope?: string,
  ): Promise<StepResult | undefined> {
    const step = this.options.steps[name]!;
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
        this.fault("before-effect", where);
        const result = await once(this.deps, `${prefix}#${effectName}`, this.owner, run);
        this.fault("after-effect", where);
        return result;
      },
      issueToken: (key, options) => this.issueToken(execution, key, options),
      read: (key, load) => readOnce(reads, key, load),
    };
    return step(execution.data, ctx);
  }

  private async issueToken(
    execution: Execution,
    key: string,
    options: TokenOptions = {},
  ): Promise<string> {
    const target = options.target ?? { state: execution.state, visit: execution.visit };
    const token = deriveToken(
      this.deps.config.tokenSecret,
      execution.id,
      target.state,
      target.visit,
      key,
    );
    const expiresAt = options.expiresAt ?? execution.timeoutAt;
    const ttlAt =
      Date.parse(expiresAt ?? addSeconds(this.now(), 400 * 86_400)) / 1000 + 90 * 86_400;
    try {
      await this.deps.clients.ddb.send(
        new PutCommand({
          TableName: this.deps.config.table,
          Item: {
            ...keys.callbackToken(hashToken(token)),
            executionId: execution.id,
            workflow: execution.workflow,
            state: target.state,
            visit: target.visit,
            key,
            meta: options.meta ?? {},
            expiresAt,
            ttl: Math.floor(ttlAt),
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    } catch (error) {
      // Derived tokens are the same on a repeat: the first write stands, with its use if any.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return token;
  }

  private async tryWrite(
    d: T.Draft,
    expectedRev: number,
    extra: Pick<Transition, "writes" | "extra"> = {},
  ) {
    try {
      return await this.write(d, expectedRev, extra);
    } catch (error) {
      if (error instanceof StaleExecutionError) return undefined;
      throw error;
    }
  }

  /** Commits a draft and, if it leaves the execution runnable soon, says so to the queue. */
  async write(
    d: T.Draft,
    expectedRev: number,
    extra: Pick<Transition, "writes" | "extra"> = {},
  ): Promise<Execution> {
    const { next, events } = T.sealed(d);
    const where = { executionId: next.id, state: next.state };
    this.fault("before-commit", where);
    const observed = this.options.transitionWrites?.(next, events) ?? [];
    const due = T.dueAt(next, this.now(), this.graceSeconds);
    const stored = await commit(
      this.deps,
      {
        expectedRev,
        next: { ...next, due },
        events,
        dueAt: due,
        // An engine without this definition (the operations CLI redriving) keeps what is stored detached.
        detached: this.definitions.get(`${next.workflow}@${next.version}`)?.detached,
        ...extra,
        writes: [...(extra.writes ?? []), ...observed],
      },
      () => this.fault("before-history", where),
    );
    // Only the transition into `failed` reports it: a repeat of it finds another revision and stops earlier.
    if (next.status === "failed") this.options.onFailed?.(next);
    this.fault("after-commit", where);
    return stored;
  }

  private fault(point: FaultPoint, where: { executionId: string; state: string }): void {
    try {
      this.options.faults?.(point, where);
    } catch (error) {
      throw new InjectedCrash(`crash at ${point}`, { cause: error });
    }
  }

  /** After a commit made outside the worker (start, callback, redrive): hand the execution to the queue. */
  async afterCommit(execution: Execution): Promise<void> {
    if (execution.status !== "running" || execution.wakeAt === undefined) return;
    const wait = (Date.parse(execution.wakeAt) - Date.parse(this.now())) / 1000;
    if (wait <= T.MAX_QUEUE_DELAY_SECONDS)
      await sendWork(this.deps, { executionId: execution.id, rev: execution.rev }, wait);
  }

  /** Marks an execution failed after its message exhausted its receives, for operations to redrive. */
  async markFailed(message: WorkMessage, error: unknown): Promise<void> {
    const execution = await getExecution(this.deps, message.executionId);
    if (!execution || execution.rev !== message.rev || execution.status !== "running") return;
    const now = this.now();
    const d = T.draft(execution, now);
    T.end(d, now, describeError(error));
    await this.tryWrite(d, execution.rev);
  }

  /** Resumes a failed execution from the state it failed in. */
  async redrive(id: string): Promise<Execution> {
    const execution = await getExecution(this.deps, id);
    if (!execution)
      throw new EntraideError("execution.not-found", `no execution ${id}`, { status: 404 });
    if (execution.status !== "failed") {
      throw new ConflictError(
        "execution.not-failed",
        `execution ${id} is ${execution.status}: only a failed execution can be redriven`,
      );
    }
    const now = this.now();
    const d = T.draft(execution, now);
    d.next = {
      ...d.next,
      status: "running",
      phase: "run",
      attempt: 0,
      wakeAt: now,
      error: undefined,
    };
    d.events.push({ at: now, type: "ExecutionRedriven", state: execution.state });
    const next = await this.write(d, execution.rev);
    await this.afterCommit(next);
    return next;
  }

  /**
   * Takes an execution that succeeded back to `state`, with `data` merged in, when something
   * after its end undoes what it ended on (the bank returning a transfer after the request was
   * closed). Conditioned on the revision read, like every transition: of two reopenings one wins.
   */
  async reopen(
    executionId: string,
    state: string,
    data: Data,
    extra: Transition["extra"] = [],
  ): Promise<Delivery> {
    const execution = await getExecution(this.deps, executionId);
    if (execution?.status !== "succeeded") return { outcome: "superseded", execution };
    const now = this.now();
    const def = this.definition(execution);
    // A workflow (or an old version of it) without that state cannot be reopened there.
    if (!def.states[state]) return { outcome: "refused", execution };
    const d = T.draft(execution, now);
    T.mergeData(d, data);
    d.events.push({ at: now, type: "ExecutionReopened", state, detail: { from: execution.state } });
    T.enter(def, d, state, now);
    const next = await this.tryWrite(d, execution.rev, { extra });
    if (!next)
      return { outcome: "superseded", execution: await getExecution(this.deps, executionId) };
    await this.afterCommit(next);
    return { outcome: "applied", execution: next };
  }

  /**
   * Something a person or trusted code says to an execution now (a member's withdrawal, finance
   * marking a payout paid): applied to the current visit of `target.state` (of `target.visit`
   * when given, the visit the caller looked at), or not at all. It is never kept for a later
   * visit: the caller answered a person from what is true now, and a signal applied later would
   * make that answer a lie (a member told "withdrawn" whose request is then paid).
   */
  async signal(
    executionId: string,
    target: { state: string; visit?: number },
    payload: Data,
    options: { extra?: Transition["extra"]; from?: QueuedCallback["token"] } = {},
  ): Promise<Delivery> {
    const execution = await getExecution(this.deps, executionId);
    if (!execution)
      throw new EntraideError("execution.not-found", `no execution ${executionId}`, {
        status: 404,
      });
    if (execution.state !== target.state || (target.visit ?? execution.visit) !== execution.visit)
      return { outcome: "superseded", execution };
    return this.deliver(
      executionId,
      { state: target.state, visit: execution.visit },
      { payload, token: options.from ?? { key: "signal", meta: {} } },
      options.extra ?? [],
    );
  }

  /**
   * Applies a callback to the state visit it targets, if the execution is there now. With
   * `queue`, a callback for a visit still to come is kept in the execution's inbox and applied
   * on entry: only tokens issued ahead for a later state (`TokenOptions.target`) need that, since
   * their holder may answer before the execution gets there; nothing a person is answered about
   * is ever queued (see {@link signal}).
   */
  async deliver(
    executionId: string,
    slot: { state: string; visit: number },
    callback: QueuedCallback,
    extra: Transition["extra"],
    options: { queue?: boolean } = {},
  ): Promise<Delivery> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const execution = await getExecution(this.deps, executionId);
      if (execution?.status !== "running") return { outcome: "superseded", execution };
      const now = this.now();
      const def = this.definition(execution);
      const d = T.draft(execution, now);
      let writes: AtomicWrite[] = [];
      if (def.states[slot.state]?.type !== "callback") return { outcome: "superseded", execution };
      const here = execution.state === slot.state && execution.visit === slot.visit;
      const ahead = (execution.visits[slot.state] ?? 0) < slot.visit;
      if (here) {
        const state = def.states[slot.state] as CallbackState;
        const applied = this.applyCallback(def, state, d, callback, now);
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
        const next = await this.write(d, execution.rev, { writes, extra });
        await this.afterCommit(next);
        return { outcome: here ? "applied" : "queued", execution: next };
      } catch (error) {
        if (error instanceof StaleExecutionError) continue;
        if (!(error instanceof WriteConditionError)) throw error;
        const failed = T.draft(execution, now);
        T.failState(def, failed, describeError(error), false, now, this.random);
        const next = await this.tryWrite(failed, execution.rev, { extra });
        if (!next) continue;
        await this.afterCommit(next);
        return { outcome: "applied", execution: next };
      }
    }
    throw new EntraideError("execution.contended", "the execution kept changing; try again", {
      retryable: true,
      status: 503,
    });
  }
}

/**
 * What became of a callback: `applied` to the visit it targeted (the transition is committed),
 * `queued` for a visit still to come, `refused` by that state (it does not take this event now:
 * nothing changed), or `superseded` (the execution is elsewhere, or ended).
 */
export interface Delivery {
  outcome: "applied" | "queued" | "refused" | "superseded";
  execution: Execution | undefined;
}

/** Register reads of one invocation's chain, by key: in flight or done. */
type Reads = Map<string, Promise<unknown>>;

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

function stepsOf(state: State): string[] {
  if (state.type === "task") return [state.step];
  if (state.type === "parallel") return state.steps;
  if (state.type === "callback")
    return [...(state.onEnter ? [state.onEnter] : []), ...(state.timers ?? []).map((t) => t.step)];
  return [];
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

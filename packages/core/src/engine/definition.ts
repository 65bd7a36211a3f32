import type { z } from "zod";
import type { TransactItem } from "../db/transact";
import type { ErrorCode } from "../errors";

/** The data an execution carries from state to state: a JSON object. */
export type Data = Record<string, unknown>;

/**
 * A write committed atomically with a transition (a fund reservation, a payout record).
 * When its condition fails, the transition does not happen and the step is treated as having
 * failed with `errorName`, so the state's `catch` can route it (e.g. to awaiting-funds).
 */
export interface AtomicWrite {
  item: TransactItem;
  errorName?: ErrorCode;
}

/** A domain event a step adds to the execution's history ("checks passed", "approved by …"). */
export interface StepEvent {
  type: string;
  detail?: Data;
}

export interface StepResult {
  /** Merged shallowly into the execution's data. */
  data?: Data;
  writes?: AtomicWrite[];
  events?: StepEvent[];
}

export interface StepContext {
  executionId: string;
  workflow: string;
  state: string;
  /** How many times this state has been entered, 1 for the first time. */
  visit: number;
  attempt: number;
  now: Date;
  /**
   * Runs an external effect (an email, an S3 write) at most once per execution, state visit
   * and name, even when the step runs again after a crash or a second delivery.
   */
  effect<T>(name: string, run: () => Promise<T>): Promise<T>;
  /**
   * Issues the callback token `key` for this state visit (or for `target`, a state not yet
   * entered): stored hashed before it is returned, so a reply to it is never lost.
   */
  issueToken(key: string, options?: TokenOptions): Promise<string>;
  /**
   * Reads a register entry (a member, an activity, a document's record) once for the states this
   * invocation runs of this execution, one after the other: `key` names what `load` reads. Never
   * shared with another execution or a later invocation, and dropped when a state fails, so a
   * state retried reads afresh, in this invocation (a retry due at once) or a later one.
   */
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export interface TokenOptions {
  /** What the token is for (the approver's email, a role): returned with its callbacks. */
  meta?: Data;
  target?: { state: string; visit: number };
  expiresAt?: string;
}

export type Step = (data: Data, ctx: StepContext) => Promise<StepResult | undefined>;

export interface RetryRule {
  /** Error names or codes; "States.ALL" matches every retryable error. */
  errors: string[];
  intervalSeconds?: number;
  maxAttempts?: number;
  backoffRate?: number;
  maxDelaySeconds?: number;
  jitter?: "full" | "none";
}

export interface CatchRule {
  /** Error names or codes; "States.ALL" matches any. */
  errors: string[];
  next: string;
}

interface Routed {
  retry?: RetryRule[];
  catch?: CatchRule[];
}

export interface TaskState extends Routed {
  type: "task";
  step: string;
  /** Absent: the execution succeeds after this step. */
  next?: string;
}

export interface ParallelState extends Routed {
  type: "parallel";
  /** Steps run concurrently; their results are merged in order and committed together. */
  steps: string[];
  next?: string;
}

export interface ChoiceState {
  type: "choice";
  choices: { when: (data: Data) => boolean; next: string }[];
  default: string;
}

export interface WaitState {
  type: "wait";
  seconds?: number;
  /** An ISO timestamp computed from the data (a loan due date). */
  until?: (data: Data) => string;
  next: string;
}

export interface CallbackTimer {
  name: string;
  afterSeconds: number;
  everySeconds?: number;
  /** How many times it fires; once by default. */
  times?: number;
  step: string;
}

/**
 * The events a waiting state takes: each event's name (the payload's `event` field) and the
 * zod schema of the rest of its payload. An event not named here is refused, and so is a
 * payload its schema refuses: nothing changes either way.
 */
export type EventSchemas = Record<string, z.ZodType<Data>>;

/** The events `names` of a workflow's catalogue `all`, for a state's `events`. */
export const pickEvents = <E extends EventSchemas, const N extends keyof E & string>(
  all: E,
  ...names: N[]
) => Object.fromEntries(names.map((n) => [n, all[n]])) as Pick<E, N>;

/** A payload as a callback receives it: parsed by its event's schema, `event` its name. */
export type EventOf<E extends EventSchemas> = {
  [K in keyof E & string]: z.output<E[K]> & { event: K };
}[keyof E & string];

/**
 * What a callback does to a waiting state: new data, history events, atomic writes, and the
 * named outcome it leads to when it is done (the state's `outcomes` say which state that is).
 */
export interface CallbackResult<O extends string = string> {
  data?: Data;
  events?: StepEvent[];
  writes?: AtomicWrite[];
  outcome?: O;
}

export interface CallbackInput<P = Data> {
  payload: P;
  token: { key: string; meta: Data };
  /** When the callback is applied (the engine's clock). */
  now: string;
}

export interface CallbackState<E extends EventSchemas = EventSchemas, O extends string = string>
  extends Routed {
  type: "callback";
  /** Runs on entering the state: issues tokens and sends them (effects). */
  onEnter?: string;
  /** The events it takes, each with the schema of its payload (see `EventSchemas`). */
  events: E;
  /** What a callback may lead to: outcome name → state name, checked by `defineWorkflow`. */
  outcomes: { readonly [K in O]: string };
  /**
   * Decides what a callback of a declared event does. `undefined`: this state does not take it
   * now (the caller is told `refused`); throwing an error rejects the callback; either way
   * nothing changes.
   */
  onCallback(data: Data, input: CallbackInput<EventOf<E>>): CallbackResult<O> | undefined;
  /** After this, the state fails with "States.Timeout" (catchable). */
  timeoutSeconds?: number;
  /**
   * An ISO time from the data after which the state fails with "States.Timeout", like
   * `timeoutSeconds` but shared by several states (a deadline that a change of state keeps).
   */
  deadline?: (data: Data) => string | undefined;
  timers?: CallbackTimer[];
}

/**
 * A waiting state, typed over its own events and outcomes: a callback that tests an event the
 * state does not take, or returns an outcome it does not declare, fails to compile.
 */
export const waitingState = <const E extends EventSchemas, const O extends string = never>(
  state: WaitingSpec<E, O>,
): CallbackState<E, O> => ({ type: "callback", ...state });

/** A waiting state as written: its outcomes are the ones `outcomes` names, never inferred. */
export type WaitingSpec<E extends EventSchemas, O extends string> = Omit<
  CallbackState<E, O>,
  "type" | "onCallback"
> & {
  onCallback: (
    data: Data,
    input: CallbackInput<EventOf<E>>,
  ) => CallbackResult<NoInfer<O>> | undefined;
};

export interface SucceedState {
  type: "succeed";
}

export interface FailState {
  type: "fail";
  error: string;
  cause?: string;
}

export type State =
  | TaskState
  | ParallelState
  | ChoiceState
  | WaitState
  | CallbackState
  | SucceedState
  | FailState;

export interface WorkflowDefinition {
  name: string;
  /** Executions keep the version they started with; deploy a new version, keep the old. */
  version: number;
  startAt: string;
  states: Record<string, State>;
  /**
   * Data keys that are large and rarely change (a request's body, its check results): each is
   * stored in an item of its own, written only when its value changes, so that a transition
   * rewrites a small execution item instead of the whole data. Reads see no difference.
   */
  detached?: readonly string[];
  /**
   * The retry rules of every task, parallel and callback state that names none of its own: the
   * transient-failure policy written once per workflow. A state's own `retry` replaces it
   * (`retry: []` for a state that must never be retried).
   */
  defaultRetry?: RetryRule[];
  /**
   * The business id an execution is about, on every log line the engine writes for it (a board
   * relay's post). Absent: the execution id, which is the request's or the post's own id.
   */
  correlationId?: (data: Data) => string | undefined;
}

/** The retry rules that apply to a state: its own, else the workflow's default. */
export function retryRules(def: WorkflowDefinition, state: State): RetryRule[] | undefined {
  if (state.type !== "task" && state.type !== "parallel" && state.type !== "callback")
    return undefined;
  return state.retry ?? def.defaultRetry;
}

/**
 * Checks that every state a definition names exists (`next`, catches, choices, the outcomes of
 * waiting states), so a typo fails at start-up, not at 3 a.m.
 */
export function defineWorkflow<const D extends WorkflowDefinition>(definition: D): D {
  const names = new Set(Object.keys(definition.states));
  const missing: string[] = [];
  const need = (from: string, to: string | undefined) => {
    if (to !== undefined && !names.has(to)) missing.push(`${from} -> ${to}`);
  };
  need("startAt", definition.startAt);
  for (const [name, state] of Object.entries(definition.states)) {
    if ("next" in state) need(name, state.next);
    if ("catch" in state) for (const rule of state.catch ?? []) need(name, rule.next);
    if (state.type === "callback")
      for (const [outcome, to] of Object.entries(state.outcomes)) need(`${name} (${outcome})`, to);
    if (state.type === "choice") {
      for (const choice of state.choices) need(name, choice.next);
      need(name, state.default);
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `workflow ${definition.name} v${definition.version} names unknown states: ${missing.join(", ")}`,
    );
  }
  return definition;
}

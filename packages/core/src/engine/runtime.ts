import { randomUUID } from "node:crypto";
import type { Deps } from "../deps";
import { EntraideError } from "../errors";
import type { AtomicWrite, State, Step, WorkflowDefinition } from "./definition";
import type { Execution } from "./execution";
import { type EngineLog, silentLog } from "./log";
import { GRACE_SECONDS } from "./queue";
import type { NewEvent } from "./transitions";

/** A few seconds of chained states, then the queue: one invocation does not hold an execution long. */
export const CHAIN_BUDGET_MS = 3000;

/** Places where tests inject crashes, to prove that nothing is lost or doubled. */
export type FaultPoint =
  | "before-effect"
  | "after-effect"
  | "before-commit"
  /** After the parts an execution does not name yet were put, before its commit (store.ts `partsAhead`). */
  | "after-parts"
  /**
   * Between the events an execution carried put in their history item and the execution's
   * put alone that no longer carries them (store.ts `commit`).
   */
  | "after-carried"
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
  /**
   * How long (ms) one invocation may go on chaining an execution's synchronous states before
   * handing over to the queue; never past the invocation's remaining time (see run.ts).
   */
  chainBudgetMs?: number;
  /**
   * Monotonic milliseconds, what the chain budget is measured in: not `deps.clock`, which tests
   * move by days; injectable so tests prove the budget without timing anything.
   */
  monotonicMs?: () => number;
  /** After this long without progress, the sweeper assumes a runnable execution's message lost. */
  graceSeconds?: number;
  /** Told once per execution that moves to `failed`, right after that transition is written. */
  onFailed?: (execution: Execution) => void;
  /** Writes that go with every transition (report counters), derived from what it does. */
  transitionWrites?: (next: Execution, events: NewEvent[]) => AtomicWrite[];
  /** Where the engine writes its log lines (the Lambda's logger); nowhere when absent. */
  log?: EngineLog;
}

/**
 * What the engine's modules share, built once per {@link Engine}: its options resolved, the
 * definitions by version, the clock, the fault points. Modules take it as their first argument
 * instead of being methods of one class, so each concern reads on its own.
 */
export interface Runtime {
  readonly deps: Deps;
  readonly options: EngineOptions;
  readonly random: () => number;
  readonly chainBudgetMs: number;
  readonly monotonicMs: () => number;
  readonly graceSeconds: number;
  /** This engine instance, as the holder of effect leases. */
  readonly owner: string;
  readonly log: EngineLog;
  /** Each deployed definition by `name@version`. */
  readonly definitions: ReadonlyMap<string, WorkflowDefinition>;
  /** The newest version of each workflow: what a start runs. */
  readonly latest: ReadonlyMap<string, WorkflowDefinition>;
  now(): string;
  definition(execution: Pick<Execution, "workflow" | "version">): WorkflowDefinition;
  fault(point: FaultPoint, where: { executionId: string; state: string }): void;
}

/** Resolves the options and checks every step a definition names exists, at start-up. */
export function createRuntime(options: EngineOptions): Runtime {
  const definitions = new Map<string, WorkflowDefinition>();
  const latest = new Map<string, WorkflowDefinition>();
  for (const def of options.workflows) {
    definitions.set(`${def.name}@${def.version}`, def);
    if ((latest.get(def.name)?.version ?? 0) < def.version) latest.set(def.name, def);
    for (const state of Object.values(def.states)) {
      for (const step of stepsOf(state)) {
        if (!options.steps[step])
          throw new Error(`workflow ${def.name} v${def.version} uses unknown step ${step}`);
      }
    }
  }
  return {
    deps: options.deps,
    options,
    random: options.random ?? Math.random,
    chainBudgetMs: options.chainBudgetMs ?? CHAIN_BUDGET_MS,
    monotonicMs: options.monotonicMs ?? (() => performance.now()),
    graceSeconds: options.graceSeconds ?? GRACE_SECONDS,
    owner: randomUUID(),
    log: options.log ?? silentLog,
    definitions,
    latest,
    now: () => options.deps.clock.now().toISOString(),
    definition(execution) {
      const def = definitions.get(`${execution.workflow}@${execution.version}`);
      if (!def)
        throw new EntraideError(
          "workflow.unknown-version",
          `no definition ${execution.workflow} v${execution.version} is deployed`,
        );
      return def;
    },
    fault(point, where) {
      try {
        options.faults?.(point, where);
      } catch (error) {
        throw new InjectedCrash(`crash at ${point}`, { cause: error });
      }
    },
  };
}

/** Every step a state may run: its task, its parallel branches, its entry step and timers. */
export function stepsOf(state: State): string[] {
  if (state.type === "task") return [state.step];
  if (state.type === "parallel") return state.steps;
  if (state.type === "callback")
    return [...(state.onEnter ? [state.onEnter] : []), ...(state.timers ?? []).map((t) => t.step)];
  return [];
}

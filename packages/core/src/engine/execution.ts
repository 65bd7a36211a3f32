import type { Data } from "./definition";
import type { ErrorInfo } from "./retry";

export type ExecutionStatus = "running" | "succeeded" | "failed";

/**
 * `run`: the worker may act on the state once `wakeAt` has passed (a task, a retry, a state's
 * entry step). `wait`: the state waits for a callback or its timers (`wakeAt` = next timer).
 */
export type Phase = "run" | "wait";

export interface PendingTimer {
  name: string;
  at: string;
  fired: number;
}

export interface QueuedCallback {
  payload: Data;
  token: { key: string; meta: Data };
}

/** An execution as stored: its item in the table carries these fields plus its keys. */
export interface Execution {
  id: string;
  workflow: string;
  version: number;
  status: ExecutionStatus;
  state: string;
  visit: number;
  visits: Record<string, number>;
  attempt: number;
  phase: Phase;
  data: Data;
  /** Hash of the input it started with, to tell a retried start from a conflicting one. */
  inputHash: string;
  /** Bumped by every transition; a transition is a write conditioned on the previous value. */
  rev: number;
  /** Number of history events written so far. */
  seq: number;
  /** When the worker may act next; absent while waiting with no timer, and once ended. */
  wakeAt?: string;
  enteredAt: string;
  timeoutAt?: string;
  timers?: PendingTimer[];
  /** Callbacks that arrived for a state visit not yet entered, by `state#visit`. */
  inbox?: Record<string, QueuedCallback[]>;
  error?: ErrorInfo;
  startedAt: string;
  updatedAt: string;
  /**
   * Content hashes of the data keys stored in items of their own (the definition's `detached`):
   * the engine's bookkeeping, so a transition rewrites a part only when its value changed.
   */
  parts?: Record<string, string>;
  /**
   * When the sweeper looks at it next (its entry in the due index), as last written: a chain of
   * transitions run in moments keeps it, so the index entry does not move on every transition.
   */
  due?: string;
  /**
   * The history events of the last transitions, carried in the execution item while it stays
   * within one write unit (history.ts `carrying`): put in a history item of their own only when
   * the next transition's events would push it over; readers merge them (`readHistory`).
   */
  pending?: HistoryEvent[];
  /** How many times the sweeper re-drove this revision without progress. */
  sweeps?: number;
}

export interface HistoryEvent {
  seq: number;
  at: string;
  type: string;
  state?: string;
  detail?: Data;
}

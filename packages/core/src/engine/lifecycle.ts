import { createHash } from "node:crypto";
import { ConflictError, EntraideError } from "../errors";
import { afterCommit, tryWrite, write } from "./commit";
import type { Data } from "./definition";
import type { Delivery } from "./delivery";
import type { Execution } from "./execution";
import type { WorkMessage } from "./queue";
import { describeError } from "./retry";
import type { Runtime } from "./runtime";
import { getExecution, hashOf, StaleExecutionError, type Transition } from "./store";
import * as T from "./transitions";

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
 * Starts an execution of the latest version, once per key: the id is derived from the key,
 * so a retried start finds the execution it already created; a different input under the
 * same key is a conflict.
 */
export async function start(
  rt: Runtime,
  input: StartInput,
): Promise<{ id: string; created: boolean }> {
  const def = rt.latest.get(input.workflow);
  if (!def) throw new EntraideError("workflow.unknown", `no workflow named ${input.workflow}`);
  const now = rt.now();
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
    await write(rt, d, 0);
  } catch (error) {
    if (!(error instanceof StaleExecutionError)) throw error;
    // The refused write returned the item it found: no read needed to compare inputs.
    const existing = error.current ?? (await getExecution(rt.deps, id));
    if (existing?.inputHash !== inputHash) {
      throw new ConflictError(
        "idempotency.conflict",
        "this idempotency key was already used with a different request",
        undefined,
        { cause: error },
      );
    }
    return { id, created: false };
  }
  await afterCommit(rt, d.next);
  return { id, created: true };
}

/** Marks an execution failed after its message exhausted its receives, for operations to redrive. */
export async function markFailed(rt: Runtime, message: WorkMessage, error: unknown) {
  const execution = await getExecution(rt.deps, message.executionId);
  if (!execution || execution.rev !== message.rev || execution.status !== "running") return;
  const now = rt.now();
  const d = T.draft(execution, now);
  T.end(d, now, describeError(error));
  await tryWrite(rt, d, execution.rev);
}

/** Resumes a failed execution from the state it failed in. */
export async function redrive(rt: Runtime, id: string): Promise<Execution> {
  const execution = await getExecution(rt.deps, id);
  if (!execution)
    throw new EntraideError("execution.not-found", `no execution ${id}`, { status: 404 });
  if (execution.status !== "failed") {
    throw new ConflictError(
      "execution.not-failed",
      `execution ${id} is ${execution.status}: only a failed execution can be redriven`,
    );
  }
  const now = rt.now();
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
  const next = await write(rt, d, execution.rev);
  await afterCommit(rt, next);
  return next;
}

/**
 * Takes an execution that succeeded back to `state`, with `data` merged in, when something
 * after its end undoes what it ended on (the bank returning a transfer after the request was
 * closed). Conditioned on the revision read, like every transition: of two reopenings one wins.
 */
export async function reopen(
  rt: Runtime,
  executionId: string,
  state: string,
  data: Data,
  extra: Transition["extra"] = [],
): Promise<Delivery> {
  const execution = await getExecution(rt.deps, executionId);
  if (execution?.status !== "succeeded") return { outcome: "superseded", execution };
  const now = rt.now();
  const def = rt.definition(execution);
  // A workflow (or an old version of it) without that state cannot be reopened there.
  if (!def.states[state]) return { outcome: "refused", execution };
  const d = T.draft(execution, now);
  T.mergeData(d, data);
  d.events.push({ at: now, type: "ExecutionReopened", state, detail: { from: execution.state } });
  T.enter(def, d, state, now);
  const next = await tryWrite(rt, d, execution.rev, { extra });
  if (!next) return { outcome: "superseded", execution: await getExecution(rt.deps, executionId) };
  await afterCommit(rt, next);
  return { outcome: "applied", execution: next };
}

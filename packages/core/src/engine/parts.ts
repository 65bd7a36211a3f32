import { createHash } from "node:crypto";
import { keys } from "../db/layout";
import type { Execution } from "./execution";
import { fromStored, toStored } from "./stored-shape";

/*
 * How an execution is laid out in the table: one small item (state, revision, timers, the data
 * that changes) and one item per detached data key (WorkflowDefinition.detached), each named in
 * the execution item by its content hash so a reader can tell a torn read from a whole one.
 */

/**
 * A detached part's content hash: of its canonical JSON (keys sorted, since DynamoDB hands
 * maps back in any order), 96 bits in 16 characters. It only tells one version of a part from
 * another in a torn read (the execution item names a part written with it), so it is short:
 * the execution item carries one per part on every transition. A part stored under a longer
 * hash (before) is rewritten once, at the next transition, under its short one.
 */
const partHash = (value: unknown) =>
  createHash("sha256").update(canonical(value)).digest("base64url").slice(0, 16);

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The execution item with its parts put back into its data; undefined if a part is not the one named. */
export function assemble(
  item: Record<string, unknown>,
  items: Record<string, unknown>[],
): Execution | undefined {
  const execution = fromStored(item);
  const data = { ...execution.data };
  for (const [key, hash] of Object.entries(execution.parts ?? {})) {
    const part = items.find((i) => i.sk === keys.executionPart(execution.id, key).sk);
    if (part?.hash !== hash) return undefined;
    data[key] = part.value;
  }
  return { ...execution, data };
}

/** A part to write with a transition; `first` when the execution does not name it yet. */
export type PartWrite =
  | { put: Record<string, unknown> & { hash: string }; first: boolean }
  | { delete: Record<string, string> };

/**
 * The execution item (small: state, revision, timers, the data that changes, in its stored
 * shape), the hashes of the parts it names, and the parts of its data to write with it: a detached key is written only when its value changed since the
 * revision the draft started from (`execution.parts` names what is stored), and deleted when
 * it is gone from the data.
 */
export function executionItem(
  execution: Execution,
  dueAt: string | undefined,
  detached: readonly string[] = [],
) {
  const data = { ...execution.data };
  const stored = execution.parts ?? {};
  const parts: Record<string, string> = {};
  const writes: PartWrite[] = [];
  for (const key of new Set([...detached, ...Object.keys(stored)])) {
    const value = data[key];
    delete data[key];
    const part = keys.executionPart(execution.id, key);
    if (value === undefined) {
      if (stored[key]) writes.push({ delete: part });
      continue;
    }
    const hash = partHash(value);
    parts[key] = hash;
    if (stored[key] !== hash)
      writes.push({ put: { ...part, hash, value }, first: stored[key] === undefined });
  }
  const named = Object.keys(parts).length > 0 ? parts : undefined;
  const item = {
    ...keys.execution(execution.id),
    ...keys.executionStatus(
      execution.workflow,
      execution.status,
      execution.startedAt,
      execution.id,
    ),
    ...(dueAt ? keys.due(dueAt, execution.id) : {}),
    // A transaction writes the history item itself; a commit alone adds its own events.
    ...toStored({ ...execution, data, parts: named, pending: undefined }),
  };
  return { item, parts: named, writes };
}

import { indexes } from "../db/layout";
import type { Execution, HistoryEvent, PendingTimer } from "./execution";

/*
 * The execution item's bookkeeping as stored: DynamoDB bills a write by the kilobyte of the
 * item, attribute names included, and every transition rewrites this item, so the engine's own
 * fields take short names and compact values (times as epoch milliseconds, the visits and the
 * parts' hashes each in one string, the events it carries as tuples). The item then
 * stays under 1 KB in the common case: one write unit per commit. Readers never see this
 * shape: `fromStored` gives back the {@link Execution}, and reads items written before it
 * (long names, ISO strings, maps) as they are.
 *
 * Kept as they were, because conditions, projections and other modules name them: `id`, `rev`,
 * `data`, `sweeps` (the sweeper), `error`, `inbox` (rare, and shown as stored).
 */

/** The short name of each field stored as it is. */
const PLAIN = {
  workflow: "wf",
  version: "ve",
  status: "st",
  state: "sn",
  visit: "vi",
  attempt: "tr",
  phase: "ph",
  seq: "sq",
} as const satisfies Partial<Record<keyof Execution, string>>;

/** The short name of each time, stored as epoch milliseconds (an ISO string that is not exact stays one). */
const TIMES = {
  enteredAt: "ea",
  startedAt: "sa",
  updatedAt: "ua",
  wakeAt: "wa",
  timeoutAt: "ta",
  due: "du",
} as const satisfies Partial<Record<keyof Execution, string>>;

/** Short names of the fields encoded more tightly than their value. */
const PACKED = {
  inputHash: "ih",
  visits: "vs",
  parts: "pt",
  timers: "tm",
  pending: "pe",
} as const;

/** The attribute the sweeper sets when it moves an execution's due time (see {@link storedTime}). */
export const DUE_ATTRIBUTE = TIMES.due;

/** A time as stored: epoch milliseconds when that gives the same ISO string back, else the string. */
export function storedTime(iso: string): number | string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? ms : iso;
}

const readTime = (value: unknown) =>
  typeof value === "number" ? new Date(value).toISOString() : (value as string | undefined);

/** A name that can sit in a packed string (no separator in it). */
const packable = (names: string[]) => names.every((n) => n !== "" && !/[\s:*]/.test(n));

/** The execution's fields in their stored names and shapes (without the table's keys). */
export function toStored(execution: Execution): Record<string, unknown> {
  const { inputHash, visits, parts, timers, pending, ...rest } = execution;
  const item: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    if (field in PLAIN) item[PLAIN[field as keyof typeof PLAIN]] = value;
    else if (field in TIMES) item[TIMES[field as keyof typeof TIMES]] = storedTime(value as string);
    else item[field] = value;
  }
  // The input's SHA-256, 43 characters of base64url instead of 64 of hex.
  item[PACKED.inputHash] = /^[0-9a-f]{64}$/.test(inputHash)
    ? Buffer.from(inputHash, "hex").toString("base64url")
    : inputHash;
  const visited = Object.keys(visits);
  if (packable(visited))
    item[PACKED.visits] = visited.map((s) => (visits[s] === 1 ? s : `${s}*${visits[s]}`)).join(" ");
  else item.visits = visits;
  if (parts) {
    if (packable(Object.keys(parts)))
      item[PACKED.parts] = Object.entries(parts)
        .map(([k, h]) => `${k}:${h}`)
        .join(" ");
    else item.parts = parts;
  }
  if (timers) item[PACKED.timers] = timers.map((t) => [t.name, storedTime(t.at), t.fired]);
  return pending?.length ? { ...item, ...storedPending(pending) } : item;
}

/** The attribute that carries the events of the last transitions in the execution item. */
export const storedPending = (events: HistoryEvent[]) => ({
  [PACKED.pending]: packedEvents(events),
});

/** The execution an item holds, whichever shape it was written in; the table's keys left out. */
export function fromStored(item: Record<string, unknown>): Execution {
  if (!(PLAIN.workflow in item)) {
    // The old shape; the sweeper may since have moved its due time, under the new name.
    const { [TIMES.due]: moved, ...old } = withoutKeys(item);
    return { ...old, ...(moved === undefined ? {} : { due: readTime(moved) }) } as Execution;
  }
  const execution: Record<string, unknown> = {};
  const byStoredName = new Map<string, (value: unknown) => [string, unknown]>();
  for (const [field, name] of Object.entries(PLAIN)) byStoredName.set(name, (v) => [field, v]);
  for (const [field, name] of Object.entries(TIMES))
    byStoredName.set(name, (v) => [field, readTime(v)]);
  byStoredName.set(PACKED.inputHash, (v) => [
    "inputHash",
    /^[\w-]{43}$/.test(String(v)) ? Buffer.from(String(v), "base64url").toString("hex") : v,
  ]);
  byStoredName.set(PACKED.visits, (v) => ["visits", unpackVisits(String(v))]);
  byStoredName.set(PACKED.parts, (v) => ["parts", unpackParts(String(v))]);
  byStoredName.set(PACKED.timers, (v) => [
    "timers",
    (v as [string, number | string, number][]).map(
      ([name, at, fired]): PendingTimer => ({ name, at: readTime(at)!, fired }),
    ),
  ]);
  byStoredName.set(PACKED.pending, (v) => ["pending", unpackEvents(v)]);
  for (const [name, value] of Object.entries(withoutKeys(item))) {
    const decode = byStoredName.get(name);
    const [field, decoded] = decode ? decode(value) : [name, value];
    execution[field] = decoded;
  }
  return execution as unknown as Execution;
}

/** The events a stored item still carries (a revision committed alone), whichever shape. */
export function pendingOf(item: Record<string, unknown>): HistoryEvent[] {
  if (item[PACKED.pending] !== undefined) return unpackEvents(item[PACKED.pending]);
  return (item.pending as HistoryEvent[] | undefined) ?? [];
}

/** The stored names of the fields an `executions list` line shows (ExecutionSummary). */
export const SUMMARY_ATTRIBUTES = [
  "id",
  PLAIN.workflow,
  PLAIN.version,
  PLAIN.status,
  PLAIN.state,
  TIMES.startedAt,
  TIMES.updatedAt,
  "error",
  // Items written before the short names.
  "workflow",
  "version",
  "status",
  "state",
  "startedAt",
  "updatedAt",
];

/** The table's key attributes, which are not part of an execution (`gsi1*`: items written before their own index). */
const KEYS = [
  "pk",
  "sk",
  "gsi1pk",
  "gsi1sk",
  ...Object.values(indexes).flatMap((index) => [index.pk, index.sk]),
];

function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...item };
  for (const key of KEYS) delete rest[key];
  return rest;
}

function unpackVisits(packed: string): Record<string, number> {
  const visits: Record<string, number> = {};
  for (const entry of packed.split(" ").filter(Boolean)) {
    const [state, count] = entry.split("*");
    visits[state!] = count === undefined ? 1 : Number(count);
  }
  return visits;
}

function unpackParts(packed: string): Record<string, string> {
  return Object.fromEntries(
    packed
      .split(" ")
      .filter(Boolean)
      .map((entry) => entry.split(":") as [string, string]),
  );
}

/**
 * Consecutive events, `[first seq, time, entry…]`: an entry is an event, `[type, state, detail]`
 * (detail left out when absent), or a number, the milliseconds after `time` at which the events
 * that follow happened. One transition's events share their time; an item carrying several
 * transitions' events gives one number per transition after the first.
 */
type PackedEvents = [number, number | string, ...([string, string | null, unknown?] | number)[]];

function packedEvents(events: HistoryEvent[]): PackedEvents | HistoryEvent[] {
  const first = events[0]!;
  const start = storedTime(first.at);
  const regular = events.every(
    (e, i) =>
      e.seq === first.seq + i &&
      (e.at === first.at || (typeof start === "number" && typeof storedTime(e.at) === "number")) &&
      Object.keys(e).every((k) => ["seq", "at", "type", "state", "detail"].includes(k)),
  );
  if (!regular) return events;
  const packed: PackedEvents = [first.seq, start];
  let at = first.at;
  for (const e of events) {
    if (e.at !== at) packed.push(Date.parse(e.at) - (start as number));
    at = e.at;
    packed.push(
      e.detail === undefined ? [e.type, e.state ?? null] : [e.type, e.state ?? null, e.detail],
    );
  }
  return packed;
}

function unpackEvents(value: unknown): HistoryEvent[] {
  if (!Array.isArray(value) || typeof value[0] !== "number") return value as HistoryEvent[];
  const [seq, start, ...entries] = value as PackedEvents;
  const events: HistoryEvent[] = [];
  let at = readTime(start)!;
  for (const entry of entries) {
    if (typeof entry === "number") {
      at = new Date((start as number) + entry).toISOString();
      continue;
    }
    const [type, state, detail] = entry;
    events.push({
      seq: seq + events.length,
      at,
      type,
      ...(state === null ? {} : { state }),
      ...(detail === undefined ? {} : { detail: detail as HistoryEvent["detail"] }),
    });
  }
  return events;
}

import { createHash } from "node:crypto";
import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { putItem } from "../db/items";
import { keys } from "../db/layout";
import { queryItems } from "../db/query";
import { type TransactItem, transactWrite } from "../db/transact";
import type { Deps } from "../deps";
import { EntraideError, type ErrorCode } from "../errors";
import type { AtomicWrite } from "./definition";
import type { Execution, HistoryEvent } from "./execution";
import { assemble, executionItem } from "./parts";
import { fromStored, pendingOf, storedPending } from "./stored-shape";

/** Another transition committed first: this one is void and must not be retried as such. */
export class StaleExecutionError extends EntraideError {
  override name = "StaleExecutionError";
  /** The execution item as the winner left it (without its detached data), when DynamoDB said. */
  current?: Execution;
  constructor(id: string, current?: Execution, cause?: unknown) {
    super("execution.stale", `execution ${id} moved on before this transition was written`, {
      retryable: true,
      cause,
    });
    this.current = current;
  }
}

/** A read met a transition half-applied too many times in a row (Query is read-committed). */
class TornReadError extends EntraideError {
  override name = "TornReadError";
  constructor(id: string) {
    super("execution.torn-read", `execution ${id} kept changing while it was read`, {
      retryable: true,
    });
  }
}

/** A write committed with the transition found its condition false (e.g. the fund is short). */
export class WriteConditionError extends EntraideError {
  override name = "WriteConditionError";
  constructor(readonly errorName: ErrorCode) {
    super(errorName, `the transition's write "${errorName}" found its condition false`);
  }
}

export interface Transition {
  /** 0 for the first write of a new execution. */
  expectedRev: number;
  next: Execution;
  /** When the sweeper must look at it; absent once it has ended. */
  dueAt?: string;
  events: Omit<HistoryEvent, "seq">[];
  writes?: AtomicWrite[];
  /** Items that belong to the engine's own bookkeeping (tokens, start keys). */
  extra?: { item: TransactItem; error?: EntraideError }[];
  /** Data keys kept in items of their own ({@link WorkflowDefinition.detached}). */
  detached?: readonly string[];
}

/** SHA-256 of a JSON value, hex: an execution's input. */
export const hashOf = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex");

/**
 * The execution with its whole data: one consistent Query reads the execution item and its
 * detached parts together. A Query is read-committed, not isolated from a transaction, so a
 * read that catches a transition half-applied (a part's hash is not the one the execution
 * item names) reads again.
 */
export async function getExecution(deps: Deps, id: string): Promise<Execution | undefined> {
  const { pk, from, to } = keys.executionWithParts(id);
  for (let attempt = 0; attempt < 5; attempt++) {
    const items: Record<string, unknown>[] = [];
    const found = queryItems(
      deps,
      {
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
        ExpressionAttributeValues: { ":pk": pk, ":from": from, ":to": to },
        ConsistentRead: true,
      },
      undefined,
    );
    for await (const item of found) items.push(item);
    const item = items.find((i) => i.sk === to);
    if (!item) return undefined;
    const execution = assemble(item, items);
    if (execution) return execution;
  }
  throw new TornReadError(id);
}

/** One item holds all the events of a transition: one write however many events it explains. */
function historyItem(id: string, events: HistoryEvent[]) {
  return { ...keys.historyEvent(id, events[0]!.seq), events };
}

/** A transition's events numbered after the execution's counter. */
function numbered(t: Transition): HistoryEvent[] {
  const first = t.next.seq - t.events.length + 1;
  return t.events.map((event, i) => ({ ...event, seq: first + i }));
}

/**
 * Commits a transition; returns the execution as stored (its `parts` naming what it now holds).
 * The execution's write is conditioned on its revision, so of two transitions from the same
 * revision one commits. When nothing else changes with it (no write, token, part), the
 * execution is put alone, its events carried in it and then put in their history item (each
 * item billed once, where a transaction bills it twice: half the units); otherwise one
 * transaction writes it all or nothing. `afterExecution` runs between a lone put and its
 * history's (a fault point).
 */
export async function commit(
  deps: Deps,
  t: Transition,
  afterExecution?: () => void,
): Promise<Execution> {
  const condition =
    t.expectedRev === 0
      ? { ConditionExpression: "attribute_not_exists(pk)" }
      : { ConditionExpression: "rev = :rev", ExpressionAttributeValues: { ":rev": t.expectedRev } };
  const { item, parts: named, writes: parts } = executionItem(t.next, t.dueAt, t.detached);
  const writes = t.writes ?? [];
  const extra = t.extra ?? [];
  const events = numbered(t);
  // The revision read may have been committed alone and its history item never written (a
  // crash right after): written again (the same item) before the execution naming it changes.
  const carried = t.next.pending?.length ? historyItem(t.next.id, t.next.pending) : undefined;
  const put = (Item: Record<string, unknown>) => putItem(deps, { Item });
  if (writes.length === 0 && extra.length === 0 && parts.length === 0) {
    if (carried) await put(carried);
    try {
      await putItem(deps, {
        Item: events.length > 0 ? { ...item, ...storedPending(events) } : item,
        ...condition,
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      });
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new StaleExecutionError(t.next.id, unmarshalled(error.Item), error);
    }
    afterExecution?.();
    if (events.length > 0) await put(historyItem(t.next.id, events));
    return { ...t.next, parts: named, pending: undefined };
  }
  const items: TransactItem[] = [
    {
      Put: { Item: item, ...condition, ReturnValuesOnConditionCheckFailure: "ALL_OLD" },
    },
    ...writes.map((w) => w.item),
    ...extra.map((e) => e.item),
    ...parts.map((p) => ("put" in p ? { Put: { Item: p.put } } : { Delete: { Key: p.delete } })),
    ...(events.length > 0
      ? [
          {
            Put: {
              Item: historyItem(t.next.id, events),
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
        ]
      : []),
    ...(carried ? [{ Put: { Item: carried } }] : []),
  ];
  try {
    await transactWrite(deps, items);
    return { ...t.next, parts: named, pending: undefined };
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failed = reasons.findIndex((r) => r.Code === "ConditionalCheckFailed");
    if (failed === 0) throw new StaleExecutionError(t.next.id, unmarshalled(reasons[0]?.Item));
    const write = writes[failed - 1];
    if (write) throw new WriteConditionError(write.errorName ?? "execution.write-refused");
    const own = extra[failed - 1 - writes.length];
    if (own?.error) throw own.error;
    throw error;
  }
}

const unmarshalled = (item: Parameters<typeof unmarshall>[0] | undefined) =>
  item ? fromStored(unmarshall(item)) : undefined;

/**
 * The execution's history, oldest first: its history items and the events its item still
 * carries (a revision committed alone), in one Query ("EXEC" sorts just before "HIST#").
 */
export async function readHistory(deps: Deps, id: string): Promise<HistoryEvent[]> {
  return historyOf(id, await partition(deps, id, keys.execution(id).sk));
}

/**
 * The execution with its whole data and its history, in one consistent Query of its partition
 * ("DATA#" < "EXEC" < "HIST#"): what a page showing both needs, for one read instead of two.
 * A read that catches a transition half-applied reads again, as {@link getExecution} does.
 */
export async function getExecutionWithHistory(
  deps: Deps,
  id: string,
): Promise<{ execution: Execution; history: HistoryEvent[] } | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const items = await partition(deps, id, keys.executionWithParts(id).from);
    const item = items.find((i) => i.sk === keys.execution(id).sk);
    if (!item) return undefined;
    const execution = assemble(item, items);
    if (execution) return { execution, history: historyOf(id, items) };
  }
  throw new TornReadError(id);
}

/** The execution's partition from `from` to its last history item, consistently. */
async function partition(deps: Deps, id: string, from: string) {
  const { pk, skPrefix } = keys.historyPrefix(id);
  const items: Record<string, unknown>[] = [];
  const found = queryItems(
    deps,
    {
      KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
      ExpressionAttributeValues: { ":pk": pk, ":from": from, ":to": `${skPrefix}\uffff` },
      ConsistentRead: true,
    },
    undefined,
  );
  for await (const item of found) items.push(item);
  return items;
}

/** The events of the history items among `items` and those the execution item carries. */
function historyOf(id: string, items: Record<string, unknown>[]): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  let carried: HistoryEvent[] = [];
  for (const item of items) {
    if (item.sk === keys.execution(id).sk) {
      carried = pendingOf(item);
      continue;
    }
    if (!String(item.sk).startsWith(keys.historyPrefix(id).skPrefix)) continue;
    // One item per transition; items written before that hold one event each.
    if (Array.isArray(item.events)) events.push(...(item.events as HistoryEvent[]));
    else {
      const { pk: _pk, sk: _sk, ...event } = item;
      events.push(event as unknown as HistoryEvent);
    }
  }
  const known = new Set(events.map((e) => e.seq));
  events.push(...carried.filter((e) => !known.has(e.seq)));
  return events.sort((a, b) => a.seq - b.seq);
}

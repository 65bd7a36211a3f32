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
import { carrying, historyItem, putCarried } from "./history";
import { assemble, executionItem, type PartWrite } from "./parts";
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
  return (await assembled(deps, id, keys.execution(id).sk))?.execution;
}

/** A transition's events numbered after the execution's counter. */
function numbered(t: Transition): HistoryEvent[] {
  const first = t.next.seq - t.events.length + 1;
  return t.events.map((event, i) => ({ ...event, seq: first + i }));
}

/**
 * Commits a transition; returns the execution as stored (its `parts` naming what it now holds,
 * `pending` the events it carries). The execution's write is conditioned on its revision, so of
 * two transitions from the same revision one commits. Its events are carried in the execution
 * item with those of the transitions before it, while the item stays within one write unit
 * (history.ts `carrying`); when they would not fit, the carried events are put in their history
 * item first (in the transaction, when there is one). A part the execution does not name yet is
 * put ahead, once ({@link partsAhead}). When nothing else changes with it (no write, token,
 * part that changes), the execution is put alone: one write, billed once, where a transaction
 * bills each item twice; otherwise one transaction writes it all or nothing. `at` is told of
 * the fault points: after the parts put ahead, and between the carried events' put and the
 * execution's put alone.
 */
export async function commit(
  deps: Deps,
  t: Transition,
  at?: (point: "after-parts" | "after-carried") => void,
): Promise<Execution> {
  const condition =
    t.expectedRev === 0
      ? { ConditionExpression: "attribute_not_exists(pk)" }
      : { ConditionExpression: "rev = :rev", ExpressionAttributeValues: { ":rev": t.expectedRev } };
  const {
    item: bare,
    parts: named,
    writes: partWrites,
  } = executionItem(t.next, t.dueAt, t.detached);
  const writes = t.writes ?? [];
  const extra = t.extra ?? [];
  const parts = await partsAhead(deps, partWrites);
  if (parts.length < partWrites.length) at?.("after-parts");
  const alone = writes.length === 0 && extra.length === 0 && parts.length === 0;
  const { kept, moved, own } = carrying(bare, t.next.pending ?? [], numbered(t), alone);
  const item = kept.length > 0 ? { ...bare, ...storedPending(kept) } : bare;
  const stored = { ...t.next, parts: named, pending: kept.length > 0 ? kept : undefined };
  if (alone) {
    if (moved) {
      await putCarried(deps, t.next.id, moved);
      at?.("after-carried");
    }
    try {
      await putItem(deps, {
        Item: item,
        ...condition,
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      });
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new StaleExecutionError(t.next.id, unmarshalled(error.Item), error);
    }
    return stored;
  }
  const items: TransactItem[] = [
    {
      Put: { Item: item, ...condition, ReturnValuesOnConditionCheckFailure: "ALL_OLD" },
    },
    ...writes.map((w) => w.item),
    ...extra.map((e) => e.item),
    ...parts,
    // Unconditional here: it commits only from the current revision, whose events these are.
    ...(moved ? [{ Put: { Item: historyItem(t.next.id, moved) } }] : []),
    ...(own
      ? [
          {
            Put: {
              Item: historyItem(t.next.id, own),
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
        ]
      : []),
  ];
  try {
    await transactWrite(deps, items);
    return stored;
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

/**
 * Puts ahead of the commit, each with its own write (billed once, not twice as in a
 * transaction), the parts the execution does not name yet: a request's body, its checks, once
 * each. Put only where there is none, so nothing a committed revision names is ever replaced
 * outside a transaction; one already there that is not this value was left by a transition that
 * never committed (it lost the race, or crashed after it), is named by no revision, and is
 * replaced in the transaction. Readers only read the parts the execution item names, so a part
 * put ahead of a commit that then fails is never seen. Returns what the transaction must write.
 */
async function partsAhead(deps: Deps, writes: PartWrite[]): Promise<TransactItem[]> {
  const items = await Promise.all(
    writes.map(async (w): Promise<TransactItem[]> => {
      if ("delete" in w) return [{ Delete: { Key: w.delete } }];
      if (!w.first) return [{ Put: { Item: w.put } }];
      try {
        await putItem(deps, {
          Item: w.put,
          ConditionExpression: "attribute_not_exists(pk)",
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        });
        return [];
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const found = error.Item ? unmarshall(error.Item).hash : undefined;
        return found === w.put.hash ? [] : [{ Put: { Item: w.put } }];
      }
    }),
  );
  return items.flat();
}

const unmarshalled = (item: Parameters<typeof unmarshall>[0] | undefined) =>
  item ? fromStored(unmarshall(item)) : undefined;

/**
 * The execution's history, oldest first: its history items and the events its item still
 * carries, in one Query ("EXEC" sorts just before "HIST#"). An event may be in both (a history
 * item put by a transition that then lost the race, while the winner went on carrying it): it
 * is read once.
 */
export async function readHistory(deps: Deps, id: string): Promise<HistoryEvent[]> {
  return historyOf(id, await partition(deps, id, keys.execution(id).sk, historyEnd(id)));
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
  const read = await assembled(deps, id, historyEnd(id));
  return read && { execution: read.execution, history: historyOf(id, read.items) };
}

/** The sort key after the execution's last history item. */
const historyEnd = (id: string) => `${keys.historyPrefix(id).skPrefix}\uffff`;

/**
 * The execution assembled from its item and detached parts, read with whatever else its
 * partition holds up to `to`: one consistent Query, read again (up to 5 times) while it catches
 * a transition half-applied.
 */
async function assembled(deps: Deps, id: string, to: string) {
  const { from } = keys.executionWithParts(id);
  for (let attempt = 0; attempt < 5; attempt++) {
    const items = await partition(deps, id, from, to);
    const item = items.find((i) => i.sk === keys.execution(id).sk);
    if (!item) return undefined;
    const execution = assemble(item, items);
    if (execution) return { execution, items };
  }
  throw new TornReadError(id);
}

/** The execution's partition from `from` to `to`, consistently. */
async function partition(deps: Deps, id: string, from: string, to: string) {
  const { pk } = keys.execution(id);
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
    // Items of consecutive events; items written before that hold one event each.
    if (Array.isArray(item.events)) events.push(...(item.events as HistoryEvent[]));
    else {
      const { pk: _pk, sk: _sk, ...event } = item;
      events.push(event as unknown as HistoryEvent);
    }
  }
  const bySeq = new Map<number, HistoryEvent>();
  for (const event of [...events, ...carried])
    if (!bySeq.has(event.seq)) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

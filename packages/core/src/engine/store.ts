import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { GetCommand, paginateQuery, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import { EntraideError } from "../errors";
import type { AtomicWrite, TransactItem } from "./definition";
import type { Execution, HistoryEvent } from "./execution";

/** Another transition committed first: this one is void and must not be retried as such. */
export class StaleExecutionError extends EntraideError {
  override name = "StaleExecutionError";
  constructor(id: string) {
    super("execution.stale", `execution ${id} moved on before this transition was written`, {
      retryable: true,
    });
  }
}

/** A write committed with the transition found its condition false (e.g. the fund is short). */
export class WriteConditionError extends EntraideError {
  override name = "WriteConditionError";
  constructor(readonly errorName: string) {
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
}

const META = ["pk", "sk", "gsi1pk", "gsi1sk", "duePk", "dueSk"];

export async function getExecution(deps: Deps, id: string): Promise<Execution | undefined> {
  const { Item } = await deps.clients.ddb.send(
    new GetCommand({ TableName: deps.config.table, Key: keys.execution(id), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  for (const key of META) delete Item[key];
  return Item as Execution;
}

export function executionItem(execution: Execution, dueAt: string | undefined) {
  return {
    ...keys.execution(execution.id),
    ...keys.executionStatus(
      execution.workflow,
      execution.status,
      execution.startedAt,
      execution.id,
    ),
    ...(dueAt ? keys.due(dueAt, execution.id) : {}),
    ...execution,
  };
}

/**
 * Writes a transition in one transaction: the execution (conditioned on its revision), its
 * history events, and whatever else must change with it. All or nothing.
 */
export async function commit(deps: Deps, t: Transition): Promise<void> {
  const TableName = deps.config.table;
  const condition =
    t.expectedRev === 0
      ? { ConditionExpression: "attribute_not_exists(pk)" }
      : { ConditionExpression: "rev = :rev", ExpressionAttributeValues: { ":rev": t.expectedRev } };
  const events = t.events.map((event, i) => ({
    Put: {
      TableName,
      Item: {
        ...keys.historyEvent(t.next.id, t.next.seq - t.events.length + i + 1),
        ...event,
        seq: t.next.seq - t.events.length + i + 1,
      },
      ConditionExpression: "attribute_not_exists(pk)",
    },
  }));
  const writes = t.writes ?? [];
  const extra = t.extra ?? [];
  const items: TransactItem[] = [
    { Put: { TableName, Item: executionItem(t.next, t.dueAt), ...condition } },
    ...writes.map((w) => w.item),
    ...extra.map((e) => e.item),
    ...events,
  ];
  try {
    await deps.clients.ddb.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const failed = (error.CancellationReasons ?? []).findIndex(
      (r) => r.Code === "ConditionalCheckFailed",
    );
    if (failed === 0) throw new StaleExecutionError(t.next.id);
    const write = writes[failed - 1];
    if (write) throw new WriteConditionError(write.errorName ?? "WriteConditionFailed");
    const own = extra[failed - 1 - writes.length];
    if (own?.error) throw own.error;
    throw error;
  }
}

/** The execution's history, oldest first. */
export async function readHistory(deps: Deps, id: string): Promise<HistoryEvent[]> {
  const { pk, skPrefix } = keys.historyPrefix(id);
  const events: HistoryEvent[] = [];
  const pages = paginateQuery(
    { client: deps.clients.ddb },
    {
      TableName: deps.config.table,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": pk, ":prefix": skPrefix },
      ConsistentRead: true,
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const { pk: _pk, sk: _sk, ...event } = item;
      events.push(event as HistoryEvent);
    }
  }
  return events;
}

import { getItem } from "../db/items";
import { indexes, keys } from "../db/layout";
import { queryPages } from "../db/query";
import type { Deps } from "../deps";
import { NotFoundError } from "../errors";
import type { Execution, ExecutionStatus, HistoryEvent } from "./execution";
import { getExecution, getExecutionWithHistory } from "./store";
import { fromStored, SUMMARY_ATTRIBUTES } from "./stored-shape";

export const EXECUTION_STATUSES = [
  "running",
  "succeeded",
  "failed",
] as const satisfies readonly ExecutionStatus[];

/** One line of `executions list`: what an operator needs to pick an execution to look at. */
export interface ExecutionSummary {
  id: string;
  workflow: string;
  version: number;
  status: ExecutionStatus;
  state: string;
  startedAt: string;
  updatedAt: string;
  error?: Execution["error"];
  /** The status the workflow's data carries (a request's status), when it has one. */
  data?: { status?: string };
}

export interface ListExecutionsInput {
  /** Workflow names to list; the executionsByStatus index is partitioned by workflow and status. */
  workflows: string[];
  /** All three statuses when absent. */
  status?: ExecutionStatus;
  /** At most this many per workflow and status, oldest first. */
  limit?: number;
}

/**
 * Lists executions by workflow and status from the executionsByStatus index, oldest first within each
 * partition, then all of them by start date. The index is eventually consistent in AWS: an
 * execution that changed status a moment ago may still show its old one.
 */
export async function listExecutions(
  deps: Deps,
  input: ListExecutionsInput,
): Promise<ExecutionSummary[]> {
  const statuses = input.status ? [input.status] : EXECUTION_STATUSES;
  const partitions = [...new Set(input.workflows)].flatMap((w) =>
    statuses.map((s) => keys.executionStatusPartition(w, s)),
  );
  const lists = await Promise.all(
    partitions.map((partition) => queryPartition(deps, partition, input.limit)),
  );
  return lists
    .flat()
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
}

async function queryPartition(
  deps: Deps,
  partition: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<ExecutionSummary[]> {
  const found: ExecutionSummary[] = [];
  for await (const page of indexPages(deps, partition)) {
    const ids = page.slice(0, Math.max(0, limit - found.length));
    found.push(...(await Promise.all(ids.map((id) => summaryOf(deps, id)))).filter((s) => !!s));
    if (found.length >= limit) break;
  }
  return found;
}

/** The ids an `executionsByStatus` partition lists, a page at a time, oldest first. */
async function* indexPages(deps: Deps, partition: string): AsyncGenerator<string[]> {
  const { name, pk } = indexes.executionsByStatus;
  const pages = queryPages(deps, {
    IndexName: name,
    KeyConditionExpression: "#pk = :pk",
    ExpressionAttributeNames: { "#pk": pk },
    ExpressionAttributeValues: { ":pk": partition },
  });
  for await (const page of pages)
    yield (page.Items ?? []).map((item) => keys.executionIdOf(String(item.pk)));
}

/** What a list line shows of an execution, read by key (the index holds keys only). */
async function summaryOf(deps: Deps, id: string): Promise<ExecutionSummary | undefined> {
  const item = await getItem(deps, keys.execution(id), {
    ExpressionAttributeNames: {
      ...Object.fromEntries(SUMMARY_ATTRIBUTES.map((a, i) => [`#a${i}`, a])),
      "#data": "data",
      "#status": "status",
    },
    ProjectionExpression: [...SUMMARY_ATTRIBUTES.map((_, i) => `#a${i}`), "#data.#status"].join(
      ", ",
    ),
  });
  return item ? (fromStored(item) as ExecutionSummary) : undefined;
}

/**
 * Every execution of a workflow in one status, whole (with its detached parts), oldest first:
 * the index gives the keys, each execution is read by key. For finance, erasure and operations.
 */
export async function* executionsInStatus(
  deps: Deps,
  workflow: string,
  status: ExecutionStatus,
): AsyncGenerator<Execution> {
  for await (const page of indexPages(deps, keys.executionStatusPartition(workflow, status))) {
    for (const id of page) {
      // As it is now: in AWS the index lags the table, so its status may have moved on since.
      const execution = await getExecution(deps, id);
      if (execution) yield execution;
    }
  }
}

/**
 * An execution and its whole history, oldest event first.
 * @throws NotFoundError when there is no execution with this id.
 */
export async function showExecution(
  deps: Deps,
  id: string,
): Promise<{ execution: Execution; history: HistoryEvent[] }> {
  const found = await getExecutionWithHistory(deps, id);
  if (!found) throw new NotFoundError("execution", id);
  // Events a revision committed alone still carries are the history's, shown there.
  const { pending: _, ...shown } = found.execution;
  return { execution: shown, history: found.history };
}

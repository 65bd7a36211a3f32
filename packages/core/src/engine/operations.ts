import { paginateQuery } from "@aws-sdk/lib-dynamodb";
import { indexes, keys } from "../db/layout";
import type { Deps } from "../deps";
import { NotFoundError } from "../errors";
import type { Execution, ExecutionStatus, HistoryEvent } from "./execution";
import { getExecution, readHistory } from "./store";
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
  /** Workflow names to list; the byStatus index is partitioned by workflow and status. */
  workflows: string[];
  /** All three statuses when absent. */
  status?: ExecutionStatus;
  /** At most this many per workflow and status, oldest first. */
  limit?: number;
}

/**
 * Lists executions by workflow and status from the byStatus index, oldest first within each
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
  const pages = paginateQuery(
    { client: deps.clients.ddb },
    {
      TableName: deps.config.table,
      IndexName: indexes.byStatus.name,
      KeyConditionExpression: "#pk = :pk",
      ExpressionAttributeNames: {
        "#pk": indexes.byStatus.pk,
        ...Object.fromEntries(SUMMARY_ATTRIBUTES.map((a, i) => [`#a${i}`, a])),
        "#data": "data",
        "#status": "status",
      },
      ExpressionAttributeValues: { ":pk": partition },
      ProjectionExpression: [...SUMMARY_ATTRIBUTES.map((_, i) => `#a${i}`), "#data.#status"].join(
        ", ",
      ),
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      if (found.length >= limit) return found;
      found.push(fromStored(item) as ExecutionSummary);
    }
  }
  return found;
}

/**
 * An execution and its whole history, oldest event first.
 * @throws NotFoundError when there is no execution with this id.
 */
export async function showExecution(
  deps: Deps,
  id: string,
): Promise<{ execution: Execution; history: HistoryEvent[] }> {
  const [execution, history] = await Promise.all([getExecution(deps, id), readHistory(deps, id)]);
  if (!execution) throw new NotFoundError(`execution ${id}`);
  // Events a revision committed alone still carries are the history's, shown there.
  const { pending: _, ...shown } = execution;
  return { execution: shown, history };
}

import { paginateQuery, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Deps } from "../deps";
import { indexes } from "./layout";

type Item = Record<string, unknown>;

/** Every item a query finds, page after page, never more than a page in memory. */
export async function* queryItems(
  deps: Deps,
  input: Omit<QueryCommandInput, "TableName">,
): AsyncGenerator<Item> {
  const pages = paginateQuery(
    { client: deps.clients.ddb, pageSize: 100 },
    { TableName: deps.config.table, ...input },
  );
  for await (const page of pages) yield* page.Items ?? [];
}

/** The items of one `byStatus` partition, oldest first (e.g. a fund's scheduled payouts). */
export function byStatus(deps: Deps, partition: string): AsyncGenerator<Item> {
  const { name, pk } = indexes.byStatus;
  return queryItems(deps, {
    IndexName: name,
    KeyConditionExpression: "#pk = :pk",
    ExpressionAttributeNames: { "#pk": pk },
    ExpressionAttributeValues: { ":pk": partition },
  });
}

/** The items of a partition whose sort key starts with `skPrefix`, in sort key order. */
export function byPrefix(deps: Deps, key: { pk: string; skPrefix: string }): AsyncGenerator<Item> {
  return queryItems(deps, {
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
    ExpressionAttributeValues: { ":pk": key.pk, ":prefix": key.skPrefix },
    ConsistentRead: true,
  });
}

/** Groups a stream into arrays of `size`, so each group can be written concurrently. */
export async function* chunks<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

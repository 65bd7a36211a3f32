import {
  paginateQuery,
  paginateScan,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  type ScanCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { NativeAttributeValue } from "@aws-sdk/util-dynamodb";
import type { Deps } from "../deps";
import { indexes } from "./layout";

/** An item as lib-dynamodb unmarshals it. */
type Item = Record<string, NativeAttributeValue>;

/** The pages of a query (`pageSize` items each; without one, DynamoDB's 1 MB pages). */
export function queryPages(
  deps: Deps,
  input: Omit<QueryCommandInput, "TableName">,
  pageSize: number | undefined = 100,
) {
  return paginateQuery(
    { client: deps.clients.ddb, pageSize },
    { TableName: deps.config.table, ...input },
  );
}

/** Every item a query finds, page after page, never more than a page in memory. */
export async function* queryItems(
  deps: Deps,
  input: Omit<QueryCommandInput, "TableName">,
  pageSize: number | undefined = 100,
): AsyncGenerator<Item> {
  for await (const page of queryPages(deps, input, pageSize)) yield* page.Items ?? [];
}

/** One page of a query, for callers that page themselves (a cursor handed to the browser). */
export function queryPage(
  deps: Deps,
  input: Omit<QueryCommandInput, "TableName">,
): Promise<QueryCommandOutput> {
  return deps.clients.ddb.send(new QueryCommand({ ...input, TableName: deps.config.table }));
}

/** Every item of the table, page after page: only for the rare sweeps that must see all kinds. */
export async function* scanItems(
  deps: Deps,
  input: Omit<ScanCommandInput, "TableName"> = {},
): AsyncGenerator<Item> {
  const pages = paginateScan(
    { client: deps.clients.ddb },
    { ...input, TableName: deps.config.table },
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

/** The items of one partition, in sort key order. */
export function byPartition(
  deps: Deps,
  pk: string,
  options: { consistent?: boolean } = {},
): AsyncGenerator<Item> {
  return queryItems(deps, {
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": pk },
    ConsistentRead: options.consistent,
  });
}

/**
 * Every item of a partition whose sort key starts with `skPrefix`, read eventually consistent:
 * the risk checks (who else used this IBAN, this document) read what other requests indexed.
 */
export async function queryPrefix(
  deps: Deps,
  key: { pk: string; skPrefix: string },
): Promise<Item[]> {
  return collect(
    queryItems(deps, {
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
      ExpressionAttributeValues: { ":pk": key.pk, ":p": key.skPrefix },
    }),
  );
}

/** All of a stream in one array, for the few reads known to be small. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
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

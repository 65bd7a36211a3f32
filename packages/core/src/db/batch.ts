import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
} from "@aws-sdk/lib-dynamodb";
import type { NativeAttributeValue } from "@aws-sdk/util-dynamodb";
import type { Deps } from "../deps";

/** An item as lib-dynamodb unmarshals it. */
type Item = Record<string, NativeAttributeValue>;
type Key = Record<string, unknown>;

/** DynamoDB's limits per call: 25 writes, 100 reads. */
const WRITE_BATCH = 25;
const READ_BATCH = 100;
/** Rounds of resending what DynamoDB left unprocessed (it does so under load) before giving up. */
const ATTEMPTS = 5;

/** Waits before resending, longer each round with jitter, as AWS advises for unprocessed items. */
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** attempt));

/**
 * Puts `items` in batches of 25, resending with backoff what DynamoDB leaves unprocessed. Not a
 * transaction: for items each safe to write again (an index, a copy), never for money.
 */
export async function batchPut(deps: Deps, items: readonly Item[], what: string): Promise<void> {
  const table = deps.config.table;
  for (let i = 0; i < items.length; i += WRITE_BATCH) {
    let pending: BatchWriteCommandOutput["UnprocessedItems"] = {
      [table]: items.slice(i, i + WRITE_BATCH).map((Item) => ({ PutRequest: { Item } })),
    };
    for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt++) {
      if (attempt === ATTEMPTS) throw new Error(`DynamoDB kept items of ${what} unprocessed`);
      if (attempt > 0) await backoff(attempt);
      pending = (await deps.clients.ddb.send(new BatchWriteCommand({ RequestItems: pending })))
        .UnprocessedItems;
    }
  }
}

/**
 * The items of `keys` that exist (in no particular order), read in batches of 100 and
 * resending with backoff the keys DynamoDB leaves unprocessed; `projection` limits the fields.
 */
export async function batchGet(
  deps: Deps,
  keys: readonly Key[],
  what: string,
  projection?: { expression: string; names?: Record<string, string> },
): Promise<Item[]> {
  const table = deps.config.table;
  const found: Item[] = [];
  for (let i = 0; i < keys.length; i += READ_BATCH) {
    let keysLeft: Key[] | undefined = keys.slice(i, i + READ_BATCH);
    for (let attempt = 0; keysLeft && keysLeft.length > 0; attempt++) {
      if (attempt === ATTEMPTS) throw new Error(`DynamoDB kept keys of ${what} unprocessed`);
      if (attempt > 0) await backoff(attempt);
      const answer: BatchGetCommandOutput = await deps.clients.ddb.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: keysLeft,
              ProjectionExpression: projection?.expression,
              ExpressionAttributeNames: projection?.names,
            },
          },
        }),
      );
      found.push(...(answer.Responses?.[table] ?? []));
      keysLeft = answer.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return found;
}

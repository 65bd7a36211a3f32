import {
  DeleteCommand,
  type DeleteCommandInput,
  GetCommand,
  type GetCommandInput,
  PutCommand,
  type PutCommandInput,
  type PutCommandOutput,
  UpdateCommand,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from "@aws-sdk/lib-dynamodb";
import type { NativeAttributeValue } from "@aws-sdk/util-dynamodb";
import type { Deps } from "../deps";

/**
 * Thin wrappers over the lib-dynamodb commands that name the table of `deps`: domain code
 * writes keys (from layout.ts), conditions and expressions, never the table. ElectroDB or
 * dynamodb-toolbox would own keys and expressions too, but they write keys in their own format
 * with attributes of their own (a migration of every stored item) and build conditions their
 * way, so every money-moving transaction would be rewritten at once; these wrappers keep the
 * expressions as AWS documents them, and the items as they are.
 */
/** An item as lib-dynamodb unmarshals it. */
type Item = Record<string, NativeAttributeValue>;
type NoTable<T> = Omit<T, "TableName">;
/** What names the table and reaches DynamoDB (a handler without the rest of `Deps` has these). */
type Table = Pick<Deps, "clients" | "config">;

/** One item by its key (eventually consistent unless `ConsistentRead`). */
export async function getItem(
  deps: Table,
  key: object,
  options: NoTable<Omit<GetCommandInput, "Key">> = {},
): Promise<Item | undefined> {
  const { Item } = await deps.clients.ddb.send(
    new GetCommand({
      ...options,
      TableName: deps.config.table,
      Key: key as Item,
    }),
  );
  return Item;
}

/** Puts an item; a `ConditionExpression` that does not hold throws ConditionalCheckFailedException. */
export function putItem(deps: Table, input: NoTable<PutCommandInput>): Promise<PutCommandOutput> {
  return deps.clients.ddb.send(new PutCommand({ ...input, TableName: deps.config.table }));
}

/** Updates an item (creating it unless a condition forbids it); answers what `ReturnValues` asks. */
export function updateItem(
  deps: Table,
  input: NoTable<UpdateCommandInput>,
): Promise<UpdateCommandOutput> {
  return deps.clients.ddb.send(new UpdateCommand({ ...input, TableName: deps.config.table }));
}

/** Deletes an item by its key (nothing happens if it is absent, unless a condition says so). */
export async function deleteItem(deps: Table, input: NoTable<DeleteCommandInput>): Promise<void> {
  await deps.clients.ddb.send(new DeleteCommand({ ...input, TableName: deps.config.table }));
}

/** Whether a write was refused by its condition (an answer to act on, not a fault). */
export const conditionFailed = (error: unknown): boolean =>
  (error as Error | undefined)?.name === "ConditionalCheckFailedException";

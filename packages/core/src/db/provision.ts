import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import type { AwsClients } from "../aws/clients";
import { tableDefinition, ttlAttribute } from "./layout";
import { moveExecutionIndexKeys } from "./migrations";

/**
 * Creates the table as the stacks declare it, with its TTL, unless it exists; a table kept from
 * an earlier version gets what was added since. The local stack and the tests provision
 * DynamoDB Local with it.
 */
export async function ensureTable(clients: Pick<AwsClients, "ddb">, table: string): Promise<void> {
  const definition = tableDefinition(table);
  let existing: TableDescription | undefined;
  try {
    existing = (await clients.ddb.send(new DescribeTableCommand({ TableName: table }))).Table;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  if (existing) return upgradeTable(clients, definition, existing);
  await clients.ddb.send(new CreateTableCommand(definition));
  await clients.ddb.send(
    new UpdateTimeToLiveCommand({
      TableName: table,
      TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
    }),
  );
}

/**
 * A table kept from an earlier version (`npm start` keeps its data): the indexes added since,
 * one per update as in AWS, then the executions' keys moved to their own index.
 */
async function upgradeTable(
  clients: Pick<AwsClients, "ddb">,
  definition: ReturnType<typeof tableDefinition>,
  existing: TableDescription,
): Promise<void> {
  const have = new Set((existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const missing = (definition.GlobalSecondaryIndexes ?? []).filter((i) => !have.has(i.IndexName));
  for (const index of missing)
    await clients.ddb.send(
      new UpdateTableCommand({
        TableName: definition.TableName,
        AttributeDefinitions: definition.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  if (missing.length > 0) await indexesActive(clients, definition.TableName!);
  await moveExecutionIndexKeys(clients.ddb, definition.TableName!);
}

/** DynamoDB builds a new index in the background; DynamoDB Local fails writes to its items meanwhile. */
async function indexesActive(clients: Pick<AwsClients, "ddb">, table: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { Table } = await clients.ddb.send(new DescribeTableCommand({ TableName: table }));
    if ((Table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === "ACTIVE")) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the indexes of table ${table} did not become active within a minute`);
}

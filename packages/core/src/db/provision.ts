import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import type { AwsClients } from "../aws/clients";
import { tableDefinition, ttlAttribute } from "./layout";

/**
 * Creates the table as the stacks declare it, with its TTL, unless it exists: the local stack
 * and the tests provision DynamoDB Local with it.
 */
export async function ensureTable(clients: Pick<AwsClients, "ddb">, table: string): Promise<void> {
  try {
    await clients.ddb.send(new DescribeTableCommand({ TableName: table }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await clients.ddb.send(new CreateTableCommand(tableDefinition(table)));
  await clients.ddb.send(
    new UpdateTimeToLiveCommand({
      TableName: table,
      TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
    }),
  );
}

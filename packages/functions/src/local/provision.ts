import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { CreateQueueCommand, GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import type { AwsClients } from "@entraide/core/aws/clients";
import { MAX_RECEIVE_COUNT } from "@entraide/core/aws/queue-policy";
import { tableDefinition, ttlAttribute } from "@entraide/core/db/layout";
import { moveExecutionIndexKeys } from "@entraide/core/db/migrations";

export interface ResourceNames {
  table: string;
  queue: string;
  bucket: string;
}

/** Locally as in AWS, the worker has this long before a received message is visible again. */
export const VISIBILITY_TIMEOUT_SECONDS = 30;

/**
 * Creates the table, the queue with its dead-letter queue, and the documents bucket, as the
 * stacks do in AWS. Safe to run on every start: what exists is left as it is.
 */
export async function provision(clients: AwsClients, names: ResourceNames) {
  await ensureTable(clients, names.table);
  const dlq = await clients.sqs.send(new CreateQueueCommand({ QueueName: `${names.queue}-dlq` }));
  const dlqArn = await clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ["QueueArn"] }),
  );
  const queue = await clients.sqs.send(
    new CreateQueueCommand({
      QueueName: names.queue,
      Attributes: {
        VisibilityTimeout: String(VISIBILITY_TIMEOUT_SECONDS),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqArn.Attributes?.QueueArn,
          maxReceiveCount: MAX_RECEIVE_COUNT,
        }),
      },
    }),
  );
  await ensureBucket(clients, names.bucket);
  return { queueUrl: queue.QueueUrl!, deadLetterQueueUrl: dlq.QueueUrl! };
}

async function ensureTable(clients: AwsClients, table: string): Promise<void> {
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
  clients: AwsClients,
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
async function indexesActive(clients: AwsClients, table: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { Table } = await clients.ddb.send(new DescribeTableCommand({ TableName: table }));
    if ((Table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === "ACTIVE")) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the indexes of table ${table} did not become active within a minute`);
}

async function ensureBucket(clients: AwsClients, bucket: string): Promise<void> {
  try {
    await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as Error).name;
    if (name !== "BucketAlreadyOwnedByYou" && name !== "BucketAlreadyExists") throw error;
  }
}

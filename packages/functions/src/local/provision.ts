import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { CreateQueueCommand, GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import type { AwsClients } from "@entraide/core/aws/clients";
import { MAX_RECEIVE_COUNT } from "@entraide/core/aws/queue-policy";
import { ensureTable } from "@entraide/core/db/provision";

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

async function ensureBucket(clients: AwsClients, bucket: string): Promise<void> {
  try {
    await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as Error).name;
    if (name !== "BucketAlreadyOwnedByYou" && name !== "BucketAlreadyExists") throw error;
  }
}

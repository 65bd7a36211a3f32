import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
} from "@aws-sdk/client-sqs";
import type { SQSEvent } from "aws-lambda";
import type { AwsClients } from "../../packages/core/src/aws/clients";
import { toSqsRecord } from "../../packages/functions/src/local/worker-loop";

export type BatchHandler = (
  event: SQSEvent,
) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

export interface PumpOptions {
  clients: Pick<AwsClients, "sqs">;
  queueUrl: string;
  handler: BatchHandler;
  /** Records in flight at most: split over workers that each take batches of up to 10, as Lambda's pollers do. */
  concurrency: number;
  /** Stop once this many messages were handled and deleted. */
  messages: number;
  /** Give up after this long without a message (a lost one would otherwise hang the run). */
  idleMs?: number;
}

/** Batch sizes of the workers: as few workers as batches of 10 allow, sizes summing to `concurrency`. */
export function batchSizes(concurrency: number): number[] {
  const workers = Math.ceil(concurrency / 10);
  return Array.from(
    { length: workers },
    (_, i) => Math.floor(concurrency / workers) + (i < concurrency % workers ? 1 : 0),
  );
}

/**
 * Pumps the queue into the worker handler with several concurrent workers, as Lambda's event
 * source mapping does: receive, hand the batch to the handler, delete what succeeded, make the
 * failures visible again at once. Returns how many messages were handled.
 */
export async function pump(options: PumpOptions): Promise<{ handled: number; failures: number }> {
  const { sqs } = options.clients;
  const QueueUrl = options.queueUrl;
  let handled = 0;
  let failures = 0;
  let lastMessageAt = Date.now();
  const idleMs = options.idleMs ?? 5000;
  const worker = async (size: number) => {
    while (handled < options.messages && Date.now() - lastMessageAt < idleMs) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl,
          MaxNumberOfMessages: size,
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ["All"],
        }),
      );
      if (Messages.length === 0) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      lastMessageAt = Date.now();
      const { batchItemFailures } = await options.handler({
        Records: Messages.map((m) => toSqsRecord(m, queueArnOf(QueueUrl), "eu-west-1")),
      });
      const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
      const done = Messages.filter((m) => !failed.has(m.MessageId!));
      const retry = Messages.filter((m) => failed.has(m.MessageId!));
      if (done.length > 0) {
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl,
            Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
          }),
        );
      }
      if (retry.length > 0) {
        await sqs.send(
          new ChangeMessageVisibilityBatchCommand({
            QueueUrl,
            Entries: retry.map((m, i) => ({
              Id: String(i),
              ReceiptHandle: m.ReceiptHandle!,
              VisibilityTimeout: 0,
            })),
          }),
        );
      }
      handled += done.length;
      failures += retry.length;
    }
  };
  await Promise.all(batchSizes(options.concurrency).map(worker));
  return { handled, failures };
}

const queueArnOf = (queueUrl: string) =>
  `arn:aws:sqs:eu-west-1:000000000000:${queueUrl.split("/").pop()}`;

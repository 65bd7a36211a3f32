import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type {
  Context,
  SQSBatchResponse,
  SQSEvent,
  SQSMessageAttributes,
  SQSRecord,
} from "aws-lambda";
import { invokeLocally } from "./lambda-context";

/** A Lambda SQS handler; it reports partial failures by returning an `SQSBatchResponse`. */
export type SqsHandler = (event: SQSEvent, context: Context) => Promise<unknown>;

export interface WorkerLoopOptions {
  sqs: SQSClient;
  queueUrl: string;
  region: string;
  handler: SqsHandler;
  /** Records per invocation, as the event source mapping's BatchSize (1..10). */
  batchSize?: number;
  /** Long-poll wait; also bounds how long `stop()` waits for a poll to return. */
  waitTimeSeconds?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface WorkerLoop {
  stop(): Promise<void>;
}

/**
 * Plays Lambda's SQS event source mapping with ReportBatchItemFailures: long-polls the queue,
 * invokes the handler with a batch, deletes the records it did not report as failed. A handler
 * that throws, or reports an identifier that is not in the batch, fails the whole batch; failed
 * records come back after the visibility timeout, and the queue's redrive policy moves them to
 * the dead-letter queue once their receive count passes `maxReceiveCount`.
 */
export async function startWorkerLoop(options: WorkerLoopOptions): Promise<WorkerLoop> {
  const { sqs, queueUrl } = options;
  const log = options.log ?? ((message, error) => console.error(message, error ?? ""));
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
  );
  const queueArn = attributes.Attributes?.QueueArn ?? queueUrl;
  const abort = new AbortController();
  let stopped = false;

  const loop = (async () => {
    while (!stopped) {
      let messages: Message[];
      try {
        const received = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: options.batchSize ?? 10,
            WaitTimeSeconds: options.waitTimeSeconds ?? 5,
            MessageSystemAttributeNames: ["All"],
            MessageAttributeNames: ["All"],
          }),
          { abortSignal: abort.signal },
        );
        messages = received.Messages ?? [];
      } catch (error) {
        if (stopped) break;
        log("worker loop: receiving from the queue failed", error);
        await sleep(1000);
        continue;
      }
      if (messages.length > 0) await invoke(messages);
    }
  })();

  async function invoke(messages: Message[]) {
    const records = messages.map((m) => toSqsRecord(m, queueArn, options.region));
    let failed: Set<string>;
    try {
      const response = await invokeLocally("worker", options.handler, { Records: records });
      failed = failedIds(response, records);
    } catch (error) {
      log("worker loop: the handler failed; the whole batch will be retried", error);
      return;
    }
    if (failed.size > 0)
      log(`worker loop: ${failed.size} of ${records.length} records failed and will be retried`);
    const done = messages.filter((m) => !failed.has(m.MessageId!));
    if (done.length === 0) return;
    const deleted = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
    if (deleted.Failed?.length)
      log(`worker loop: ${deleted.Failed.length} messages could not be deleted`);
  }

  return {
    async stop() {
      stopped = true;
      abort.abort();
      await loop;
    },
  };
}

/** The failed message ids; every id of the batch when the response is not a valid report. */
function failedIds(response: unknown, records: SQSRecord[]): Set<string> {
  const ids = new Set(records.map((r) => r.messageId));
  const reported = (response as Partial<SQSBatchResponse> | undefined)?.batchItemFailures ?? [];
  if (!Array.isArray(reported)) return ids;
  const valid = reported.every(
    (f) => typeof f.itemIdentifier === "string" && ids.has(f.itemIdentifier),
  );
  return valid ? new Set(reported.map((f) => f.itemIdentifier)) : ids;
}

/** A received message as Lambda's SQS event source hands it to the function. */
export function toSqsRecord(message: Message, queueArn: string, region: string): SQSRecord {
  const a = message.Attributes ?? {};
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? "",
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? "1",
      SentTimestamp: a.SentTimestamp ?? String(Date.now()),
      SenderId: a.SenderId ?? "000000000000",
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      ...(a.AWSTraceHeader ? { AWSTraceHeader: a.AWSTraceHeader } : {}),
      ...(a.MessageGroupId ? { MessageGroupId: a.MessageGroupId } : {}),
      ...(a.MessageDeduplicationId ? { MessageDeduplicationId: a.MessageDeduplicationId } : {}),
      ...(a.SequenceNumber ? { SequenceNumber: a.SequenceNumber } : {}),
    },
    messageAttributes: toMessageAttributes(message.MessageAttributes ?? {}),
    md5OfBody: message.MD5OfBody ?? "",
    eventSource: "aws:sqs",
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

function toMessageAttributes(
  attributes: Record<string, MessageAttributeValue>,
): SQSMessageAttributes {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
  return Object.fromEntries(
    Object.entries(attributes).map(([name, v]) => [
      name,
      {
        dataType: v.DataType ?? "String",
        ...(v.StringValue !== undefined ? { stringValue: v.StringValue } : {}),
        ...(v.BinaryValue !== undefined ? { binaryValue: base64(v.BinaryValue) } : {}),
        stringListValues: v.StringListValues ?? [],
        binaryListValues: (v.BinaryListValues ?? []).map(base64),
      },
    ]),
  );
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

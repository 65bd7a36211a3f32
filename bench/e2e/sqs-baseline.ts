import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from "@aws-sdk/client-sqs";
import type { AwsClients } from "../../packages/core/src/aws/clients";

export interface SqsBaseline {
  /** SendMessage requests per second (a work-message-sized body). */
  sendsPerSecond: number;
  /** ReceiveMessage requests (up to 10 messages) per second, each followed by its DeleteMessageBatch. */
  receivesPerSecond: number;
  /** Messages received and deleted per second. */
  messagesReceivedPerSecond: number;
}

/** The raw SQS rates of the emulator at `concurrency` clients, on a queue of its own. */
export async function measureSqs(
  clients: Pick<AwsClients, "sqs">,
  concurrency: number,
  seconds: number,
): Promise<SqsBaseline> {
  const { sqs } = clients;
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: `bench-sqs-${crypto.randomUUID().slice(0, 8)}` }),
  );
  const body = JSON.stringify({ executionId: crypto.randomUUID(), rev: 3, kind: "run" });
  try {
    let sends = 0;
    const t0 = performance.now();
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until) {
          await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body }));
          sends++;
        }
      }),
    );
    const sendSeconds = (performance.now() - t0) / 1000;
    let receives = 0;
    let received = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: Math.max(1, Math.ceil(concurrency / 10)) }, async () => {
        while (received < sends) {
          const { Messages = [] } = await sqs.send(
            new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
          );
          receives++;
          if (Messages.length === 0) break;
          received += Messages.length;
          await sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl,
              Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
            }),
          );
        }
      }),
    );
    const receiveSeconds = (performance.now() - t1) / 1000;
    return {
      sendsPerSecond: sends / sendSeconds,
      receivesPerSecond: receives / receiveSeconds,
      messagesReceivedPerSecond: received / receiveSeconds,
    };
  } finally {
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  }
}

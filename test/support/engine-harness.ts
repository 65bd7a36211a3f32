import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  PurgeQueueCommand,
  ReceiveMessageCommand,
} from "@aws-sdk/client-sqs";
import type { Context, SQSEvent, SQSRecord } from "aws-lambda";
import type { Engine } from "../../packages/core/src/engine/engine";
import { sweep } from "../../packages/core/src/engine/sweeper";
import { toSqsRecord } from "../../packages/functions/src/local/worker-loop";
import { workBatchHandler } from "../../packages/functions/src/queue/worker";
import type { TestStack } from "./stack";

export interface DrainOptions {
  /** How many times each received message is delivered (at-least-once delivery). */
  copies?: (record: SQSRecord) => number;
  /** Deliver a batch's records in a shuffled order. */
  shuffle?: boolean;
  /** Run the sweeper when the queue is empty (default true). */
  sweep?: boolean;
  maxRounds?: number;
}

/**
 * Pumps the real queue into the real worker handler, as Lambda's event source would, but
 * with failed records made visible again at once so tests need not wait out the timeout.
 */
export class Harness {
  readonly handler;
  delivered = 0;
  constructor(
    readonly stack: TestStack,
    readonly engine: Engine,
    /** The Lambda context each batch is handed with (its remaining time), as Lambda would. */
    readonly context?: Context,
  ) {
    this.handler = workBatchHandler(() => engine);
  }

  async receive(): Promise<Message[]> {
    const { Messages } = await this.stack.clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.stack.config.queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: ["All"],
      }),
    );
    return Messages ?? [];
  }

  async deliver(messages: Message[], options: DrainOptions = {}): Promise<void> {
    let records = messages.flatMap((m) => {
      const record = toSqsRecord(m, queueArnOf(this.stack.config.queueUrl), "eu-west-1");
      return Array.from({ length: options.copies?.(record) ?? 1 }, () => record);
    });
    if (options.shuffle) records = shuffled(records);
    this.delivered += records.length;
    const event: SQSEvent = { Records: records };
    // As Lambda does: a handler that throws (Powertools does when every record failed) fails the whole batch.
    const failures = await this.handler(event, this.context).then(
      (r) => r.batchItemFailures.map((f) => f.itemIdentifier),
      () => messages.map((m) => m.MessageId!),
    );
    const failed = new Set(failures);
    const QueueUrl = this.stack.config.queueUrl;
    const done = messages.filter((m) => !failed.has(m.MessageId!));
    const retry = messages.filter((m) => failed.has(m.MessageId!));
    if (done.length > 0) {
      await this.stack.clients.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl,
          Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
    if (retry.length > 0) {
      await this.stack.clients.sqs.send(
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
  }

  /** Delivers until the queue is empty and the sweeper finds nothing due. */
  async drain(options: DrainOptions = {}): Promise<void> {
    for (let round = 0; round < (options.maxRounds ?? 10_000); round++) {
      const messages = await this.receive();
      if (messages.length > 0) {
        await this.deliver(messages, options);
        continue;
      }
      if (options.sweep === false) return;
      const { sent } = await sweep(this.stack, { graceSeconds: this.engine.graceSeconds });
      if (sent === 0) return;
    }
    throw new Error("the queue never drained");
  }

  /** Moves the clock on past the sweeper's grace, so lost messages are re-driven, then drains. */
  async advance(ms: number, options: DrainOptions = {}): Promise<void> {
    this.stack.clock.advance(ms);
    await this.drain(options);
  }

  async purge(): Promise<void> {
    await this.stack.clients.sqs.send(
      new PurgeQueueCommand({ QueueUrl: this.stack.config.queueUrl }),
    );
  }
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const queueArnOf = (queueUrl: string) =>
  `arn:aws:sqs:eu-west-1:000000000000:${queueUrl.split("/").pop()}`;

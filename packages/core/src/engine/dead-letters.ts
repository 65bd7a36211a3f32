import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
} from "@aws-sdk/client-sqs";
import type { Deps } from "../deps";
import { EntraideError } from "../errors";
import { WorkMessage } from "./queue";

/** A message in the dead-letter queue, as `dlq list` shows it. */
export interface DeadLetter {
  messageId: string;
  /** The execution and revision it was for, when the body is a work message. */
  work?: WorkMessage;
  body: string;
  /** How many times it was received, in the work queue before it moved and since. */
  receiveCount: number;
  sentAt?: string;
}

/** Long enough for one listing or one move to finish before a message comes back into view. */
const HOLD_SECONDS = 30;

async function receive(deps: Deps): Promise<Message[]> {
  const { Messages } = await deps.clients.sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: deps.config.deadLetterQueueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 0,
      VisibilityTimeout: HOLD_SECONDS,
      MessageSystemAttributeNames: ["All"],
    }),
  );
  return Messages ?? [];
}

function describe(message: Message): DeadLetter {
  const body = message.Body ?? "";
  let work: WorkMessage | undefined;
  try {
    work = WorkMessage.parse(JSON.parse(body));
  } catch {
    work = undefined;
  }
  const sent = message.Attributes?.SentTimestamp;
  return {
    messageId: message.MessageId!,
    work,
    body,
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
    sentAt: sent ? new Date(Number(sent)).toISOString() : undefined,
  };
}

/**
 * Peeks at the dead-letter queue without consuming it: receives every message (each held out
 * of view meanwhile, so none is listed twice), then makes them all visible again at once.
 * Receiving counts as a receive for each message; nothing else changes.
 */
export async function listDeadLetters(
  deps: Deps,
  options: { max?: number } = {},
): Promise<DeadLetter[]> {
  const max = options.max ?? 1000;
  const held: Message[] = [];
  try {
    for (
      let batch = await receive(deps);
      batch.length > 0 && held.length < max;
      batch = await receive(deps)
    ) {
      held.push(...batch);
    }
  } finally {
    await release(deps, held);
  }
  return held.slice(0, max).map(describe);
}

async function release(deps: Deps, messages: Message[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 10) {
    await deps.clients.sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: deps.config.deadLetterQueueUrl,
        Entries: messages.slice(i, i + 10).map((m, j) => ({
          Id: String(j),
          ReceiptHandle: m.ReceiptHandle!,
          VisibilityTimeout: 0,
        })),
      }),
    );
  }
}

/** Roughly how many messages wait in the dead-letter queue (SQS's approximate count). */
export async function countDeadLetters(deps: Deps): Promise<number> {
  const { Attributes } = await deps.clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: deps.config.deadLetterQueueUrl,
      AttributeNames: ["ApproximateNumberOfMessages"],
    }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
}

/**
 * Moves every dead-letter message back to the work queue: send, then delete. A crash between
 * the two leaves a copy in both queues, which is harmless: a work message only says "look at
 * this execution at this revision", and the engine ignores one that is out of date.
 * `onProgress` is called after each batch with the number moved so far.
 */
export async function redriveDeadLetters(
  deps: Deps,
  options: { onProgress?: (moved: number) => void } = {},
): Promise<{ moved: number }> {
  let moved = 0;
  for (let batch = await receive(deps); batch.length > 0; batch = await receive(deps)) {
    const sent = await deps.clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: deps.config.queueUrl,
        Entries: batch.map((m, i) => ({ Id: String(i), MessageBody: m.Body ?? "" })),
      }),
    );
    if (sent.Failed && sent.Failed.length > 0) {
      await release(deps, batch);
      throw new EntraideError(
        "dlq.send-failed",
        `the work queue refused ${sent.Failed.length} messages (${sent.Failed[0]?.Message}); ${moved} moved so far, the rest stay in the dead-letter queue`,
      );
    }
    await deps.clients.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: deps.config.deadLetterQueueUrl,
        Entries: batch.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
    moved += batch.length;
    options.onProgress?.(moved);
  }
  return { moved };
}

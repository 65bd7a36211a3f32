import { SendMessageBatchCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import * as z from "zod";
import type { Deps } from "../deps";

export { MAX_RECEIVE_COUNT } from "../aws/queue-policy";

/** How long a runnable execution may go unmoved before the sweeper assumes its message lost. */
export const GRACE_SECONDS = 60;

/**
 * A message only says "look at this execution at this revision": the truth is in the table,
 * so a lost, late or repeated message can never move an execution wrongly.
 */
export const WorkMessage = z.object({
  executionId: z.string().uuid(),
  rev: z.number().int().positive(),
});
export type WorkMessage = z.infer<typeof WorkMessage>;

export async function sendWork(deps: Deps, message: WorkMessage, delaySeconds = 0): Promise<void> {
  await deps.clients.sqs.send(
    new SendMessageCommand({
      QueueUrl: deps.config.queueUrl,
      MessageBody: JSON.stringify(message),
      DelaySeconds: Math.min(900, Math.max(0, Math.ceil(delaySeconds))),
    }),
  );
}

export async function sendWorkBatch(deps: Deps, messages: WorkMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 10) {
    const chunk = messages.slice(i, i + 10);
    const result = await deps.clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: deps.config.queueUrl,
        Entries: chunk.map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m) })),
      }),
    );
    if (result.Failed && result.Failed.length > 0) {
      throw new Error(`SQS refused ${result.Failed.length} messages: ${result.Failed[0]?.Message}`);
    }
  }
}

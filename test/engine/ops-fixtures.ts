import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { defineWorkflow, type Step } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { EntraideError } from "../../packages/core/src/errors";
import { fixtureCode } from "../support/error-codes";
import type { TestStack } from "../support/stack";

/**
 * A small workflow for the operations tests: `work` fails (without retry or catch, so the
 * execution fails) while the input asks it to and the switch is off; `{ wait: true }` parks the
 * execution in a day-long wait, so it stays running.
 */
export const ops = defineWorkflow({
  name: "ops",
  version: 1,
  startAt: "work",
  states: {
    work: { type: "task", step: "work", next: "route" },
    route: {
      type: "choice",
      choices: [{ when: (d) => d.wait === true, next: "pause" }],
      default: "done",
    },
    pause: { type: "wait", seconds: 86_400, next: "done" },
    done: { type: "succeed" },
  },
});

/** The switch the tests flip to let the failing step succeed, as an operator fixing the cause would. */
export class Switch {
  fixed = false;
}

export function opsEngine(stack: TestStack, fix: Switch): Engine {
  const steps: Record<string, Step> = {
    work: async (data) => {
      if (data.fail === true && !fix.fixed)
        throw new EntraideError(
          fixtureCode("upstream.down"),
          "the upstream service refused the call",
        );
      return { data: { worked: true } };
    },
  };
  return new Engine({ deps: stack, workflows: [ops], steps, random: () => 0.5 });
}

/** Puts a message straight into the dead-letter queue, as SQS does after the last receive. */
export async function poison(stack: TestStack, body: string): Promise<void> {
  await stack.clients.sqs.send(
    new SendMessageCommand({ QueueUrl: stack.config.deadLetterQueueUrl, MessageBody: body }),
  );
}

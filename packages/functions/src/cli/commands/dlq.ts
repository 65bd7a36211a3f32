import {
  countDeadLetters,
  type DeadLetter,
  listDeadLetters,
  redriveDeadLetters,
} from "@entraide/core/engine/dead-letters";
import type { Command } from "commander";
import { type Cli, defineCommand } from "../define";

const messages = (n: number) => `${n} message${n === 1 ? "" : "s"}`;

const letterLine = (m: DeadLetter) =>
  `${m.messageId}  ${m.work ? `execution ${m.work.executionId} rev ${m.work.rev}` : `body ${JSON.stringify(m.body)}`}` +
  `  received ${m.receiveCount} times${m.sentAt ? `  sent ${m.sentAt}` : ""}`;

export function registerDlq(program: Command, cli: Cli): void {
  const dlq = program
    .command("dlq")
    .description("the work queue's dead-letter queue (messages that failed every receive)");
  defineCommand(dlq, cli, {
    name: "list",
    description: "list the dead-letter messages without consuming them",
    run: async (ctx) => {
      const { deps } = await ctx.target();
      const letters = await listDeadLetters(deps);
      return {
        data: letters,
        text:
          letters.length === 0
            ? "the dead-letter queue is empty"
            : [...letters.map(letterLine), messages(letters.length)].join("\n"),
      };
    },
  });
  defineCommand(dlq, cli, {
    name: "redrive",
    description:
      "move every dead-letter message back to the work queue (the worker handles it again)",
    run: async (ctx) => {
      const { deps } = await ctx.target();
      const total = await countDeadLetters(deps);
      if (total > 0) ctx.output.note(`moving about ${messages(total)} back to the work queue`);
      const progress = ctx.output.progress("moved");
      let reported = 0;
      const { moved } = await redriveDeadLetters(deps, {
        onProgress: (done) => {
          // Batches move up to 10 at a time; report each count so the every-500 marks are not skipped.
          for (let n = reported + 1; n <= done; n++) progress(n, Math.max(total, done));
          reported = done;
        },
      });
      return {
        data: { moved },
        text:
          moved === 0
            ? "the dead-letter queue is empty: nothing to move"
            : `${messages(moved)} moved back to the work queue`,
      };
    },
  });
}

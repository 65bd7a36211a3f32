import { readFile, stat } from "node:fs/promises";
import { moderationReplies } from "@entraide/core/board/replies";
import { handleInboundEmail } from "@entraide/core/notifications/replies/inbound";
import { decide } from "@entraide/core/requests/approver-actions";
import { createEngine } from "@entraide/core/workflows/index";
import type { Command } from "commander";
import { type Cli, defineCommand } from "../define";
import { UsageError, unreadable } from "../errors";

/** Reply emails are small; a bigger file is certainly not one. */
const MAX_EML_BYTES = 10 * 1024 * 1024;

export function registerMail(program: Command, cli: Cli): void {
  const mail = program.command("mail").description("email the stack receives");
  defineCommand(mail, cli, {
    name: "receive",
    description:
      "feed a raw email (.eml) to the reply handler, as SES receiving would: a reply to an approval or a board moderation email decides like the page",
    configure: (command) => command.argument("<file.eml>", "the raw MIME message"),
    run: async (ctx, [file]) => {
      const raw = await readEml(String(file));
      const { deps } = await ctx.target();
      const engine = createEngine(deps);
      const outcome = await handleInboundEmail(
        deps,
        raw,
        (token, input, context) => decide(deps, engine, token, input, context),
        {},
        [moderationReplies(deps, engine)],
      );
      return { data: outcome, text: describe(outcome) };
    },
  });
}

function describe(outcome: Awaited<ReturnType<typeof handleInboundEmail>>): string {
  switch (outcome.outcome) {
    case "decided":
      return `decided: ${outcome.decision}`;
    case "not-understood":
      return `nothing decided: the reply was not understood (${outcome.ambiguity.code}); the approver was answered`;
    case "ignored":
      return `nothing decided: mail ignored (${outcome.reason})`;
    case "answered":
      return `nothing decided (${outcome.code}); the sender was answered`;
    case "refused":
      return `nothing decided: ${outcome.message} (${outcome.code})`;
  }
}

async function readEml(file: string): Promise<Buffer> {
  try {
    if ((await stat(file)).size > MAX_EML_BYTES) {
      throw new UsageError(`${file} is larger than 10 MB: it is not a reply email`);
    }
    return await readFile(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw unreadable(file, error);
  }
}

import { closeDispute } from "@entraide/core/requests/operations";
import { createEngine } from "@entraide/core/workflows/index";
import type { Command } from "commander";
import { type Cli, defineCommand } from "../define";

export function registerRequests(program: Command, cli: Cli): void {
  const requests = program.command("requests").description("what operations decide on a request");
  defineCommand(requests, cli, {
    name: "close-dispute",
    description:
      'close a request frozen because its registered member said "this is not me": it ends unpaid, ' +
      "any money reserved for it goes back to the fund, the member and the approvers are emailed. " +
      "A dispute cannot be resumed (when the member was wrong, they submit a new request)",
    configure: (command) =>
      command
        .argument("<requestId>", "the disputed request's id")
        .requiredOption(
          "--reason <text>",
          "why, after looking into it: shown to the member, the approvers and in the history",
        ),
    run: async (ctx, [id], options) => {
      const { deps } = await ctx.target();
      const closed = await closeDispute(
        deps,
        createEngine(deps),
        String(id),
        String(options.reason),
      );
      return {
        data: { id, ...closed },
        text: `request ${id} closed after the dispute, unpaid: the member and the approvers will be emailed`,
      };
    },
  });
}

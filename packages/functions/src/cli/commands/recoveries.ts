import { recordRecovery } from "@entraide/core/finance/recoveries";
import { formatCents } from "@entraide/core/money/cents";
import { parseEuros } from "@entraide/core/money/euros";
import { createEngine } from "@entraide/core/workflows/index";
import type { Command } from "commander";
import { argumentParser, type Cli, defineCommand } from "../define";

export function registerRecoveries(program: Command, cli: Cli): void {
  const recoveries = program.command("recoveries").description("money clients paid back");
  defineCommand(recoveries, cli, {
    name: "record",
    description: "record what a client paid back for a cancelled-contract or incurred-expenses request; it returns to the fund",
    configure: (command) =>
      command
        .argument("<request>", "the request id")
        .argument("<euros>", "the amount received, e.g. 250 or 250,50", argumentParser(parseEuros)),
    run: async (ctx, [requestId, cents], _options) => {
      const { deps } = await ctx.target();
      const signal = await recordRecovery(deps, createEngine(deps), String(requestId), cents as number);
      return {
        data: { requestId, amountCents: cents, signal },
        text: `request ${requestId}: ${formatCents(cents as number)} euros recovered (${signal.outcome}${signal.detail ? `: ${signal.detail}` : ""})`,
      };
    },
  });
}

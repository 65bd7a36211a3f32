import { listRecoveries, type RecoveryLine, recordRecovery } from "@entraide/core/finance/index";
import { formatCents } from "@entraide/core/money/cents";
import { parseEuros } from "@entraide/core/money/euros";
import { createEngine } from "@entraide/core/workflows/index";
import type { Command } from "commander";
import { argumentParser, type Cli, defineCommand } from "../define";

const line = (l: RecoveryLine) =>
  `${l.requestId}  ${l.type.padEnd(18)}  ${l.client}  owed ${formatCents(l.owedCents)}  recovered ${formatCents(l.recoveredCents)}  outstanding ${formatCents(l.outstandingCents)}${l.followUpOpen ? "  (follow-up open)" : ""}`;

export function registerRecoveries(program: Command, cli: Cli): void {
  const recoveries = program.command("recoveries").description("money clients paid back");
  defineCommand(recoveries, cli, {
    name: "record",
    description:
      "record a payment a client made for a cancelled-contract or incurred-expenses request; it returns to the fund (once per bank reference)",
    configure: (command) =>
      command
        .argument("<request>", "the request id")
        .argument("<euros>", "the amount received, e.g. 250 or 250,50", argumentParser(parseEuros))
        .requiredOption(
          "--reference <bank ref>",
          "the bank statement's reference of the payment: the same one twice counts once",
        ),
    run: async (ctx, [requestId, cents], options) => {
      const { deps } = await ctx.target();
      const record = await recordRecovery(
        deps,
        createEngine(deps),
        String(requestId),
        cents as number,
        String(options.reference),
      );
      const what =
        record.outcome === "already-recorded"
          ? `payment ${record.bankReference} was already recorded, nothing changed`
          : `${formatCents(record.amountCents)} euros recovered (${record.bankReference})`;
      return {
        data: record,
        text: `request ${record.requestId}: ${what}; ${formatCents(record.recoveredCents)} of ${formatCents(record.owedCents)} euros recovered, ${formatCents(record.outstandingCents)} outstanding`,
      };
    },
  });
  defineCommand(recoveries, cli, {
    name: "list",
    description:
      "what each client owes for the paid cancelled-contract and incurred-expenses requests",
    configure: (command) => command.option("--open", "only clients who still owe something"),
    run: async (ctx, _args, options) => {
      const { deps } = await ctx.target();
      const lines = await listRecoveries(deps, { open: options.open === true });
      const total = lines.reduce((sum, l) => sum + l.outstandingCents, 0);
      return {
        data: lines,
        text: [
          ...lines.map(line),
          `${lines.length} requests, ${formatCents(total)} euros outstanding`,
        ].join("\n"),
      };
    },
  });
}

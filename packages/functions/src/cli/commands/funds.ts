import { type FundName, fundNamesOf, remainingCents, setEnvelope } from "@entraide/core/funds/fund";
import { resumeAwaitingFunds } from "@entraide/core/funds/resume";
import { formatCents } from "@entraide/core/money/cents";
import { parseEuros } from "@entraide/core/money/euros";
import { createEngine } from "@entraide/core/workflows/index";
import { Argument, type Command } from "commander";
import { argumentParser, type Cli, defineCommand } from "../define";
import { defineFundsReport } from "./funds-report";

export function registerFunds(program: Command, cli: Cli): void {
  const funds = program.command("funds").description("fund envelopes");
  defineCommand(funds, cli, {
    name: "set",
    description:
      "set a fund's envelope (what the general assembly voted); reservations and payments are kept",
    configure: (command) =>
      command
        .addArgument(new Argument("<fund>", "the fund").choices(fundNamesOf()))
        .argument(
          "<euros>",
          "the envelope in euros, e.g. 150000 or 150000.50",
          argumentParser(parseEuros),
        ),
    run: async (ctx, [fund, envelopeCents]) => {
      const { deps } = await ctx.target();
      const stored = await setEnvelope(deps, fund as FundName, envelopeCents as number);
      // A larger envelope wakes the requests waiting for it, first approved first.
      const { resumed } = await resumeAwaitingFunds(deps, createEngine(deps), fund as FundName);
      const remaining = remainingCents(stored);
      return {
        data: { ...stored, remainingCents: remaining, resumed },
        text:
          `${stored.fund} fund: envelope ${formatCents(stored.envelopeCents)} euros, ` +
          `reserved ${formatCents(stored.reservedCents)}, paid ${formatCents(stored.paidCents)}, ` +
          `recovered ${formatCents(stored.recoveredCents)}, repaid ${formatCents(stored.repaidCents)}, ` +
          `remaining ${formatCents(remaining)}` +
          (resumed.length > 0 ? `; ${resumed.length} request(s) waiting for funds resumed` : ""),
      };
    },
  });
  defineFundsReport(funds, cli);
}

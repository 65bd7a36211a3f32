import { writeFile } from "node:fs/promises";
import { type FundLine, fundReport } from "@entraide/core/finance/index";
import { formatCents } from "@entraide/core/money/cents";
import { assemblyFigures, reportCsv, reportHtml } from "@entraide/core/reports/index";
import { type Language, languages } from "@entraide/core/requests/request-types";
import { type Command, Option } from "commander";
import { argumentParser, type Cli, defineCommand } from "../define";

const isoDay = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new Error(`"${text}" is not a date: write it YYYY-MM-DD, e.g. 2020-03-01`);
  }
  return text;
};

function text(l: FundLine): string {
  const e = (cents: number) => formatCents(cents);
  return [
    `${l.fund} fund${l.configured ? "" : " (envelope never set)"}`,
    `  envelope   ${e(l.envelopeCents)}`,
    `  reserved   ${e(l.reservedCents)}`,
    `  paid       ${e(l.paidCents)}`,
    `  recovered  ${e(l.recoveredCents)}`,
    `  repaid     ${e(l.repaidCents)}`,
    `  remaining  ${e(l.remainingCents)}`,
    `  balance    ${e(l.reservedCents)} + ${e(l.paidCents)} - ${e(l.recoveredCents)} - ${e(l.repaidCents)} + ${e(l.remainingCents)} = ${e(l.envelopeCents)} (envelope)`,
    `  payouts    ${l.payouts.scheduled} scheduled, ${l.payouts.batched} batched, ${l.payouts.paid} paid, ${l.payouts["payout-failed"]} failed`,
  ].join("\n");
}

/** `funds report`: registered under the `funds` group. */
export function defineFundsReport(funds: Command, cli: Cli): Command {
  return defineCommand(funds, cli, {
    name: "report",
    description:
      "each fund's envelope, reserved, paid, recovered, repaid and remaining amounts, and payouts by status; it always balances. With --html or --format csv: the report for the general assembly (aggregates only)",
    configure: (command) =>
      command
        .addOption(
          new Option(
            "--format <format>",
            "text, or csv: every figure of the assembly report (`;`, decimal comma) for a spreadsheet",
          )
            .choices(["text", "csv"])
            .default("text"),
        )
        .option("--html <file>", "write the assembly report, one printable HTML page, to this file")
        .option("--out <file>", "with --format csv: write to this file instead of stdout")
        .addOption(
          new Option("--language <language>", "language of the assembly report")
            .choices(languages)
            .default("fr"),
        )
        .option(
          "--from <date>",
          "first day of the period (default: the plan window's)",
          argumentParser(isoDay),
        )
        .option(
          "--to <date>",
          "last day of the period (default: the plan window's)",
          argumentParser(isoDay),
        ),
    run: async (ctx, _args, options) => {
      const { deps } = await ctx.target();
      const language = options.language as Language;
      if (options.html === undefined && options.format !== "csv") {
        const lines = await fundReport(deps);
        return { data: lines, text: lines.map(text).join("\n\n") };
      }
      const figures = await assemblyFigures(deps, {
        from: options.from as string | undefined,
        to: options.to as string | undefined,
      });
      const written: string[] = [];
      if (options.html !== undefined) {
        await writeFile(String(options.html), reportHtml(figures, language));
        written.push(String(options.html));
      }
      const csv = options.format === "csv" ? reportCsv(figures, language) : undefined;
      if (csv !== undefined && options.out !== undefined) {
        await writeFile(String(options.out), csv);
        written.push(String(options.out));
      }
      const summary = `assembly report ${figures.from} – ${figures.to} (${language})${written.length > 0 ? ` written to ${written.join(" and ")}` : ""}`;
      if (csv !== undefined && options.out === undefined) {
        cli.streams.stdout(csv);
        return {
          data: { from: figures.from, to: figures.to, language },
          text: summary,
          stdoutTaken: true,
        };
      }
      return { data: figures, text: summary };
    },
  });
}

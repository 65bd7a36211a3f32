import { type FundLine, fundReport } from "@entraide/core/finance/report";
import { neutraliseCell } from "@entraide/core/csv/neutralise";
import { formatCents } from "@entraide/core/money/cents";
import { type Command, Option } from "commander";
import { stringify } from "csv-stringify/sync";
import { type Cli, defineCommand } from "../define";

const COLUMNS = ["fund", "envelope", "reserved", "paid", "recovered", "repaid", "remaining", "scheduled", "batched", "paid payouts", "failed payouts"];

function csv(lines: FundLine[]): string {
  return stringify(
    [
      COLUMNS,
      ...lines.map((l) => [
        neutraliseCell(l.fund),
        ...[l.envelopeCents, l.reservedCents, l.paidCents, l.recoveredCents, l.repaidCents, l.remainingCents].map((c) => formatCents(c, ",")),
        l.payouts.scheduled,
        l.payouts.batched,
        l.payouts.paid,
        l.payouts["payout-failed"],
      ]),
    ],
    { bom: true, delimiter: ";", record_delimiter: "windows" },
  ).trimEnd();
}

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
    description: "each fund's envelope, reserved, paid, recovered, repaid and remaining amounts, and payouts by status; it always balances",
    configure: (command) =>
      command.addOption(new Option("--format <format>", "text, or csv (`;`, decimal comma) for a spreadsheet").choices(["text", "csv"]).default("text")),
    run: async (ctx, _args, options) => {
      const { deps } = await ctx.target();
      const lines = await fundReport(deps);
      return { data: lines, text: options.format === "csv" ? csv(lines) : lines.map(text).join("\n\n") };
    },
  });
}

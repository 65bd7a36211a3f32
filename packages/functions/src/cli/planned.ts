import type { Command } from "commander";

/**
 * The command tree of spec §9, as shown at the end of `--help`.
 */
const SPEC_COMMANDS = [
  "members import <csv> [--dry-run]",
  "members erase <memberNumber> [--dry-run]",
  "activities import <csv> [--dry-run]",
  "funds set <fund> <euros>",
  "funds report",
  "finance batch create --fund <fund>",
  "finance export <batch> --format csv|sepa [--out <file>]",
  "finance mark-paid <batch>",
  "finance payout-failed <payout> --reason <text>",
  "loans schedules [--format csv] [--overdue]",
  "loans repayments import <csv>",
  "recoveries record <request> <euros> --reference <bank ref>",
  "recoveries list [--open]",
  "executions list [--status <status>]",
  "executions show <id>",
  "executions redrive <id>",
  "executions reopen-payout <id>",
  "dlq list",
  "dlq redrive",
  "mail receive <file>  (an approver's reply, as SES would deliver it)",
  "committees set <solidarity|credit> <email...> [--backup <email...>]",
  "clock advance <duration>  (local stack only)",
];

function isRegistered(program: Command, usage: string): boolean {
  const words = usage.split(" ");
  const end = words.findIndex((word) => !/^[a-z][a-z-]*$/.test(word));
  const path = end === -1 ? words : words.slice(0, end);
  let command: Command | undefined = program;
  for (const name of path) command = command?.commands.find((c) => c.name() === name);
  return command !== undefined && command !== program;
}

/**
 * The whole command tree of spec §9 for `--help`, each command marked "(later)" until it is
 * registered; registering a command removes its mark by itself.
 */
export function commandTreeHelp(program: Command): string {
  const width = Math.max(...SPEC_COMMANDS.map((usage) => usage.length));
  const lines = SPEC_COMMANDS.map((usage) =>
    isRegistered(program, usage) ? `  ${usage}` : `  ${usage.padEnd(width)}  (later)`,
  );
  return `\nAll commands (each has --help and --json; --stage <stage> targets AWS):\n${lines.join("\n")}\n`;
}

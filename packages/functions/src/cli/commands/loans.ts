import { readFile } from "node:fs/promises";
import {
  importRepayments,
  loanSchedules,
  REPAYMENT_COLUMNS,
  type RepaymentReport,
  schedulesCsv,
} from "@entraide/core/finance/index";
import { formatCents } from "@entraide/core/money/cents";
import { createEngine } from "@entraide/core/workflows/index";
import { type Command, Option } from "commander";
import { type Cli, defineCommand } from "../define";
import { EXIT, unreadable } from "../errors";

function describeImport(report: RepaymentReport): string {
  const lines = report.lines
    .filter((l) => l.outcome !== "unchanged")
    .map(
      (l) =>
        `line ${l.line}: ${l.outcome}${l.requestId ? ` (${l.requestId}${l.amountCents ? `, ${formatCents(l.amountCents)} euros` : ""})` : ""}${l.reason ? `: ${l.reason}` : ""}`,
    );
  const { applied, unchanged, refused } = report.counts;
  lines.push(
    `${report.lines.length} lines: ${report.dryRun ? "dry run, nothing sent; would be " : ""}${applied} applied, ${unchanged} already recorded, ${refused} refused`,
  );
  return lines.join("\n");
}

export function registerLoans(program: Command, cli: Cli): void {
  const loans = program.command("loans").description("relaunch loans: schedules and repayments");

  defineCommand(loans, cli, {
    name: "schedules",
    description:
      "every installment of every loan: loan, member, due date, amount, paid, outstanding, days late",
    configure: (command) =>
      command
        .addOption(
          new Option("--format <format>", "text, or csv for a spreadsheet")
            .choices(["text", "csv"])
            .default("text"),
        )
        .option(
          "--overdue",
          "only installments past their due date and not covered, the latest first",
        ),
    run: async (ctx, _args, options) => {
      const { deps } = await ctx.target();
      const lines = await loanSchedules(deps, { overdue: options.overdue === true });
      const text =
        options.format === "csv"
          ? schedulesCsv(lines).trimEnd()
          : lines
              .map(
                (l) =>
                  `${l.loan}  ${l.member.padEnd(10)}  #${String(l.number).padStart(2)}  ${l.dueDate}  ${formatCents(l.amountCents).padStart(10)}  paid ${formatCents(l.paidCents).padStart(10)}  outstanding ${formatCents(l.outstandingCents).padStart(10)}${l.daysLate > 0 ? `  ${l.daysLate} days late` : ""}`,
              )
              .join("\n") || (options.overdue ? "no overdue installments" : "no loans");
      return { data: lines, text };
    },
  });

  const repayments = loans.command("repayments").description("loan repayments");
  defineCommand(repayments, cli, {
    name: "import",
    description:
      "record loan repayments from a CSV file; importing the same file again changes nothing",
    configure: (command) =>
      command
        .argument(
          "<csv>",
          `UTF-8 CSV file, "," or ";" separated, with the header ${REPAYMENT_COLUMNS.join(",")}`,
        )
        .option("--dry-run", "report what the import would do, and send nothing")
        .addHelpText(
          "after",
          "\nEach line is applied, already recorded, or refused (unknown loan, overpayment, bad value).\nRefused lines are not imported, the others are; the exit code is then 1.",
        ),
    run: async (ctx, [file], options) => {
      let content: Uint8Array;
      try {
        content = await readFile(String(file));
      } catch (error) {
        throw unreadable(String(file), error);
      }
      const { deps } = await ctx.target();
      const report = await importRepayments(deps, createEngine(deps), content, {
        dryRun: options.dryRun === true,
        onProgress: ctx.output.progress("repayments import"),
      });
      if (report.counts.refused > 0)
        ctx.output.note(
          `${report.counts.refused} lines refused: fix them and import the file again`,
        );
      return {
        data: report,
        text: describeImport(report),
        exitCode: report.counts.refused > 0 ? EXIT.failure : EXIT.ok,
      };
    },
  });
}

import {
  createBatch,
  type ExportFormat,
  exportBatch,
  markBatchExported,
  markBatchPaid,
  markPayoutFailed,
  type SignalReport,
  UNDELIVERED,
} from "@entraide/core/finance/index";
import { type FundName, fundNamesOf } from "@entraide/core/funds/fund";
import { formatCents } from "@entraide/core/money/cents";
import { createEngine } from "@entraide/core/workflows/index";
import { type Command, Option } from "commander";
import { type Cli, defineCommand } from "../define";
import { EXIT, UsageError } from "../errors";
import { exportSink } from "../sink";

const euros = (cents: number) => `${formatCents(cents)} euros`;

function describeSignal(s: SignalReport): string {
  return `${s.executionId}: ${s.outcome}${s.detail ? ` (${s.detail})` : ""}`;
}

export function registerFinance(program: Command, cli: Cli): void {
  const finance = program.command("finance").description("payout batches, bank files and payments");
  const batch = finance.command("batch").description("payout batches");

  defineCommand(batch, cli, {
    name: "create",
    description: "gather a fund's scheduled payouts into a new batch, ready to export",
    configure: (command) =>
      command.addOption(
        new Option("--fund <fund>", "the fund").choices(fundNamesOf()).makeOptionMandatory(),
      ),
    run: async (ctx, _args, options) => {
      const { deps } = await ctx.target();
      const fund = options.fund as FundName;
      const { batch: created, skipped } = await createBatch(deps, fund, {
        onProgress: (claimed) => {
          if (claimed > 0 && claimed % 500 === 0)
            ctx.output.note(`batch create: ${claimed} payouts claimed`);
        },
      });
      for (const s of skipped) ctx.output.note(`payout ${s.payoutId} left out: ${s.reason}`);
      if (!created) {
        return {
          data: { batch: null, skipped },
          text: `no scheduled payouts in the ${fund} fund: no batch created`,
        };
      }
      return {
        data: { batch: created, skipped },
        text:
          `batch ${created.batchId}: ${created.payoutCount} payouts, ${euros(created.totalCents)} from the ${fund} fund\n` +
          `next: npx entraide finance export ${created.batchId} --format sepa --out ${created.batchId}.xml`,
      };
    },
  });

  defineCommand(finance, cli, {
    name: "export",
    description:
      "write a batch as the finance CSV or a SEPA pain.001.001.03 file (stdout without --out)",
    configure: (command) =>
      command
        .argument("<batch>", "the batch id, as `finance batch create` printed it")
        // Checked in the command, so a missing <batch> is what a bare `finance export` reports first.
        .addOption(
          new Option("--format <format>", "csv or sepa (required)").choices(["csv", "sepa"]),
        )
        .option("--out <file>", "write to this file instead of stdout")
        .addOption(
          new Option("--delimiter <delimiter>", "CSV separator: ; (Belgian and French Excel) or ,")
            .choices([";", ","])
            .default(";"),
        ),
    run: async (ctx, [batchId], options) => {
      const { deps } = await ctx.target();
      const file = options.out as string | undefined;
      if (!options.format)
        throw new UsageError("give the file's format: --format csv or --format sepa");
      if (options.json && file === undefined)
        throw new UsageError("--json needs --out <file>: without it, stdout holds the bank file");
      const sink = exportSink(file, cli.streams);
      try {
        const summary = await exportBatch(
          deps,
          String(batchId),
          options.format as ExportFormat,
          sink.out,
          {
            delimiter: options.delimiter as ";" | ",",
            onProgress: ctx.output.progress("export"),
          },
        );
        // Only once the file is whole: members then see their payout under way.
        const told = await markBatchExported(deps, createEngine(deps), String(batchId));
        return {
          data: {
            batchId,
            format: options.format,
            out: file ?? "stdout",
            count: summary.count,
            totalCents: summary.totalCents,
            requestsTold: told,
          },
          text: `batch ${batchId}: ${summary.count} payouts, ${euros(summary.totalCents)} written to ${file ?? "stdout"}`,
          stdoutTaken: file === undefined,
        };
      } catch (error) {
        await sink.discard();
        throw error;
      }
    },
  });

  defineCommand(finance, cli, {
    name: "mark-paid",
    description:
      "record that the bank paid a batch: its payouts become paid and each member is told (safe to run again)",
    configure: (command) => command.argument("<batch>", "the batch id"),
    run: async (ctx, [batchId], _options) => {
      const { deps } = await ctx.target();
      const report = await markBatchPaid(deps, createEngine(deps), String(batchId), {
        onProgress: ctx.output.progress("mark-paid"),
      });
      const lines = [
        `batch ${report.batch.batchId} (${report.batch.status}): ${report.paid} payouts paid now, ${report.alreadyPaid} already paid, ${report.unpaid.length} not paid`,
        ...report.unpaid.map(
          (u) =>
            `  payout ${u.payoutId} not paid: it is ${u.status}${u.batchId && u.batchId !== batchId ? ` in batch ${u.batchId}` : ""}`,
        ),
        `members' requests told: ${
          Object.entries(report.signals)
            .filter(([, n]) => n > 0)
            .map(([outcome, n]) => `${n} ${outcome}`)
            .join(", ") || "none"
        }`,
        ...report.signalProblems.map((s) => `  request ${describeSignal(s)}`),
      ];
      if (report.signalProblems.length > 0) {
        ctx.output.note(
          "some requests were not told of their payment: check them with `executions show <id>`",
        );
      }
      return {
        data: report,
        text: lines.join("\n"),
        exitCode: report.signalProblems.length > 0 ? EXIT.failure : EXIT.ok,
      };
    },
  });

  defineCommand(finance, cli, {
    name: "payout-failed",
    description:
      "record that a payout did not reach the member (rejected or returned by the bank); the member is asked for a new IBAN",
    configure: (command) =>
      command
        .argument("<payout>", "the payout id (the request id)")
        .requiredOption("--reason <text>", "what the bank said, e.g. 'IBAN closed'"),
    run: async (ctx, [payoutId], options) => {
      const { deps } = await ctx.target();
      const report = await markPayoutFailed(
        deps,
        createEngine(deps),
        String(payoutId),
        String(options.reason),
      );
      const signalled = !UNDELIVERED.includes(report.signal.outcome);
      return {
        data: report,
        text:
          `payout ${payoutId}: ${report.alreadyFailed ? "already failed" : `${report.previousStatus} -> payout-failed`}` +
          (report.reversedCents > 0
            ? `, ${euros(report.reversedCents)} paid back into the reservation`
            : "") +
          (report.leftBatch
            ? `\nit left batch ${report.batchId}: export that batch again and send the new file before marking it paid`
            : "") +
          `\nrequest ${describeSignal(report.signal)}`,
        exitCode: signalled ? EXIT.ok : EXIT.failure,
      };
    },
  });
}

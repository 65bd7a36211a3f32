import { moveExecutionIndexKeys } from "@entraide/core/db/migrations";
import type { HistoryEvent } from "@entraide/core/engine/execution";
import {
  EXECUTION_STATUSES,
  type ExecutionSummary,
  listExecutions,
  showExecution,
} from "@entraide/core/engine/operations";
import { reopenAbandoned } from "@entraide/core/requests/operations";
import { createEngine, workflows } from "@entraide/core/workflows/index";
import { type Command, Option } from "commander";
import { type Cli, defineCommand } from "../define";

const summaryLine = (e: ExecutionSummary) =>
  `${e.id}  ${e.workflow} v${e.version}  ${e.status}  in ${e.state}${e.data?.status ? ` (${e.data.status})` : ""}  started ${e.startedAt}` +
  (e.error ? `  ${e.error.error}: ${e.error.cause}` : "");

/** An execution's data as indented `key: value` lines, for a person (JSON with --json). */
function readable(value: unknown, indent: string): string[] {
  if (value === null || typeof value !== "object") return [`${indent}${JSON.stringify(value)}`];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [`- ${i + 1}`, v] as const)
    : Object.entries(value);
  return entries.flatMap(([key, v]) =>
    v !== null && typeof v === "object" && Object.keys(v).length > 0
      ? [`${indent}${key}:`, ...readable(v, `${indent}  `)]
      : [`${indent}${key}: ${typeof v === "string" ? v : JSON.stringify(v)}`],
  );
}

const eventLine = (e: HistoryEvent) =>
  `${String(e.seq).padStart(4)}  ${e.at}  ${e.type}${e.state ? ` (${e.state})` : ""}` +
  (e.detail && Object.keys(e.detail).length > 0 ? `  ${JSON.stringify(e.detail)}` : "");

export function registerExecutions(program: Command, cli: Cli): void {
  const executions = program
    .command("executions")
    .description("workflow executions (one per request)");
  defineCommand(executions, cli, {
    name: "list",
    description: "list executions by status, oldest first",
    configure: (command) =>
      command
        .addOption(
          new Option("--status <status>", "only executions in this status").choices(
            EXECUTION_STATUSES,
          ),
        )
        .option(
          "--workflow <name>",
          "only executions of this workflow (default: every deployed workflow)",
        ),
    run: async (ctx, _args, options) => {
      const { deps } = await ctx.target();
      const names = options.workflow
        ? [options.workflow as string]
        : workflows().map((w) => w.name);
      const found = await listExecutions(deps, {
        workflows: names,
        status: options.status as (typeof EXECUTION_STATUSES)[number] | undefined,
      });
      const what = `${options.status ? `${options.status} ` : ""}execution${found.length === 1 ? "" : "s"}`;
      return {
        data: found,
        text: [...found.map(summaryLine), `${found.length} ${what}`].join("\n"),
      };
    },
  });
  defineCommand(executions, cli, {
    name: "show",
    description: "show an execution and its history, oldest event first",
    configure: (command) => command.argument("<id>", "the execution's id"),
    run: async (ctx, [id]) => {
      const { deps } = await ctx.target();
      const { execution, history } = await showExecution(deps, id as string);
      return {
        data: { execution, history },
        text: [
          summaryLine(execution),
          "data:",
          ...readable(execution.data, "  "),
          "history:",
          ...history.map(eventLine),
        ].join("\n"),
      };
    },
  });
  defineCommand(executions, cli, {
    name: "redrive",
    description: "resume a failed execution from the state it failed in",
    configure: (command) => command.argument("<id>", "the failed execution's id"),
    run: async (ctx, [id]) => {
      const { deps } = await ctx.target();
      const execution = await createEngine(deps).redrive(id as string);
      return {
        data: execution,
        text: `execution ${execution.id} redriven: running again from state ${execution.state}`,
      };
    },
  });
  defineCommand(executions, cli, {
    name: "reopen-payout",
    description:
      "reopen a request whose returned transfer was abandoned: its money is reserved again and the member asked for an IBAN",
    configure: (command) => command.argument("<id>", "the request's id"),
    run: async (ctx, [id]) => {
      const { deps } = await ctx.target();
      await reopenAbandoned(deps, createEngine(deps), id as string);
      return {
        data: { id, status: "reopening" },
        text: `request ${id} reopened: the member will be asked again for an IBAN (if the fund still has the money)`,
      };
    },
  });
  defineCommand(executions, cli, {
    name: "move-index-keys",
    description:
      "once, after deploying the executionsByStatus index: move the executions written before it onto it (safe to run again)",
    run: async (ctx) => {
      const { deps } = await ctx.target();
      const moved = await moveExecutionIndexKeys(deps.clients.ddb, deps.config.table);
      return {
        data: { moved },
        text: `${moved} execution${moved === 1 ? "" : "s"} moved onto the executionsByStatus index`,
      };
    },
  });
}

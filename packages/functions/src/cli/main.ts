import { inspect } from "node:util";
import { Command, CommanderError } from "commander";
import { registerActivities } from "./commands/activities";
import { registerClock } from "./commands/clock";
import { registerCommittees } from "./commands/committees";
import { registerDlq } from "./commands/dlq";
import { registerExecutions } from "./commands/executions";
import { registerFinance } from "./commands/finance";
import { registerFunds } from "./commands/funds";
import { registerLoans } from "./commands/loans";
import { registerMail } from "./commands/mail";
import { registerMembers } from "./commands/members";
import { registerRecoveries } from "./commands/recoveries";
import { registerRequests } from "./commands/requests";
import type { Cli } from "./define";
import { describeError, EXIT, exitCodeOf } from "./errors";
import { processStreams, type Streams } from "./output";
import { commandTreeHelp } from "./planned";

/** Adding a command group: write `commands/<group>.ts` exporting a register function, list it here. */
const GROUPS = [
  registerMembers,
  registerActivities,
  registerFunds,
  registerFinance,
  registerLoans,
  registerRecoveries,
  registerCommittees,
  registerRequests,
  registerExecutions,
  registerDlq,
  registerMail,
  registerClock,
];

/** Builds the command tree. Exported for tests that inspect it. */
export function createProgram(cli: Cli): Command {
  const program = new Command("entraide")
    .description(
      "Operate Entraide: registers, funds, payouts and executions.\n" +
        "Acts on the local stack (started by `npm start`) unless --stage <stage> is given.",
    )
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ writeOut: cli.streams.stdout, writeErr: cli.streams.stderr });
  for (const register of GROUPS) register(program, cli);
  program.addHelpText("after", commandTreeHelp(program));
  return program;
}

/**
 * Runs the CLI on `argv` (as process.argv) and returns the exit code: 0 done, 1 failed (or did
 * part of its job), 2 wrong usage. Errors are one line saying what to do, never a stack trace
 * (set ENTRAIDE_DEBUG=1 to see it).
 */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  streams: Streams = processStreams,
): Promise<number> {
  const cli: Cli = { env, streams, exitCode: EXIT.ok, local: true };
  try {
    await createProgram(cli).parseAsync(argv);
    return cli.exitCode;
  } catch (error) {
    // Commander has already printed its own message (or the help) on stderr.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const message = describeError(error, cli.local).replace(/\s*\n\s*/g, " ");
    // Under --json a program reads stdout: the error is JSON there too, and the exit code says it failed.
    if (argv.includes("--json")) {
      const code = (error as { code?: unknown })?.code;
      streams.stdout(
        `${JSON.stringify({ error: { code: typeof code === "string" ? code : "error", message } }, null, 2)}\n`,
      );
    } else streams.stderr(`error: ${message}\n`);
    // The stack and every error it wraps (`[cause]`), for whoever debugs.
    if (env.ENTRAIDE_DEBUG) streams.stderr(`${inspect(error)}\n`);
    return exitCodeOf(error);
  }
}

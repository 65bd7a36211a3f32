import { type Command, InvalidArgumentError } from "commander";
import { Output, type Streams } from "./output";
import { loadTarget, type Target } from "./target";

/** What the CLI runs with: its environment, its streams, and the exit code the command set. */
export interface Cli {
  env: NodeJS.ProcessEnv;
  streams: Streams;
  exitCode: number;
  /** Whether the command acted on the local stack (for the hints of error messages). */
  local: boolean;
}

export interface CommandContext {
  output: Output;
  /** The stack the command acts on, loaded when the command first needs it. */
  target(): Promise<Target>;
}

export interface CommandResult {
  /** Printed as JSON with `--json`. */
  data: unknown;
  /** Printed otherwise. */
  text: string;
  /** Set when the command did only part of its job (e.g. an import that refused lines). */
  exitCode?: number;
  /**
   * The command wrote its product on stdout (an export without `--out`): the result then goes
   * to stderr, so stdout holds the file and nothing else.
   */
  stdoutTaken?: boolean;
}

export interface CommandSpec {
  name: string;
  description: string;
  /** Local-only commands (e.g. `clock advance`) have no `--stage`. */
  localOnly?: boolean;
  /** Adds the command's arguments and options. */
  configure?: (command: Command) => Command;
  run: (
    ctx: CommandContext,
    args: unknown[],
    options: Record<string, unknown>,
  ) => Promise<CommandResult>;
}

/**
 * Adds a command under `parent` with the options every command has (`--json`, and `--stage` unless
 * local-only), and runs it with its target and output. A new command is one call to this.
 */
export function defineCommand(parent: Command, cli: Cli, spec: CommandSpec): Command {
  const command = parent.command(spec.name).description(spec.description);
  spec.configure?.(command);
  command.option(
    "--json",
    "print the result as JSON on stdout (progress and messages go to stderr)",
  );
  if (!spec.localOnly) {
    command.option(
      "--stage <stage>",
      "act on the deployed stage <stage> instead of the local stack; its configuration is read from the ENTRAIDE_* environment variables",
    );
  }
  command.action(async (...received: unknown[]) => {
    const self = received.at(-1) as Command;
    const options = self.opts();
    const output = new Output(options.json === true, cli.streams);
    let target: Promise<Target> | undefined;
    const ctx: CommandContext = {
      output,
      target: () => {
        target ??= loadTarget(options.stage as string | undefined, cli.env).then((t) => {
          if (!t.local) output.note(`acting on ${t.description}`);
          return t;
        });
        return target;
      },
    };
    cli.local = !options.stage;
    const result = await spec.run(ctx, self.processedArgs, options);
    if (result.stdoutTaken) output.note(output.json ? JSON.stringify(result.data) : result.text);
    else output.result(result.data, result.text);
    cli.exitCode = result.exitCode ?? 0;
  });
  return command;
}

/** Turns a parser that throws into a commander argument parser (a bad value is a usage error). */
export function argumentParser<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

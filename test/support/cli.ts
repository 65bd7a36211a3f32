import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../packages/functions/src/cli/main";
import type { TestStack } from "./stack";

const BIN = fileURLToPath(new URL("../../packages/functions/bin/entraide.js", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A data directory whose local-config.json points the CLI at the test stack, as `npm start` would. */
export async function cliDataDir(stack: TestStack): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "entraide-cli-"));
  await writeFile(join(dir, "local-config.json"), JSON.stringify(stack.config));
  return dir;
}

/** Runs the real bin in a child process, as `npx entraide …` would, with only `env` for ENTRAIDE_* variables. */
export function runBin(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("ENTRAIDE_")),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...inherited, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs the CLI in this process with captured streams: the same code as the bin, without a process start. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "entraide", ...args], env, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

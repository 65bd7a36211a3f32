import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, describe, expect, it } from "vitest";
import { createClients } from "../../packages/core/src/aws/clients";
import { RuntimeConfig } from "../../packages/core/src/config";
import { freePort } from "../../packages/functions/src/local/emulators";

const root = join(import.meta.dirname, "../..");
process.env.AWS_ACCESS_KEY_ID ??= "local";
process.env.AWS_SECRET_ACCESS_KEY ??= "local";
const tsx = join(root, "node_modules/.bin/tsx");

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s script in its own process group, as a terminal runs it (Ctrl-C reaches the group). */
function launch(env: Record<string, string>): Run {
  const child = spawn(tsx, ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c) => {
    out += c;
  });
  child.stderr!.on("data", (c) => {
    err += c;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function ready(run: Run, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (!run.stdout().includes("Press Ctrl-C to stop.")) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited: ${run.stderr()}`);
    if (Date.now() > until) throw new Error(`npm start not ready: ${run.stdout()} ${run.stderr()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function ctrlC(run: Run) {
  process.kill(-run.child.pid!, "SIGINT");
  return run.exited;
}

/** Processes whose command line names the data directory: DynamoDB Local's java, if left. */
function processesUsing(dir: string): string {
  return spawnSync("pgrep", ["-f", dir], { encoding: "utf8" }).stdout.trim();
}

async function stackEnv() {
  const dataDir = await mkdtemp(join(tmpdir(), "entraide-start-"));
  return {
    dataDir,
    env: {
      PORT: String(await freePort()),
      SES_PORT: String(await freePort()),
      AWS_EMULATOR_PORT: String(await freePort()),
      DYNAMODB_PORT: String(await freePort()),
      ENTRAIDE_DATA_DIR: dataDir,
    },
  };
}

const runs: Run[] = [];
afterAll(async () => {
  // A failed assertion must not leave a stack running.
  for (const run of runs) if (run.child.exitCode === null) await ctrlC(run);
});

describe("npm start", () => {
  it("runs the stack, stops on Ctrl-C without leaving java behind, and keeps data for the next start", async () => {
    // Prepare
    const { dataDir, env } = await stackEnv();
    const item = { pk: "TEST#persistence", sk: "TEST", note: "written in the first run" };

    // Act: first run
    const first = launch(env);
    runs.push(first);
    await ready(first);
    const health = await fetch(`http://127.0.0.1:${env.PORT}/api/health`);
    const healthBody = await health.json();
    const inbox = await fetch(`http://127.0.0.1:${env.SES_PORT}/`);
    const config = RuntimeConfig.parse(
      JSON.parse(await readFile(join(dataDir, "local-config.json"), "utf8")),
    );
    const clients = createClients(config);
    await clients.ddb.send(new PutCommand({ TableName: config.table, Item: item }));
    const javaWhileRunning = processesUsing(dataDir);
    const firstExit = await ctrlC(first);
    const javaAfterStop = processesUsing(dataDir);

    // Act: second run
    const second = launch(env);
    runs.push(second);
    await ready(second);
    const config2 = RuntimeConfig.parse(
      JSON.parse(await readFile(join(dataDir, "local-config.json"), "utf8")),
    );
    const kept = await createClients(config2).ddb.send(
      new GetCommand({ TableName: config2.table, Key: { pk: item.pk, sk: item.sk } }),
    );
    const secondExit = await ctrlC(second);

    // Assess
    expect(first.stdout()).toContain(`http://localhost:${env.PORT}`);
    expect(first.stdout()).toContain(`http://localhost:${env.SES_PORT}`);
    expect(health.status).toBe(200);
    expect(healthBody).toMatchObject({ status: "ok", dynamodb: "ok", node: process.version });
    expect(inbox.status).toBe(200);
    expect(config.publicUrl).toBe(`http://localhost:${env.PORT}`);
    expect(javaWhileRunning).not.toBe("");
    expect(firstExit).toBe(0);
    expect(javaAfterStop).toBe("");
    expect(kept.Item).toEqual(item);
    expect(config2.tokenSecret).toBe(config.tokenSecret);
    expect(first.stdout() + first.stderr()).not.toContain(config.tokenSecret);
    expect(secondExit).toBe(0);
    expect(processesUsing(dataDir)).toBe("");
  }, 240_000);

  it("says in one line that the port is busy, and exits non-zero", async () => {
    // Prepare
    const { env } = await stackEnv();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(Number(env.PORT), "127.0.0.1", resolve));
    // Act
    const run = launch(env);
    runs.push(run);
    const code = await run.exited;
    squatter.close();
    // Assess
    expect(code).not.toBe(0);
    expect(run.stderr().trim().split("\n")).toEqual([
      `entraide: port ${env.PORT} is already in use: stop what uses it, or choose another port`,
    ]);
  }, 60_000);
});

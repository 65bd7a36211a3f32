import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, type Server } from "node:net";
import { dirname, join } from "node:path";
import type sesServerType from "aws-ses-v2-local";
import { startFauxqs } from "fauxqs";

export interface Emulators {
  endpoints: { dynamodb: string; sqs: string; s3: string; ses: string };
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  /** Where DynamoDB Local keeps its data; in memory when absent. */
  dataDir?: string;
  ports?: { dynamodb?: number; aws?: number; ses?: number };
}

/** Thrown for problems the person starting the stack can fix; printed as one line. */
export class LocalStackError extends Error {
  override name = "LocalStackError";
}

const require = createRequire(import.meta.url);
// aws-ses-v2-local is CommonJS with an `exports.default`, which ESM default imports unwrap inconsistently.
const sesServer: typeof sesServerType = require("aws-ses-v2-local").default;

/** Starts DynamoDB Local (java), fauxqs (SQS + S3, in process) and aws-ses-v2-local. */
export async function startEmulators(options: EmulatorOptions = {}): Promise<Emulators> {
  const ports = {
    dynamodb: options.ports?.dynamodb ?? (await freePort()),
    aws: options.ports?.aws ?? 0,
    ses: options.ports?.ses ?? 0,
  };
  for (const port of [ports.dynamodb, ports.aws, ports.ses]) await assertPortFree(port);

  const java = startDynamoDbLocal(ports.dynamodb, options.dataDir);
  const stopJava = () => java.kill("SIGTERM");
  process.once("exit", stopJava);
  try {
    // fauxqs's `host` only names queue URLs ("sqs.<region>.<host>"): with an IP there, they are
    // not valid URLs, and RuntimeConfig (so the CLI) rejects them. Its default, localhost, is fine.
    const fauxqs = await startFauxqs({ port: ports.aws, logger: false });
    const ses = await listening(await sesServer({ port: ports.ses, host: "127.0.0.1" }));
    const sesPort = (ses.address() as { port: number }).port;
    await waitForDynamoDb(ports.dynamodb, java);
    return {
      endpoints: {
        dynamodb: `http://127.0.0.1:${ports.dynamodb}`,
        sqs: fauxqs.address,
        s3: fauxqs.address,
        ses: `http://127.0.0.1:${sesPort}`,
      },
      async stop() {
        process.off("exit", stopJava);
        await Promise.all([
          fauxqs.stop(),
          new Promise<void>((resolve) => ses.close(() => resolve())),
          stopChild(java),
        ]);
      },
    };
  } catch (error) {
    stopJava();
    throw error;
  }
}

function startDynamoDbLocal(port: number, dataDir?: string): ChildProcess {
  const check = spawnSync("java", ["-version"], { stdio: "ignore" });
  if (check.error || check.status !== 0) {
    throw new LocalStackError(
      "Java 17 or newer is needed to run DynamoDB Local: install it (e.g. `apt-get install -y openjdk-17-jre-headless`) and try again.",
    );
  }
  const jar = join(dirname(require.resolve("amplify-dynamodb-simulator/package.json")), "emulator");
  const storage = dataDir ? ["-dbPath", dataDir, "-sharedDb"] : ["-inMemory"];
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return spawn(
    "java",
    [`-Djava.library.path=${join(jar, "DynamoDBLocal_lib")}`, "-Xmx512m", "-jar", join(jar, "DynamoDBLocal.jar"), "-port", String(port), ...storage],
    { cwd: jar, stdio: ["ignore", "ignore", "pipe"] },
  );
}

async function waitForDynamoDb(port: number, java: ChildProcess): Promise<void> {
  let stderr = "";
  java.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (java.exitCode !== null) {
      throw new LocalStackError(`DynamoDB Local stopped at start (exit ${java.exitCode}): ${stderr.trim()}`);
    }
    try {
      await fetch(`http://127.0.0.1:${port}`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new LocalStackError(`DynamoDB Local did not answer on port ${port} within 30 s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function listening(server: import("node:http").Server): Promise<import("node:http").Server> {
  if (server.listening) return Promise.resolve(server);
  return new Promise((resolve, reject) => {
    server.once("listening", () => resolve(server));
    server.once("error", reject);
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await close(server);
  return port;
}

/** Fails with a one-line message naming the port, rather than a stack trace from deep inside. */
export async function assertPortFree(port: number): Promise<void> {
  if (port === 0) return;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new LocalStackError(`port ${port} is already in use: stop what uses it, or choose another port`)
          : error,
      ),
    );
    server.listen(port, "127.0.0.1", () => resolve());
  });
  await close(server);
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type sesServerType from "aws-ses-v2-local";
import { startAwsGateway } from "./aws-gateway";
import { keepInboxIn } from "./file-inbox";
import { buildFauxqs } from "./file-s3-store";
import { localOrigin } from "./local-origin";
import type { Credentials } from "./sigv4";

export interface Emulators {
  endpoints: { dynamodb: string; sqs: string; s3: string; ses: string };
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  /**
   * Where DynamoDB's tables (`dynamodb/`), S3's objects (`s3/`) and the inbox (`inbox.jsonl`)
   * are kept; all in memory when absent. The queue is always in memory: DynamoDB is the truth and
   * the sweeper re-drives what a lost message would have moved.
   */
  dataDir?: string;
  ports?: { dynamodb?: number; aws?: number; ses?: number };
  /** The address every emulator listens on: loopback unless asked otherwise. */
  host?: string;
  /** What SQS and S3 requests must be signed with; the SDK's environment credentials by default. */
  credentials?: Credentials;
}

/** Thrown for problems the person starting the stack can fix; printed as one line. */
export class LocalStackError extends Error {
  override name = "LocalStackError";
}

const require = createRequire(import.meta.url);
// aws-ses-v2-local is CommonJS with an `exports.default`, which ESM default imports unwrap inconsistently.
const sesServer: typeof sesServerType = require("aws-ses-v2-local").default;

/**
 * Starts DynamoDB Local (java), fauxqs (SQS + S3, in process, behind a gateway that checks
 * signatures) and aws-ses-v2-local, all on `host` (loopback by default).
 */
export async function startEmulators(options: EmulatorOptions = {}): Promise<Emulators> {
  const host = options.host ?? "127.0.0.1";
  const ports = {
    dynamodb: options.ports?.dynamodb ?? (await freePort()),
    aws: options.ports?.aws ?? 0,
    ses: options.ports?.ses ?? 0,
  };
  for (const port of [ports.dynamodb, ports.aws, ports.ses]) await assertPortFree(port);
  const credentials = options.credentials ?? {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "local",
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "local",
  };

  const java = await startDynamoDbLocal(
    host,
    ports.dynamodb,
    options.dataDir && join(options.dataDir, "dynamodb"),
  );
  // fauxqs listens on a socket in a directory only we can enter; the gateway is its only door.
  const socketDir = mkdtempSync(join(tmpdir(), "entraide-aws-"));
  const stopJava = () => {
    java.kill("SIGTERM");
    rmSync(socketDir, { recursive: true, force: true });
  };
  process.once("exit", stopJava);
  const origin = (port: number) => localOrigin(host, port);
  try {
    const fauxqs = await buildFauxqs(options.dataDir && join(options.dataDir, "s3"));
    const socketPath = join(socketDir, "fauxqs.sock");
    await fauxqs.listen({ path: socketPath });
    const gateway = await startAwsGateway({ socketPath, host, port: ports.aws, credentials });
    if (options.dataDir) keepInboxIn(join(options.dataDir, "inbox.jsonl"));
    const ses = await listening(await sesServer({ port: ports.ses, host }));
    const sesPort = (ses.address() as { port: number }).port;
    await waitForDynamoDb(origin(ports.dynamodb), java);
    return {
      endpoints: {
        dynamodb: origin(ports.dynamodb),
        sqs: gateway.url,
        s3: gateway.url,
        ses: origin(sesPort),
      },
      async stop() {
        process.off("exit", stopJava);
        await Promise.all([
          gateway.stop().then(() => fauxqs.close()),
          new Promise<void>((resolve) => {
            ses.close(() => resolve());
            ses.closeAllConnections();
          }),
          stopChild(java),
        ]);
        rmSync(socketDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    stopJava();
    throw error;
  }
}

const LAUNCHER = fileURLToPath(new URL("./java/LoopbackDynamoDb.java", import.meta.url));

async function startDynamoDbLocal(
  host: string,
  port: number,
  dataDir?: string,
): Promise<ChildProcess> {
  const check = spawnSync("java", ["--list-modules"], { encoding: "utf8" });
  if (check.error || check.status !== 0) {
    throw new LocalStackError(
      "Java 17 or newer is needed to run DynamoDB Local: install it (e.g. `apt-get install -y openjdk-17-jre-headless`) and try again.",
    );
  }
  // Java runs the launcher from its source, which needs the compiler module (Debian's JRE has it).
  if (!check.stdout.includes("jdk.compiler")) {
    throw new LocalStackError(
      "this Java has no jdk.compiler module, which starts DynamoDB Local on loopback: install a JDK 17 or newer (or Debian's openjdk-17-jre-headless) and try again.",
    );
  }
  const jar = join(dirname(require.resolve("amplify-dynamodb-simulator/package.json")), "emulator");
  const classpath = `${join(jar, "DynamoDBLocal.jar")}:${join(jar, "DynamoDBLocal_lib", "*")}`;
  const launcher = await compiledLauncher(classpath, check.stdout);
  const storage = dataDir ? ["-dbPath", dataDir, "-sharedDb"] : ["-inMemory"];
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // DynamoDB Local itself cannot be told which address to listen on: its launcher can.
  return spawn(
    "java",
    [
      `-Djava.library.path=${join(jar, "DynamoDBLocal_lib")}`,
      "-Xmx512m",
      "-cp",
      `${launcher}:${classpath}`,
      "LoopbackDynamoDb",
      host,
      "-port",
      String(port),
      "-disableTelemetry",
      ...storage,
    ],
    { cwd: jar, stdio: ["ignore", "ignore", "pipe"] },
  );
}

/**
 * The directory holding the launcher's class, compiled once per source and Java (kept under
 * node_modules/.cache): compiling it from source at every start, as `java File.java` does, took
 * more CPU than DynamoDB Local's own start. Compiled by the JRE's own compiler module (checked
 * above), so no JDK is needed; written aside and renamed, so concurrent starts never see half a class.
 */
async function compiledLauncher(classpath: string, modules: string): Promise<string> {
  const source = readFileSync(LAUNCHER);
  const key = createHash("sha256").update(source).update(modules).digest("hex").slice(0, 16);
  const cache = join(dirname(require.resolve("amplify-dynamodb-simulator/package.json")), "..");
  const dir = join(cache, ".cache", "entraide-dynamodb-launcher", key);
  if (existsSync(join(dir, "LoopbackDynamoDb.class"))) return dir;
  mkdirSync(dirname(dir), { recursive: true });
  const aside = mkdtempSync(`${dir}-`);
  const compiled = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const javac = spawn(
      "java",
      ["-m", "jdk.compiler/com.sun.tools.javac.Main", "-cp", classpath, "-d", aside, LAUNCHER],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    javac.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    javac.once("error", (error) => resolve({ code: -1, stderr: error.message }));
    javac.once("exit", (code) => resolve({ code, stderr }));
  });
  if (compiled.code !== 0) {
    rmSync(aside, { recursive: true, force: true });
    throw new LocalStackError(
      `compiling DynamoDB Local's launcher failed: ${compiled.stderr.trim()}`,
    );
  }
  try {
    renameSync(aside, dir);
  } catch {
    // Another start compiled the same source meanwhile: its copy is as good.
    rmSync(aside, { recursive: true, force: true });
  }
  return dir;
}

async function waitForDynamoDb(url: string, java: ChildProcess): Promise<void> {
  let stderr = "";
  java.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (java.exitCode !== null) {
      throw new LocalStackError(
        `DynamoDB Local stopped at start (exit ${java.exitCode}): ${stderr.trim()}`,
      );
    }
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new LocalStackError(`DynamoDB Local did not answer at ${url} within 30 s`);
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
          ? new LocalStackError(
              `port ${port} is already in use: stop what uses it, or choose another port`,
            )
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

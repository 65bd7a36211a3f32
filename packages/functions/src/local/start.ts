import { chmod, rm } from "node:fs/promises";
import { createClients } from "@entraide/core/aws/clients";
import { OffsetClock } from "@entraide/core/clock";
import { RuntimeConfig } from "@entraide/core/config";
import { type Deps, depsFromConfig } from "@entraide/core/deps";
import { planConfig } from "@entraide/core/plan/config";
import { useDeps } from "../context";
import { schedules } from "../cron/schedules";
import { routes } from "../http/routes";
import { type ApiHandler, startApiServer } from "./api-server";
import { localConfigPath, localDataDir, writeLocalConfig } from "./config-file";
import { loadDemoData } from "./demo-data";
import { devAwsCredentials, devTokenSecret } from "./dev-secret";
import { assertPortFree, LocalStackError, startEmulators } from "./emulators";
import { loadHandler } from "./handlers";
import { invokeLocally } from "./lambda-context";
import { refreshClockOffset } from "./local-clock";
import { nextEvery, nextWeekly } from "./next-run";
import { provision } from "./provision";
import { type ScheduledJob, startScheduler } from "./scheduler";
import { buildWebSite } from "./web-site";
import { type SqsHandler, startWorkerLoop } from "./worker-loop";

const WORKER = "packages/functions/src/queue/worker.handler";
const NAMES = { table: "entraide", queue: "entraide-work", bucket: "entraide-documents" };

export interface LocalStack {
  urls: { web: string; inbox: string };
  config: RuntimeConfig;
  /** The stack's clock: its offset follows the stored one (`clock advance`) at each scheduler tick. */
  clock: OffsetClock;
  /** Handlers not written yet: their routes answer 501, their jobs do not run. */
  missing: string[];
  demoDataLoaded: boolean;
  stop(): Promise<void>;
}

type ScheduledHandler = (event: unknown, context: unknown) => Promise<unknown>;

/**
 * Starts the whole system on this machine: the emulators (DynamoDB data kept in the data
 * directory), the resources, the API and static site, the worker and the scheduler, all running
 * the same handlers as in AWS, in process. Ports and the data directory come from `env`.
 */
export async function start(env: NodeJS.ProcessEnv = process.env): Promise<LocalStack> {
  const ports = {
    web: port(env, "PORT", 3000),
    ses: port(env, "SES_PORT", 8005),
    aws: port(env, "AWS_EMULATOR_PORT", 4566),
    dynamodb: port(env, "DYNAMODB_PORT", 8000),
  };
  const dataDir = localDataDir(env);
  // Loopback unless the person starting it says otherwise (README: what that exposes).
  const host = env.HOST || "127.0.0.1";
  await assertPortFree(ports.web);
  // The SDK signs with these, and the local SQS and S3 refuse any other signature.
  const credentials = await devAwsCredentials(dataDir);
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  // aws-ses-v2-local forwards every email it accepts to this relay (nodemailer), as SES would send it.
  if (env.SMTP_URL) process.env.SMTP_TRANSPORT = JSON.stringify(env.SMTP_URL);
  // The SDK's notice about future Node versions would bury the URLs; the engines field says >=20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s();
  };
  try {
    const emulators = await startEmulators({ dataDir, ports, host, credentials });
    stops.push(() => emulators.stop());
    const base = RuntimeConfig.parse({
      region: "eu-west-1",
      table: NAMES.table,
      bucket: NAMES.bucket,
      queueUrl: "http://placeholder.invalid/",
      deadLetterQueueUrl: "http://placeholder.invalid/",
      mailFrom: "entraide@smart.test",
      replyTo: "decisions@smart.test",
      financeEmail: "finance@smart.test",
      publicUrl: `http://localhost:${ports.web}`,
      tokenSecret: await devTokenSecret(dataDir),
      debtor: { name: "Smart (demo)", iban: "BE68539007547034", bic: "GKCCBEBB" },
      endpoints: emulators.endpoints,
    });
    const config: RuntimeConfig = { ...base, ...(await provision(createClients(base), NAMES)) };
    const clock = new OffsetClock();
    const deps = depsFromConfig(config, clock);
    await refreshClockOffset(deps, clock);
    // Before any handler module loads: some read their dependencies when imported.
    useDeps(deps);

    const { demoDataLoaded, ...running } = await run(deps, clock, { port: ports.web, host }, stops);
    await writeLocalConfig(config, env);
    await chmod(localConfigPath(env), 0o600);
    // Without the file the CLI says the stack is not running, rather than failing to connect.
    stops.push(() => rm(localConfigPath(env), { force: true }));
    return {
      urls: { web: `http://localhost:${ports.web}`, inbox: `http://localhost:${ports.ses}` },
      config,
      clock,
      ...running,
      demoDataLoaded,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function run(
  deps: Deps,
  clock: OffsetClock,
  web: { port: number; host: string },
  stops: (() => Promise<void>)[],
) {
  const missing: string[] = [];
  const load = async <T>(name: string, path: string) => {
    const handler = await loadHandler<T>(path);
    if (!handler) missing.push(name);
    return handler;
  };

  const { loaded } = await loadDemoData(deps);

  const api: Record<string, ApiHandler | undefined> = {};
  for (const [routeKey, path] of Object.entries(routes)) api[routeKey] = await load(routeKey, path);
  const staticDir = await buildWebSite(logLine);
  const server = await startApiServer({
    ...web,
    routes: api,
    staticDir,
    uploadOrigin: deps.config.endpoints.s3,
    log: logLine,
  });
  stops.push(() => server.stop());

  const worker = await load<SqsHandler>("worker", WORKER);
  if (worker) {
    const loop = await startWorkerLoop({
      sqs: deps.clients.sqs,
      queueUrl: deps.config.queueUrl,
      region: deps.config.region,
      handler: worker,
      log: logLine,
    });
    stops.push(() => loop.stop());
  }

  const jobs: ScheduledJob[] = [];
  const sweeper = await load<ScheduledHandler>("sweeper", schedules.sweeper.handler);
  if (sweeper) {
    jobs.push({
      name: "sweeper",
      next: (after) => nextEvery(after, schedules.sweeper.local.everyMs),
      run: (event) => invokeLocally("sweeper", sweeper, event),
    });
  }
  const batches = await load<ScheduledHandler>("create-batches", schedules.createBatches.handler);
  if (batches) {
    jobs.push({
      name: "create-batches",
      // The earliest of the plan's batch runs.
      next: (after) =>
        new Date(
          Math.min(
            ...schedules.createBatches.runs.map((run) => nextWeekly(after, run.weekly).getTime()),
          ),
        ),
      run: (event) => invokeLocally("create-batches", batches, event),
    });
  }
  const erasure = await load<ScheduledHandler>("erasure", schedules.erasure.handler);
  if (erasure) {
    jobs.push({
      name: "erasure",
      next: (after) => nextWeekly(after, schedules.erasure.local.weekly),
      run: (event) => invokeLocally("erasure", erasure, event),
    });
  }
  const scheduler = startScheduler({
    jobs,
    clock,
    region: deps.config.region,
    beforeTick: () => refreshClockOffset(deps, clock),
    log: logLine,
  });
  stops.push(() => scheduler.stop());
  return { missing, demoDataLoaded: loaded };
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new LocalStackError(`${name} must be a port number (1-65535), not "${text}"`);
  }
  return value;
}

function logLine(message: string, error?: unknown) {
  console.error(error instanceof Error ? `${message}: ${error.message}` : message);
}

/**
 * `npm start`: starts the stack, prints where to look, stops everything on Ctrl-C or SIGTERM.
 * Problems the user can fix are printed as one line, with a non-zero exit.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Until the stack is up there is nothing to stop gracefully; exiting runs the emulators' exit
  // hook, which stops DynamoDB Local so no java process outlives us.
  const early = () => process.exit(130);
  process.once("SIGINT", early).once("SIGTERM", early);
  let stack: LocalStack;
  try {
    stack = await start(env);
  } catch (error) {
    if (!(error instanceof LocalStackError)) throw error;
    console.error(`entraide: ${error.message}`);
    process.exit(1);
  }
  process.off("SIGINT", early).off("SIGTERM", early);

  if (stack.demoDataLoaded) console.log("Demo members, activities, approvers and funds loaded.");
  if (stack.missing.length > 0) {
    console.log(
      `Not written yet (routes answer 501, jobs do not run): ${stack.missing.join(", ")}`,
    );
  }
  console.log(
    [
      "Entraide is running:",
      `  web form and API  ${stack.urls.web}`,
      `  emails (inbox)    ${stack.urls.inbox}`,
      `  data              ${localDataDir(env)}`,
      `  plan window       ${planConfig.planWindow.from} to ${planConfig.planWindow.to}`,
      "Press Ctrl-C to stop.",
    ].join("\n"),
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("Stopping…");
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown).on("SIGTERM", shutdown);
}

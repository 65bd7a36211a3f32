import { randomBytes, randomUUID } from "node:crypto";
import { createClients } from "../../packages/core/src/aws/clients";
import type { RuntimeConfig } from "../../packages/core/src/config";
import { type Deps, depsFromConfig } from "../../packages/core/src/deps";
import { useDeps } from "../../packages/functions/src/context";
import { schedules } from "../../packages/functions/src/cron/schedules";
import { routes } from "../../packages/functions/src/http/routes";
import { type ApiHandler, startApiServer } from "../../packages/functions/src/local/api-server";
import { loadHandler } from "../../packages/functions/src/local/handlers";
import { lambdaContext } from "../../packages/functions/src/local/lambda-context";
import { provision } from "../../packages/functions/src/local/provision";
import { type SqsHandler, startWorkerLoop } from "../../packages/functions/src/local/worker-loop";
import { attach, type CallCounter, type CallSpan, nowMs } from "../support/call-counter";
import { type CapacityMeter, meterCapacity } from "./capacity";
import { type BenchMember, loadBenchRegisters } from "./registers";

const WORKER = "packages/functions/src/queue/worker.handler";

/** Wall time of each handler invocation, by function (route key, "worker", "sweeper"): what Lambda bills. */
export class Durations {
  private byFunction: Record<string, number[]> = {};
  /** `trace`, when given, hears each invocation as a span of service "Lambda". */
  constructor(private trace?: (span: CallSpan) => void) {}
  time<A extends unknown[], R>(name: string, f: (...args: A) => Promise<R>) {
    return async (...args: A): Promise<R> => {
      const t0 = nowMs();
      try {
        return await f(...args);
      } finally {
        const end = nowMs();
        const list = this.byFunction[name] ?? [];
        list.push(end - t0);
        this.byFunction[name] = list;
        this.trace?.({ service: "Lambda", operation: name, start: t0, end });
      }
    };
  }
  all(): Record<string, number[]> {
    return structuredClone(this.byFunction);
  }
  reset() {
    this.byFunction = {};
  }
}

export interface BenchStack {
  deps: Deps;
  /** Uncounted clients for the bench's own reads (history, statuses). */
  observer: Deps;
  apiUrl: string;
  members: BenchMember[];
  /** What the handlers, the worker and the sweeper send (the Deps they get through useDeps). */
  calls: CallCounter;
  /** What the worker loops send to receive and delete: Lambda's event source mapping in AWS. */
  pollerCalls: CallCounter;
  capacity: CapacityMeter;
  durations: Durations;
  stop(): Promise<void>;
}

export interface BenchStackOptions {
  endpoints: RuntimeConfig["endpoints"];
  /** Concurrent worker loops (each takes batches of up to 10, as one Lambda instance would). */
  workers: number;
  /** Bench members (and their activities) for aid and loans. */
  members: number;
  sweepEveryMs: number;
  /**
   * Hears every AWS request the handlers send, the worker loops' own (service "SQS poller") and
   * each handler invocation (service "Lambda"), with their times: where one request's time goes.
   */
  trace?: (span: CallSpan) => void;
}

/**
 * The system in this process on fresh resources of the emulators: demo and bench registers,
 * the real API handlers behind the local API server, the real worker handler behind `workers`
 * local worker loops, and the sweeper on a timer, as `npm start` runs them.
 */
export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const name = `bench-e2e-${randomUUID().slice(0, 8)}`;
  const base: RuntimeConfig = {
    region: "eu-west-1",
    table: name,
    queueUrl: "http://placeholder.invalid/",
    deadLetterQueueUrl: "http://placeholder.invalid/",
    bucket: name,
    mailFrom: "entraide@smart.test",
    replyTo: "decisions@smart.test",
    financeEmail: "finance@smart.test",
    publicUrl: "http://localhost:3000",
    tokenSecret: randomBytes(32).toString("hex"),
    endpoints: options.endpoints,
  };
  const queues = await provision(createClients(base), { table: name, queue: name, bucket: name });
  const config = { ...base, ...queues };
  const deps = depsFromConfig(config);
  const observer = depsFromConfig(config);
  const members = await loadBenchRegisters(observer, options.members);

  const { trace } = options;
  const calls = attach(deps.clients, trace);
  const pollerClients = createClients(config);
  const pollerCalls = attach(
    { sqs: pollerClients.sqs },
    trace && ((span) => trace({ ...span, service: "SQS poller" })),
  );
  const capacity = meterCapacity(deps.clients.ddb);
  const durations = new Durations(trace);
  useDeps(deps);

  const api: Record<string, ApiHandler | undefined> = {};
  for (const [routeKey, path] of Object.entries(routes)) {
    const handler = await loadHandler<ApiHandler>(path);
    api[routeKey] = handler && durations.time(routeKey, handler);
  }
  const server = await startApiServer({
    port: 0,
    routes: api,
    log: (message, error) => process.stderr.write(`${message} ${String(error ?? "")}\n`),
  });
  const worker = await loadHandler<SqsHandler>(WORKER);
  if (!worker) throw new Error(`${WORKER} is missing`);
  const timedWorker = durations.time("worker", worker);
  const loops = await Promise.all(
    Array.from({ length: options.workers }, () =>
      startWorkerLoop({
        sqs: pollerClients.sqs,
        queueUrl: config.queueUrl,
        region: config.region,
        handler: timedWorker,
        waitTimeSeconds: 1,
        log: (message, error) => process.stderr.write(`${message} ${String(error ?? "")}\n`),
      }),
    ),
  );
  const sweeper = await loadHandler<(e: unknown, c: unknown) => Promise<unknown>>(
    schedules.sweeper.handler,
  );
  const timedSweeper = sweeper && durations.time("sweeper", sweeper);
  const sweeping = setInterval(() => {
    timedSweeper?.({}, lambdaContext("sweeper")).catch((error) =>
      process.stderr.write(`sweeper failed: ${String(error)}\n`),
    );
  }, options.sweepEveryMs);

  return {
    deps,
    observer,
    apiUrl: server.url,
    members,
    calls,
    pollerCalls,
    capacity,
    durations,
    async stop() {
      clearInterval(sweeping);
      await Promise.all(loops.map((l) => l.stop()));
      await server.stop();
      calls.detach();
      pollerCalls.detach();
      capacity.detach();
    },
  };
}

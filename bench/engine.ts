/**
 * Benchmark of the workflow engine on the local stack (`npm run bench:engine [executions…]`):
 * transitions per second at concurrency 1, 16 and 64, AWS requests per transition by service
 * and operation (counted by an SDK middleware), and, in the same run and on the same
 * emulators, the raw rate of DynamoDB Local's conditional writes as the baseline.
 * Targets: throughput >= 50 % of the write-bound ceiling (baseline rates / writes per
 * transition); <= 3 AWS requests per transition amortised. Writes bench/engine-results.json
 * and the "## Engine" section of bench/RESULTS.md.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { createClients } from "../packages/core/src/aws/clients";
import type { RuntimeConfig } from "../packages/core/src/config";
import { type Deps, depsFromConfig } from "../packages/core/src/deps";
import { Engine } from "../packages/core/src/engine/engine";
import { getExecution } from "../packages/core/src/engine/store";
import { startEmulators } from "../packages/functions/src/local/emulators";
import { provision } from "../packages/functions/src/local/provision";
import { workBatchHandler } from "../packages/functions/src/queue/worker";
import { type BaselineFigures, measureBaseline } from "./support/baseline";
import { attach, type CallCounts } from "./support/call-counter";
import { writeEngineResults } from "./support/engine-report";
import { pump } from "./support/pump";
import { benchSteps, benchWorkflow } from "./support/workflow";
import "./support/local-env";

const LEVELS = [1, 16, 64];
const BASELINE_SECONDS = 4;
const WRITES = new Set([
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "TransactWriteItems",
  "BatchWriteItem",
]);

export interface LevelFigures {
  concurrency: number;
  executions: number;
  succeeded: number;
  /** Committed transitions, start included (the sum of the executions' revisions). */
  transitions: number;
  seconds: { start: number; work: number };
  /** All transitions over start + work time. */
  transitionsPerSecond: number;
  /** The worker's transitions (start excluded) over its own time. */
  workerTransitionsPerSecond: number;
  /**
   * CPU time of this process (engine, worker, poller, and fauxqs, which runs in process) per
   * transition: what competes with DynamoDB Local's JVM for the machine's cores.
   */
  processCpuMsPerTransition: number;
  /** The mean of the runs before and after the engine's. */
  baseline: BaselineFigures & { runs: BaselineFigures[] };
  /** What the engine sent (starts, steps, worker), by service and operation. */
  engineRequests: CallCounts;
  /** What the queue poller sent (receive, delete): Lambda's event source mapping in AWS. */
  pollerRequests: CallCounts;
  perTransition: {
    engineRequests: number;
    pollerRequests: number;
    total: number;
    dynamoDbWrites: number;
  };
  /** Transitions per second if DynamoDB Local's writes were all the engine waited for. */
  ceilingTransitionsPerSecond: number;
  /** transitionsPerSecond / ceilingTransitionsPerSecond: target >= 0.5. */
  throughputRatio: number;
}

let tables = 0;
async function freshStack(endpoints: RuntimeConfig["endpoints"]): Promise<Deps> {
  const name = `bench-${++tables}-${randomUUID().slice(0, 8)}`;
  const base: RuntimeConfig = {
    region: "eu-west-1",
    table: name,
    queueUrl: "http://placeholder.invalid/",
    deadLetterQueueUrl: "http://placeholder.invalid/",
    bucket: name,
    mailFrom: "entraide@smart.test",
    publicUrl: "http://localhost:3000",
    tokenSecret: randomBytes(32).toString("hex"),
    endpoints,
  };
  const queues = await provision(createClients(base), { table: name, queue: name, bucket: name });
  return depsFromConfig({ ...base, ...queues });
}

const perOperation = (counts: CallCounts) =>
  Object.entries(counts).flatMap(([service, ops]) =>
    Object.entries(ops).map(([op, n]) => ({ service, op, n })),
  );
const sum = (counts: CallCounts, keep: (service: string, op: string) => boolean = () => true) =>
  perOperation(counts)
    .filter(({ service, op }) => keep(service, op))
    .reduce((a, { n }) => a + n, 0);

async function inParallel(
  count: number,
  concurrency: number,
  run: (i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await run(next++);
    }),
  );
}

async function measureLevel(
  endpoints: RuntimeConfig["endpoints"],
  concurrency: number,
  executions: number,
): Promise<LevelFigures> {
  // The baseline runs just before and just after the engine, and counts as their mean: the
  // machine is shared, so its load drifts; a drift shows as a gap between the two.
  const baselineStack = await freshStack(endpoints);
  const before = await measureBaseline(baselineStack, concurrency, BASELINE_SECONDS);
  const deps = await freshStack(endpoints);
  const engine = new Engine({ deps, workflows: [benchWorkflow], steps: benchSteps(deps) });
  const pollerClients = createClients(deps.config);
  const engineCounter = attach(deps.clients);
  const pollerCounter = attach(pollerClients);

  const cpu = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const ids: string[] = [];
  await inParallel(executions, concurrency, async (i) => {
    ids.push(
      (
        await engine.start({
          workflow: "bench",
          key: `bench-${i}`,
          input: { amountCents: 10_000 + i },
        })
      ).id,
    );
  });
  const t1 = process.hrtime.bigint();
  const handler = workBatchHandler(() => engine);
  const { handled } = await pump({
    clients: pollerClients,
    queueUrl: deps.config.queueUrl,
    handler,
    concurrency,
    messages: executions,
  });
  const t2 = process.hrtime.bigint();
  const { user, system } = process.cpuUsage(cpu);
  engineCounter.detach();
  pollerCounter.detach();
  if (handled < executions)
    process.stderr.write(
      `concurrency ${concurrency}: only ${handled} of ${executions} messages handled\n`,
    );

  const after = await measureBaseline(baselineStack, concurrency, BASELINE_SECONDS);
  const baseline = {
    putsPerSecond: (before.putsPerSecond + after.putsPerSecond) / 2,
    transactionsPerSecond: (before.transactionsPerSecond + after.transactionsPerSecond) / 2,
  };
  const finals = await Promise.all(ids.map((id) => getExecution(deps, id)));
  const transitions = finals.reduce((n, e) => n + (e?.rev ?? 0), 0);
  const engineRequests = engineCounter.counts();
  const pollerRequests = pollerCounter.counts();
  const start = Number(t1 - t0) / 1e9;
  const work = Number(t2 - t1) / 1e9;
  const transitionsPerSecond = transitions / (start + work);
  // Seconds of DynamoDB Local write time per transition, each write type at its own measured rate.
  const writeSeconds = perOperation(engineRequests)
    .filter(({ service, op }) => service === "DynamoDB" && WRITES.has(op))
    .reduce(
      (s, { op, n }) =>
        s +
        n / (op === "TransactWriteItems" ? baseline.transactionsPerSecond : baseline.putsPerSecond),
      0,
    );
  const ceiling = transitions / writeSeconds;
  return {
    concurrency,
    executions,
    succeeded: finals.filter((e) => e?.status === "succeeded").length,
    transitions,
    seconds: { start: round(start), work: round(work) },
    transitionsPerSecond: round(transitionsPerSecond),
    workerTransitionsPerSecond: round((transitions - executions) / work),
    processCpuMsPerTransition: round((user + system) / 1000 / transitions, 2),
    baseline: {
      putsPerSecond: round(baseline.putsPerSecond),
      transactionsPerSecond: round(baseline.transactionsPerSecond),
      runs: [before, after].map((b) => ({
        putsPerSecond: round(b.putsPerSecond),
        transactionsPerSecond: round(b.transactionsPerSecond),
      })),
    },
    engineRequests,
    pollerRequests,
    perTransition: {
      engineRequests: round(sum(engineRequests) / transitions, 3),
      pollerRequests: round(sum(pollerRequests) / transitions, 3),
      total: round((sum(engineRequests) + sum(pollerRequests)) / transitions, 3),
      dynamoDbWrites: round(
        sum(engineRequests, (s, op) => s === "DynamoDB" && WRITES.has(op)) / transitions,
        3,
      ),
    },
    ceilingTransitionsPerSecond: round(ceiling),
    throughputRatio: round(transitionsPerSecond / ceiling, 3),
  };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const emulators = await startEmulators();
try {
  // DynamoDB Local is a JVM: its first seconds run interpreted code, which would flatter whatever is measured later.
  process.stderr.write("warming up…\n");
  await measureBaseline(await freshStack(emulators.endpoints), 8, BASELINE_SECONDS);
  await measureLevel(emulators.endpoints, 16, 100);
  const counts = process.argv.slice(2).map(Number);
  const levels: LevelFigures[] = [];
  for (const [i, concurrency] of LEVELS.entries()) {
    const executions = counts[i] ?? [100, 300, 640][i]!;
    process.stderr.write(`concurrency ${concurrency}: ${executions} executions…\n`);
    levels.push(await measureLevel(emulators.endpoints, concurrency, executions));
  }
  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    workflow: Object.keys(benchWorkflow.states),
    levels,
  };
  await writeEngineResults(results);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} finally {
  await emulators.stop();
}

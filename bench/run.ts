/**
 * `npm run bench`: the whole system on the local stack, in one run. Submits requests of the
 * five types through the API, approves them through the decision API from the approval emails
 * (projects through the vote API from the committee members' vote emails),
 * until funds are reserved (`scheduled`); measures throughput and latencies at each concurrency,
 * raw DynamoDB Local and SQS rates as baselines in the same run, AWS requests and DynamoDB units
 * per request and per transition, the cost per 1,000 requests against Step Functions Standard,
 * the form's and the Lambdas' sizes, and the exports. Writes bench/results.json and the
 * "## End to end" section of bench/RESULTS.md (the "## Engine" section is bench/engine.ts's).
 *
 * the assembly report on a year of 100,000 requests (bench/reports.ts, against the CSV export).
 * After each level's closed loop, latency is measured open-loop: --open-loop requests arriving on a
 * fixed schedule at half the throughput that level just measured.
 *
 * Flags: --requests 1000 --levels 16,64 --calibrate 8 --baseline-seconds 3 --export-rows 100000
 * --report-requests 100000 --idle-timeout 30000 --open-loop 200 --skip-web --skip-bundles
 * --skip-exports --skip-report --skip-board
 */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startEmulators } from "../packages/functions/src/local/emulators";
import { benchBoard } from "./board";
import { REQUEST_TYPES } from "./e2e/bodies";
import { bundleSizes } from "./e2e/bundles";
import { costPer1000, enginePerMillionTransitions, percentile, round } from "./e2e/cost";
import { drive } from "./e2e/drive";
import { writeE2eSection } from "./e2e/report";
import { measureSqs } from "./e2e/sqs-baseline";
import { type BenchStack, startBenchStack } from "./e2e/stack";
import { usageOf } from "./e2e/usage";
import { benchExports } from "./exports";
import { PRICES } from "./prices";
import { benchReport } from "./reports";
import { measureBaseline } from "./support/baseline";
import "./support/local-env";

const { values: flags } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    levels: { type: "string", default: "16,64" },
    calibrate: { type: "string", default: "8" },
    "baseline-seconds": { type: "string", default: "3" },
    "export-rows": { type: "string", default: "100000" },
    "idle-timeout": { type: "string", default: "30000" },
    "open-loop": { type: "string", default: "200" },
    "skip-web": { type: "boolean", default: false },
    "skip-bundles": { type: "boolean", default: false },
    "skip-exports": { type: "boolean", default: false },
    "report-requests": { type: "string", default: "100000" },
    "skip-report": { type: "boolean", default: false },
    "skip-board": { type: "boolean", default: false },
  },
});
const REQUESTS = Number(flags.requests);
const LEVELS = flags.levels.split(",").map(Number);
const CALIBRATE = Number(flags.calibrate);
const BASELINE_SECONDS = Number(flags["baseline-seconds"]);
const IDLE = Number(flags["idle-timeout"]);
const OPEN_LOOP = Number(flags["open-loop"]);
const WRITES = /^(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/;
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

const members = (stack: BenchStack) => {
  let next = 0;
  return () => {
    const m = stack.members[next++];
    if (!m) throw new Error("not enough bench members");
    return m;
  };
};

const emulators = await startEmulators();
const endpoints = emulators.endpoints;
try {
  // Per type, alone and one at a time: what each request costs, without the others' noise.
  log(`calibration: ${CALIBRATE} requests of each type at concurrency 1`);
  const calib = await startBenchStack({
    endpoints,
    workers: 1,
    members: CALIBRATE * 3 + 4,
    sweepEveryMs: 60_000,
  });
  const claim = members(calib);
  await drive(
    calib,
    { count: 4, concurrency: 2, types: REQUEST_TYPES, idleTimeoutMs: IDLE },
    claim,
  ); // warm-up
  const byType: Record<string, unknown> = {};
  for (const type of REQUEST_TYPES) {
    calib.calls.reset();
    calib.pollerCalls.reset();
    calib.capacity.reset();
    calib.durations.reset();
    const result = await drive(
      calib,
      { count: CALIBRATE, concurrency: 1, types: [type], idleTimeoutMs: IDLE },
      claim,
    );
    const u = usageOf(calib, result);
    byType[type] = {
      requests: CALIBRATE,
      scheduled: result.records.filter((r) => r.status === "scheduled").length,
      transitionsPerRequest: u.transitions / CALIBRATE,
      statesEnteredPerRequest: u.usage.statesEntered,
      callsPerRequest: u.usage.calls,
      callsPerTransition: u.perTransition,
      dynamoDbUnitsPerRequest: {
        read: round(u.usage.readUnits, 2),
        write: round(u.usage.writeUnits, 2),
        gsiWrite: round(u.usage.gsiWriteUnits, 2),
      },
      enginePerMillionTransitionsUsd: enginePerMillionTransitions(u.perTransitionOf),
      wruPerTransition: round(u.perTransitionOf.writeUnits, 3),
      capacityByOperation: u.capacityByOperation,
      writeUnitsByKind: u.writeUnitsByKind,
      lambda: { ...u.usage.lambda, durations: u.durations },
      costPer1000: costPer1000(u.usage),
    };
  }
  await calib.stop();

  const levels = [];
  for (const concurrency of LEVELS) {
    log(`concurrency ${concurrency}: ${REQUESTS} requests`);
    const stack = await startBenchStack({
      endpoints,
      workers: Math.ceil(concurrency / 10) + 1,
      members: Math.ceil(((REQUESTS + OPEN_LOOP) * 3) / 5) + 4,
      sweepEveryMs: 60_000,
    });
    const claimMember = members(stack);
    const result = await drive(
      stack,
      { count: REQUESTS, concurrency, types: REQUEST_TYPES, idleTimeoutMs: IDLE },
      claimMember,
    );
    const u = usageOf(stack, result);
    const capacity = result.records.filter((r) => r.status === "scheduled").length / result.seconds;
    const rate = capacity / 2;
    log(`concurrency ${concurrency}: open loop, ${OPEN_LOOP} requests at ${round(rate, 2)}/s`);
    const open = await drive(
      stack,
      {
        count: OPEN_LOOP,
        concurrency,
        types: REQUEST_TYPES,
        idleTimeoutMs: IDLE,
        arrivalsPerSecond: rate,
      },
      claimMember,
    );
    await stack.stop();
    const openToEmail = open.records.flatMap((r) =>
      r.approvalEmailSeenAt ? [r.approvalEmailSeenAt - r.submitAt] : [],
    );
    log(`concurrency ${concurrency}: baselines`);
    const ddb = await measureBaseline(stack.observer, concurrency, BASELINE_SECONDS);
    const sqs = await measureSqs(stack.observer.clients, concurrency, BASELINE_SECONDS);
    const scheduled = result.records.filter((r) => r.status === "scheduled");
    const perReq = u.usage.calls;
    // Seconds of each emulator's time one request needs, each operation at its own measured rate.
    const ddbSeconds =
      Object.entries(perReq.DynamoDB ?? {})
        .filter(([op]) => WRITES.test(op))
        .reduce((a, [, n]) => a + n / ddb.putsPerSecond, 0) +
      (perReq.DynamoDB?.TransactWriteItems ?? 0) / ddb.transactionsPerSecond;
    const sqsSeconds =
      (perReq.SQS?.SendMessage ?? 0) / sqs.sendsPerSecond +
      (perReq.SQS?.ReceiveMessage ?? 0) / sqs.receivesPerSecond;
    const ceilings = { dynamoDbWrites: 1 / ddbSeconds, sqs: 1 / sqsSeconds };
    const ceiling = Math.min(ceilings.dynamoDbWrites, ceilings.sqs);
    const requestsPerSecond = scheduled.length / result.seconds;
    const toEmail = result.records.flatMap((r) =>
      r.approvalEmailSeenAt ? [r.approvalEmailSeenAt - r.submitAt] : [],
    );
    const toScheduled = scheduled.flatMap((r) => {
      const decided = r.decisionPosts.filter((t) => t <= r.fundsReservedAt!);
      return decided.length ? [r.fundsReservedAt! - Math.max(...decided)] : [];
    });
    const p = (values: number[]) => ({
      p50: percentile(values, 50),
      p95: percentile(values, 95),
      p99: percentile(values, 99),
    });
    levels.push({
      concurrency,
      requests: REQUESTS,
      scheduled: scheduled.length,
      otherStatuses: result.records
        .filter((r) => r.status !== "scheduled")
        .map((r) => ({ id: r.id, type: r.type, status: r.status, errors: r.errors })),
      loansScheduledWithOneApproval: scheduled.filter(
        (r) => r.type === "relaunch-loan" && r.approvals < 2,
      ).length,
      loans: scheduled.filter((r) => r.type === "relaunch-loan").length,
      seconds: round(result.seconds, 2),
      requestsPerSecond: round(requestsPerSecond, 2),
      latencyMs: {
        submitToApprovalEmail: p(toEmail),
        decisionToScheduled: p(toScheduled),
        submitRequest: p(result.records.map((r) => r.submitMs)),
      },
      baseline: {
        dynamoDb: {
          putsPerSecond: round(ddb.putsPerSecond, 1),
          transactionsPerSecond: round(ddb.transactionsPerSecond, 1),
        },
        sqs: {
          sendsPerSecond: round(sqs.sendsPerSecond, 1),
          receivesPerSecond: round(sqs.receivesPerSecond, 1),
          messagesReceivedPerSecond: round(sqs.messagesReceivedPerSecond, 1),
        },
      },
      ceilingRequestsPerSecond: {
        dynamoDbWrites: round(ceilings.dynamoDbWrites, 2),
        sqs: round(ceilings.sqs, 2),
      },
      throughputRatio: round(requestsPerSecond / ceiling, 3),
      /** Submit → approval email with arrivals on a schedule at half the capacity just measured. */
      openLoop: {
        ratePerSecond: round(rate, 2),
        requests: OPEN_LOOP,
        withApprovalEmail: openToEmail.length,
        p50Ms: percentile(openToEmail, 50),
        p99Ms: percentile(openToEmail, 99),
        submitToApprovalEmail: p(openToEmail),
      },
      enginePerMillionTransitionsUsd: enginePerMillionTransitions(u.perTransitionOf),
      wruPerTransition: round(u.perTransitionOf.writeUnits, 3),
      requestsPerTransition: u.perTransition,
      perTransition: Object.fromEntries(
        Object.entries(u.perTransitionOf).map(([k, v]) => [k, round(v, 3)]),
      ),
      callsPerRequest: perReq,
      callsPerTransition: u.perTransition,
      transitionsPerRequest: round(u.transitions / REQUESTS, 3),
      dynamoDbUnitsPerRequest: {
        read: round(u.usage.readUnits, 2),
        write: round(u.usage.writeUnits, 2),
        gsiWrite: round(u.usage.gsiWriteUnits, 2),
      },
      capacityByOperation: u.capacityByOperation,
      writeUnitsByKind: u.writeUnitsByKind,
      lambda: { ...u.usage.lambda, durations: u.durations },
      costPer1000: costPer1000(u.usage),
    });
  }

  let web: unknown;
  if (!flags["skip-web"]) {
    log("web: form size");
    const { formWeight } = await import("../packages/web/scripts/size");
    web = await formWeight();
  }
  log("bundles and exports");
  const bundles = flags["skip-bundles"] ? undefined : await bundleSizes();
  const exportsFigures = flags["skip-exports"]
    ? undefined
    : await benchExports(Number(flags["export-rows"]));
  log("assembly report");
  const report = flags["skip-report"]
    ? undefined
    : await benchReport(endpoints, Number(flags["report-requests"]), exportsFigures?.csv.seconds);
  if (!flags["skip-board"]) log("board: 10,000 published posts, listing and answering");
  const board = flags["skip-board"] ? undefined : await benchBoard(endpoints);

  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    flags,
    prices: PRICES,
    byType,
    levels,
    web,
    bundles,
    exports: exportsFigures,
    report,
    board,
  };
  await writeFile(
    fileURLToPath(new URL("./results.json", import.meta.url)),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  await writeE2eSection(results);
  log("done: bench/results.json, bench/RESULTS.md");
} finally {
  await emulators.stop();
}

/**
 * Benchmark of the assembly report (`funds report --html`, `--format csv`) on a year of a large
 * cooperative: 100,000 requests. The year is made by replaying each request's transitions
 * through the same `transitionCounts` the engine commits with them, and the fund flows its
 * movements record, into DynamoDB Local (counter shards, fund items, and every loan's execution,
 * which the report reads); then the report is built from the table, timed and its RSS sampled,
 * as a ratio to the CSV export of as many payouts (bench/exports.ts). Target: ≤ 5 s, ≤ 200 MB.
 * Run alone with `npx tsx bench/reports.ts [requests]` (starts its own DynamoDB Local).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { BatchWriteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { createClients } from "../packages/core/src/aws/clients";
import type { RuntimeConfig } from "../packages/core/src/config";
import { keys } from "../packages/core/src/db/layout";
import { depsFromConfig } from "../packages/core/src/deps";
import type { Execution } from "../packages/core/src/engine/execution";
import type { NewEvent } from "../packages/core/src/engine/transitions";
import {
  envelopeAttribute,
  type FlowKind,
  flowAttribute,
} from "../packages/core/src/funds/movements";
import { loanSchedule } from "../packages/core/src/loans/schedule";
import { planConfig } from "../packages/core/src/plan/config";
import { type Counters, shardOf, transitionCounts } from "../packages/core/src/reports/counters";
import { reportCsv } from "../packages/core/src/reports/csv";
import { assemblyFigures } from "../packages/core/src/reports/figures";
import { reportHtml } from "../packages/core/src/reports/html";
import { loanSummaryWrite } from "../packages/core/src/reports/loans";
import type { RequestType } from "../packages/core/src/requests/request-types";
import { startEmulators } from "../packages/functions/src/local/emulators";
import { provision } from "../packages/functions/src/local/provision";
import { benchExports } from "./exports";

export interface ReportFigures {
  requests: number;
  loans: number;
  counterItems: number;
  seconds: number;
  peakRssMb: number;
  startRssMb: number;
  htmlKb: number;
  csvKb: number;
  /** Report seconds over the seconds of the CSV export of as many payouts, in the same run. */
  ratioToCsvExport?: number;
}

const DAY = 86_400_000;
const YEAR_START = Date.parse("2020-03-16T09:00:00Z");
const REPORT_AT = new Date("2021-03-15T12:00:00Z");
const at = (ms: number) => new Date(ms).toISOString();
const round = (n: number) => Math.round(n * 100) / 100;

/** Types in the proportions of a crisis year: mostly contracts, some aid and expenses, a few loans. */
const typeOf = (n: number): RequestType =>
  n % 20 < 12
    ? "cancelled-contract"
    : n % 20 < 15
      ? "incurred-expenses"
      : n % 20 < 19
        ? "emergency-aid"
        : "relaunch-loan";

interface Year {
  counters: Map<string, { fund: string; month: string; shard: number; counts: Counters }>;
  funds: Record<string, Record<string, number>>;
  loans: Record<string, unknown>[];
}

/** Each request's life as the transitions the engine would commit, counted as it counts them. */
function replayYear(requests: number): Year {
  const counters: Year["counters"] = new Map();
  const funds: Year["funds"] = {};
  const loans: Record<string, unknown>[] = [];
  const flow = (fund: string, ms: number, kind: FlowKind, cents: number) => {
    funds[fund] ??= {};
    const f = funds[fund];
    const month = at(ms).slice(0, 7);
    f[flowAttribute(month, kind)] = (f[flowAttribute(month, kind)] ?? 0) + cents;
    f[flowAttribute(month, "moves")] = (f[flowAttribute(month, "moves")] ?? 0) + 1;
    const counter = {
      reserved: "reservedCents",
      paid: "paidCents",
      recovered: "recoveredCents",
      repaid: "repaidCents",
    }[kind as string];
    if (kind === "paid") f.reservedCents = (f.reservedCents ?? 0) - cents;
    if (counter) f[counter] = (f[counter] ?? 0) + cents;
  };
  for (let n = 0; n < requests; n++) {
    const type = typeOf(n);
    const fund = planConfig.types[type].fund;
    const id = `bench-${n}`;
    const started = YEAR_START + Math.floor((n / requests) * 330 * DAY);
    const amountCents =
      type === "relaunch-loan" ? 200_000 + (n % 7) * 100_000 : 20_000 + ((n * 7919) % 280_000);
    const visits: Record<string, number> = {};
    const execution = (): Execution => ({
      id,
      workflow: type,
      version: 1,
      status: "running",
      state: "",
      visit: 1,
      visits: { ...visits },
      attempt: 0,
      phase: "run",
      data: { amountCents, approvedAmountCents: amountCents },
      inputHash: "",
      rev: 1,
      seq: 1,
      enteredAt: "",
      startedAt: at(started),
      updatedAt: "",
    });
    const transition = (ms: number, states: string[], extra: NewEvent[] = []) => {
      for (const s of states) visits[s] = (visits[s] ?? 0) + 1;
      const events = [
        ...states.map((state) => ({ at: at(ms), type: "StateEntered", state })),
        ...extra,
      ];
      const added = transitionCounts(execution(), events, planConfig);
      if (!added) return;
      const shard = shardOf(id);
      const key = `${added.fund}#${added.month}#${shard}`;
      const item = counters.get(key) ?? { fund: added.fund, month: added.month, shard, counts: {} };
      for (const [name, v] of Object.entries(added.counts))
        item.counts[name] = (item.counts[name] ?? 0) + v;
      counters.set(key, item);
    };
    transition(started, ["received"]);
    const decidedAt = started + (1 + (n % 23)) * DAY + (n % 5) * 3_600_000;
    const fate = (n * 2654435761) % 100;
    if (fate < 12) transition(decidedAt, ["rejected"]);
    else if (fate < 17) transition(decidedAt, ["withdrawn"]);
    else if (fate < 22) transition(started + 14 * DAY, ["expired"]);
    else {
      transition(decidedAt, ["granting"]);
      if (fate < 25) {
        transition(decidedAt, ["awaiting-funds"]);
        continue;
      }
      transition(decidedAt, ["payout"]);
      flow(fund, decidedAt, "reserved", amountCents);
      const paidAt = decidedAt + (3 + (n % 8)) * DAY;
      transition(paidAt, ["paid"]);
      flow(fund, paidAt, "paid", amountCents);
      if (type === "relaunch-loan") {
        const schedule = loanSchedule({
          principalCents: amountCents,
          termMonths: 24,
          graceMonths: 3,
          disbursedOn: at(paidAt).slice(0, 10),
        });
        const repaidCents =
          n % 3 === 0 ? schedule.slice(0, 3).reduce((s, i) => s + i.amountCents, 0) : 0;
        if (repaidCents > 0) flow(fund, REPORT_AT.getTime() - 20 * DAY, "repaid", repaidCents);
        // The summary the engine puts with the loan's transitions, built by the same function.
        const loan = { principalCents: amountCents, schedule, repaidCents, repayments: [] };
        const write = loanSummaryWrite({ ...execution(), data: { loan } }, fund)!;
        loans.push(write.item.Put!.Item as Record<string, unknown>);
      } else if (n % 3 === 0) {
        transition(paidAt, ["recovery"]);
        if (n % 6 === 0) {
          const recoveredAt = paidAt + 20 * DAY;
          transition(
            recoveredAt,
            [],
            [{ at: at(recoveredAt), type: "RecoveryRecorded", detail: { amountCents: 5_000 } }],
          );
          flow(fund, recoveredAt, "recovered", 5_000);
        }
      }
    }
  }
  for (const f of Object.values(funds)) {
    const committed =
      (f.reservedCents ?? 0) + (f.paidCents ?? 0) - (f.recoveredCents ?? 0) - (f.repaidCents ?? 0);
    f.envelopeCents = committed + 10_000_000_00;
    f[envelopeAttribute(at(YEAR_START).slice(0, 7))] = f.envelopeCents;
    f.availableCents = f.envelopeCents - committed;
  }
  return { counters, funds, loans };
}

async function seed(deps: ReturnType<typeof depsFromConfig>, year: Year): Promise<void> {
  const TableName = deps.config.table;
  for (const [fund, f] of Object.entries(year.funds)) {
    await deps.clients.ddb.send(
      new PutCommand({ TableName, Item: { ...keys.fund(fund), kind: "fund", fund, ...f } }),
    );
  }
  const items = [
    ...[...year.counters.values()].map((c) => ({
      ...keys.reportCounters(c.fund, c.month, c.shard),
      kind: "report-counters",
      ...c.counts,
    })),
    ...year.loans,
  ];
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      let unprocessed: unknown = batch.map((Item) => ({ PutRequest: { Item } }));
      while (unprocessed && (unprocessed as unknown[]).length > 0) {
        const answer = await deps.clients.ddb.send(
          new BatchWriteCommand({
            RequestItems: {
              [TableName]: unprocessed as { PutRequest: { Item: Record<string, unknown> } }[],
            },
          }),
        );
        unprocessed = answer.UnprocessedItems?.[TableName];
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Seeds a year of `requests`, then times the report's figures, its page and its CSV. */
export async function benchReport(
  endpoints: RuntimeConfig["endpoints"],
  requests = 100_000,
  csvExportSeconds?: number,
): Promise<ReportFigures> {
  const name = `bench-report-${randomUUID().slice(0, 8)}`;
  const config: RuntimeConfig = {
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
    endpoints,
  };
  await provision(createClients(config), { table: name, queue: name, bucket: name });
  const deps = depsFromConfig(config, { now: () => REPORT_AT });
  const year = replayYear(requests);
  await seed(deps, year);
  globalThis.gc?.();
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const started = process.hrtime.bigint();
  let html = "";
  let csv = "";
  try {
    const figures = await assemblyFigures(deps);
    html = reportHtml(figures, "fr");
    csv = reportCsv(figures, "fr");
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    requests,
    loans: year.loans.length,
    counterItems: year.counters.size,
    seconds: round(seconds),
    peakRssMb: round(peak / 2 ** 20),
    startRssMb: round(start / 2 ** 20),
    htmlKb: round(Buffer.byteLength(html) / 1024),
    csvKb: round(Buffer.byteLength(csv) / 1024),
    ratioToCsvExport: csvExportSeconds ? round(seconds / csvExportSeconds) : undefined,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env.AWS_ACCESS_KEY_ID ??= "local";
  process.env.AWS_SECRET_ACCESS_KEY ??= "local";
  const requests = process.argv[2] ? Number(process.argv[2]) : 100_000;
  const baseline = await benchExports(requests);
  const emulators = await startEmulators();
  try {
    console.log(
      JSON.stringify(
        await benchReport(emulators.endpoints, requests, baseline.csv.seconds),
        null,
        2,
      ),
    );
  } finally {
    await emulators.stop();
  }
}

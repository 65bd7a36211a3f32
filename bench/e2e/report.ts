import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { CallCounts } from "../support/call-counter";

const RESULTS_FILE = fileURLToPath(new URL("../RESULTS.md", import.meta.url));
const HEADING = "## End to end";
const KB = 1024;

// biome-ignore lint/suspicious/noExplicitAny: the report reads the JSON run.ts writes; its shape is checked there.
type Results = any;

const yes = (ok: boolean) => (ok ? "met" : "**missed**");
const ms = (x: number | undefined) => (x === undefined ? "–" : `${Math.round(x)} ms`);

function callRows(calls: CallCounts): string {
  return Object.entries(calls)
    .flatMap(([s, ops]) => Object.entries(ops).map(([op, n]) => ({ s, op, n })))
    .sort((a, b) => b.n - a.n)
    .map((r) => `| ${r.s} | ${r.op} | ${r.n} |`)
    .join("\n");
}

function section(r: Results): string {
  const lines: string[] = [];
  const out = (s = "") => lines.push(s);
  const first = r.levels[0];
  out(`${HEADING}

\`npm run bench\` (bench/run.ts), measured ${r.measuredAt} on ${r.machine.cpus} × ${r.machine.cpu}, Node ${r.machine.node}, emulators in process
(DynamoDB Local, fauxqs, aws-ses-v2-local) on a machine shared with other work. Raw figures: bench/results.json. Flags: \`${JSON.stringify(r.flags)}\`.

Path: documents uploaded (POST /api/documents + presigned POST), POST /api/requests, the real worker handler behind local worker loops
(batches of ≤ 10, partial batch responses), approval emails read from the SES emulator's store, POST /api/decisions with the token of
the email's link (loans: two approvers, one after the other; projects: the committee's quorum of votes, POST /api/votes from each
member's vote link), until the member's approval notice, which the worker sends once funds are
reserved (\`scheduled\`). Types in turn: cancelled-contract, incurred-expenses, emergency-aid, relaunch-loan, initiative-support. Aid, loans and projects go to bench
members each with an activity of their own, so the duplicate checks pass as they would for real requests.`);
  out();
  out(goalTable(r));
  out("### Throughput and latency");
  out();
  out(
    "| concurrency | scheduled | seconds | requests/s | submit → approval email p50 / p95 / p99 | last decision → scheduled p50 / p95 / p99 | POST /api/requests p50 / p99 | ceiling req/s (DynamoDB writes / SQS) | ratio (target ≥ 50 %) |",
  );
  out("|---|---|---|---|---|---|---|---|---|");
  for (const l of r.levels) {
    const e = l.latencyMs.submitToApprovalEmail;
    const d = l.latencyMs.decisionToScheduled;
    const s = l.latencyMs.submitRequest;
    out(
      `| ${l.concurrency} | ${l.scheduled}/${l.requests} | ${l.seconds} | ${l.requestsPerSecond} | ${ms(e.p50)} / ${ms(e.p95)} / ${ms(e.p99)} | ${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.p99)} | ${ms(s.p50)} / ${ms(s.p99)} | ${l.ceilingRequestsPerSecond.dynamoDbWrites} / ${l.ceilingRequestsPerSecond.sqs} | ${Math.round(l.throughputRatio * 100)} % (${yes(l.throughputRatio >= 0.5)}) |`,
    );
  }
  out();
  out(
    "Submit → approval email: from the start of POST /api/requests to the SES emulator storing the first approval email (the bench hears its store in process; it polled /store every 20 ms before 2026-12-01 18:40 UTC, which added 10 ms on average). Last decision → scheduled: the FundsReserved history event's time minus the start of the POST of the last decision before it.",
  );
  const baselines = r.levels.map(
    (l: Results) =>
      `c=${l.concurrency}: conditional PutItem ${l.baseline.dynamoDb.putsPerSecond}/s, 2-item TransactWriteItems ${l.baseline.dynamoDb.transactionsPerSecond}/s, SQS SendMessage ${l.baseline.sqs.sendsPerSecond}/s, ReceiveMessage(10)+DeleteMessageBatch ${l.baseline.sqs.receivesPerSecond}/s`,
  );
  out(`Baselines, same run, same concurrency, right after each level: ${baselines.join("; ")}.`);
  out(
    "Ceiling = requests per second if the emulator's writes (or SQS calls) that each request needs, at their measured rates, were all it waited for.",
  );
  out();
  out(
    "These latencies are a closed loop's: the submitters enter requests as fast as the API answers, so they measure queue wait in a saturated system. One request's path is the open loop's, in the goal table above.",
  );
  for (const l of r.levels) {
    if (l.otherStatuses.length)
      out(
        `At concurrency ${l.concurrency}, ${l.otherStatuses.length} requests did not reach scheduled: ${JSON.stringify(l.otherStatuses.slice(0, 3))}`,
      );
    if (l.loansScheduledWithOneApproval)
      out(
        `At concurrency ${l.concurrency}, **${l.loansScheduledWithOneApproval} of ${l.loans} loans were scheduled after one approval** (see Findings).`,
      );
  }
  out();
  out(
    "### AWS requests and DynamoDB units per request, by type (calibration: each type alone, one at a time)",
  );
  out();
  out(
    "| type | scheduled | transitions | states entered (Step Functions) | AWS requests / request | per transition (target ≤ 3) | DynamoDB RRU / WRU per request | Lambda invocations / GB-s per request |",
  );
  out("|---|---|---|---|---|---|---|---|");
  for (const [type, t] of Object.entries<Results>(r.byType)) {
    const totalCalls = Object.values<Record<string, number>>(t.callsPerRequest)
      .flatMap(Object.values)
      .reduce((a, b) => a + b, 0);
    out(
      `| ${type} | ${t.scheduled}/${t.requests} | ${t.transitionsPerRequest} | ${t.statesEnteredPerRequest} | ${Math.round(totalCalls * 10) / 10} | ${t.callsPerTransition} (${yes(t.callsPerTransition <= 3)}) | ${t.dynamoDbUnitsPerRequest.read} / ${t.dynamoDbUnitsPerRequest.write} | ${Math.round(t.lambda.invocations * 10) / 10} / ${Math.round(t.lambda.gbSeconds * 1000) / 1000} |`,
    );
  }
  out();
  out(
    `Requests per request at concurrency ${first.concurrency}, all types mixed, by operation (the event source's polling included; the browser's presigned POSTs counted by the bench):`,
  );
  out();
  out("| service | operation | per request |");
  out("|---|---|---|");
  out(callRows(first.callsPerRequest));
  out();
  out(
    `DynamoDB units by operation at concurrency ${first.concurrency} (whole run; read units as DynamoDB Local meters them; write units computed from the items written as AWS bills them, table and GSI, since DynamoDB Local's transaction figures do not follow AWS, bench/e2e/write-units.ts; DynamoDB Local's own figure alongside):`,
  );
  out();
  out("| operation | RRU | WRU (table) | WRU (GSI) | WRU as DynamoDB Local reports |");
  out("|---|---|---|---|---|");
  for (const [op, u] of Object.entries<Results>(first.capacityByOperation))
    out(
      `| ${op} | ${Math.round(u.read)} | ${Math.round(u.write)} | ${Math.round(u.gsiWrite ?? 0)} | ${Math.round(u.localWrite ?? 0)} |`,
    );
  out();
  out(`Write units by item kind at concurrency ${first.concurrency}, per request (computed):`);
  out();
  out("| item kind | table WRU | GSI WRU |");
  out("|---|---|---|");
  for (const [kind, u] of Object.entries<Results>(first.writeUnitsByKind ?? {}).sort(
    ([, a], [, b]) => b.table + b.gsi - a.table - a.gsi,
  ))
    out(
      `| ${kind} | ${Math.round((u.table / first.requests) * 100) / 100} | ${Math.round((u.gsi / first.requests) * 100) / 100} |`,
    );
  out();
  out(`### Cost per 1,000 requests (USD, ${r.prices.asOf}, bench/prices.ts)`);
  out();
  out(
    "Lambda from measured durations (256 MB API functions, 512 MB worker, arm64), API Gateway HTTP API, SQS requests (one 64 KB chunk each), DynamoDB on-demand units as metered (GSI writes included), SES emails, S3 requests. The durable services: the states the same workflow enters until scheduled, each one Step Functions Standard transition ($25 / million), one Lambda durable functions operation ($8 / million, data written left out) or one Temporal Cloud action ($25 / million, the cheapest tier), *without* the Lambdas, DynamoDB, SES and S3 their tasks would still need: the comparison flatters them. Sources and dates: bench/prices.ts.",
  );
  out();
  out(
    "| run | Lambda | API Gateway | SQS | DynamoDB | SES | S3 | **Entraide total** | without SES (target ≤ 0.04) | Step Functions transitions | Lambda durable operations | Temporal Cloud actions | SFN ÷ Entraide |",
  );
  out("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  const costRow = (name: string, c: Results) =>
    out(
      `| ${name} | ${c.entraide.lambda} | ${c.entraide.apiGateway} | ${c.entraide.sqs} | ${c.entraide.dynamodb} | ${c.entraide.ses} | ${c.entraide.s3} | **${c.total}** | ${c.totalWithoutSes} (${yes(c.totalWithoutSes <= 0.04)}) | ${c.stepFunctions} | ${c.lambdaDurable} | ${c.temporalCloud} | ${c.ratio} |`,
    );
  for (const [type, t] of Object.entries<Results>(r.byType))
    costRow(`${type} (alone)`, t.costPer1000);
  for (const l of r.levels) costRow(`mix, concurrency ${l.concurrency}`, l.costPer1000);
  out();
  if (r.web) {
    out("### Web and Lambda sizes");
    out();
    out(
      `Form (packages/web/scripts/size.ts, gzip -9): ${Object.entries<number>(r.web.files)
        .map(([f, b]) => `${f} ${b} B`)
        .join(
          ", ",
        )}; total **${(r.web.totalBytes / KB).toFixed(1)} KB** (target ≤ 50 KB: ${yes(r.web.totalBytes <= 50 * KB)}).`,
    );
    out();
  }
  if (r.bundles) {
    out(
      "Lambda bundles (esbuild, ESM, minified, node22, @aws-sdk/* external), unzipped (target ≤ 1 MB each):",
    );
    out();
    out("| handler | KB | target |");
    out("|---|---|---|");
    for (const [h, b] of Object.entries<number>(r.bundles))
      out(`| ${h} | ${(b / KB).toFixed(0)} | ${yes(b <= KB * KB)} |`);
    out();
  }
  if (r.exports) {
    out(`### Exports (bench/exports.ts, ${r.exports.sepa.rows} payouts)`);
    out();
    out("| export | seconds | rows/s | peak RSS MB (start) | file MB |");
    out("|---|---|---|---|---|");
    for (const [name, e] of Object.entries<Results>(r.exports))
      out(
        `| ${name} | ${e.seconds} | ${Math.round(e.rowsPerSecond)} | ${e.peakRssMb} (${e.startRssMb}) | ${e.fileMb} |`,
      );
    out();
  }
  if (r.report) {
    const rep = r.report;
    out(`### Assembly report (bench/reports.ts, ${rep.requests} requests, ${rep.loans} loans)`);
    out();
    out(
      "| seconds | ratio to the CSV export | peak RSS MB (start) | counter items read | HTML KB | CSV KB | ≤ 5 s |",
    );
    out("|---|---|---|---|---|---|---|");
    out(
      `| ${rep.seconds} | ${rep.ratioToCsvExport ?? "–"} | ${rep.peakRssMb} (${rep.startRssMb}) | ${rep.counterItems} | ${rep.htmlKb} | ${rep.csvKb} | ${yes(rep.seconds <= 5)} |`,
    );
    out();
  }
  if (r.board) {
    const b = r.board;
    out(`### Board (bench/board.ts, ${b.posts} published posts)`);
    out();
    out("| figure | measured | ratio |");
    out("|---|---|---|");
    out(
      `| first page (30 posts, ${b.firstPage.dynamoCalls} DynamoDB call) | ${b.firstPage.medianMs} ms median, ${b.firstPage.p95Ms} ms p95 | ${b.firstPage.vsGetItem} × a bare GetItem |`,
    );
    out(
      `| filtered page (a filter that matches nothing: reads ≤ 1,000 posts) | ${b.filteredPage.medianMs} ms | ${b.filteredPage.vsFirstPage} × the first page |`,
    );
    out(
      `| every page through the API | ${b.walk.pages} pages, ${b.walk.postsRead} posts, ${b.walk.seconds} s | ${b.walk.vsRawQueries} × the same raw Query pages |`,
    );
    out(
      `| an answer, until the author's relayed email (${b.answer.dynamoCallsWithRelay} DynamoDB calls) | ${b.answer.medianMs} ms median | ${b.answer.vsBareTransaction} × a bare TransactWriteItems |`,
    );
    out();
  }
  return `${lines.join("\n")}\n`;
}

/** The targets of issue 17, each as measured at every concurrency level of this run. */
function goalTable(r: Results): string {
  const rows: [
    string,
    string,
    string,
    (l: Results) => number,
    (x: number) => boolean,
    (x: number) => string,
  ][] = [
    [
      "engine cost per million committed transitions (table + GSI units of the execution's partition and the callback tokens, however written; SQS requests; worker invocations)",
      "~$22",
      "≤ $2.5",
      (l) => l.enginePerMillionTransitionsUsd,
      (x) => x <= 2.5,
      (x) => `$${x}`,
    ],
    [
      "WRU per transition, end to end, GSI writes counted",
      "~35",
      "≤ 3",
      (l) => l.wruPerTransition,
      (x) => x <= 3,
      String,
    ],
    [
      "AWS requests per transition, end to end (polling included)",
      "5.3–8.3",
      "≤ 3",
      (l) => l.requestsPerTransition,
      (x) => x <= 3,
      String,
    ],
    [
      "cost per 1,000 requests without SES (mix of the four types)",
      "$0.22–0.29",
      "≤ $0.04",
      (l) => l.costPer1000.totalWithoutSes,
      (x) => x <= 0.04,
      (x) => `$${x}`,
    ],
    [
      "end-to-end throughput ÷ same-run ceiling",
      "28 %",
      "≥ 50 %",
      (l) => l.throughputRatio,
      (x) => x >= 0.5,
      (x) => `${Math.round(x * 100)} %`,
    ],
    [
      "p50 submit → approval email, open loop at half the capacity",
      "not measured",
      "≤ 150 ms",
      (l) => l.openLoop.p50Ms,
      (x) => x <= 150,
      ms,
    ],
    [
      "p99 submit → approval email, open loop at half the capacity",
      "not measured",
      "≤ 1 s",
      (l) => l.openLoop.p99Ms,
      (x) => x <= 1000,
      ms,
    ],
  ];
  const levels = r.levels.map((l: Results) => `c=${l.concurrency}`).join(" / ");
  const lines = [
    "### Goal of issue 17 (this run)",
    "",
    `| metric | before (issue 17) | target | measured ${levels} |`,
    "|---|---|---|---|",
    ...rows.map(
      ([name, before, target, value, ok, show]) =>
        `| ${name} | ${before} | ${target} | ${r.levels.map((l: Results) => `${show(value(l))} (${yes(ok(value(l)))})`).join(" / ")} |`,
    ),
    "",
    `Open loop: ${r.levels.map((l: Results) => `c=${l.concurrency}: ${l.openLoop.requests} requests at ${l.openLoop.ratePerSecond}/s, ${l.openLoop.withApprovalEmail} with an approval email`).join("; ")}.`,
    "",
  ];
  return lines.join("\n");
}

/** Replaces (or appends) the "## End to end" section of RESULTS.md, keeping the others (## Engine, ## Findings). */
export async function writeE2eSection(results: Results): Promise<void> {
  const current = await readFile(RESULTS_FILE, "utf8").catch(() => "# Benchmark results\n");
  const start = current.indexOf(`\n${HEADING}\n`);
  if (start === -1) {
    await writeFile(RESULTS_FILE, `${current.trimEnd()}\n\n${section(results)}`);
    return;
  }
  const after = current.indexOf("\n## ", start + 1);
  const rest = after === -1 ? "" : current.slice(after);
  await writeFile(RESULTS_FILE, `${current.slice(0, start)}\n${section(results)}${rest}`);
}

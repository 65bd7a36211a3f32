/**
 * `npm run bench:latency`: where one request's time goes, submit → approval email, at low load.
 * The local stack as `npm run bench` runs it (bench/e2e/stack.ts, one worker loop), requests of
 * each type in turn, one at a time (each waits until the one before is scheduled and the queue
 * is empty), every AWS request the handlers and the worker loop send timed on the wire. Prints,
 * per leg, the median and the slowest: the POST (document checks, idempotency claim, start
 * commit, SQS send, and what is left: HTTP and the handler's own work), queue → worker (the
 * send's answer to the worker's invocation), the worker to the approval email's SendEmail, and
 * SES storing it (the bench hears the emulator's store, bench/e2e/mailbox.ts). `--timeline`
 * prints each request's calls in order.
 *
 * Flags: --requests 10 (per type) --gap-ms 1000 --timeline
 */
import { parseArgs } from "node:util";
import { readHistory } from "../packages/core/src/engine/store";
import { startEmulators } from "../packages/functions/src/local/emulators";
import { REQUEST_TYPES } from "./e2e/bodies";
import { percentile, round } from "./e2e/cost";
import { drive } from "./e2e/drive";
import { startBenchStack } from "./e2e/stack";
import type { CallSpan } from "./support/call-counter";
import "./support/local-env";

const { values: flags } = parseArgs({
  options: {
    requests: { type: "string", default: "10" },
    "gap-ms": { type: "string", default: "1000" },
    timeline: { type: "boolean", default: false },
  },
});
const PER_TYPE = Number(flags.requests);
const GAP_MS = Number(flags["gap-ms"]);

/** One request's legs (ms) and, per leg, its AWS time by operation. */
export interface Legs {
  type: string;
  total: number;
  legs: Record<string, number>;
  calls: Record<string, Record<string, { n: number; ms: number }>>;
  /** Each state's time until the next began (ms), of those entered before the approval email. */
  states: Record<string, number>;
}

const nameOf = (s: CallSpan) => `${s.service} ${s.operation}`;

/** Time covered by at least one of the spans, within [from, to]: what calls in parallel cost once. */
function busy(spans: CallSpan[], from: number, to: number): number {
  const cut = spans
    .map((s) => [Math.max(s.start, from), Math.min(s.end, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = from;
  for (const [a, b] of cut) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** Splits one request's path into its legs, from its spans (nothing else ran meanwhile). */
export function legsOf(
  type: string,
  spans: CallSpan[],
  submitAt: number,
  submitEnd: number,
  seenAt: number,
): Legs {
  const aws = spans.filter((s) => s.service !== "Lambda" && s.service !== "SQS poller");
  const sent = aws.filter(
    (s) => nameOf(s) === "SQS SendMessage" && s.start >= submitAt && s.end <= submitEnd,
  );
  const queuedAt = Math.max(...sent.map((s) => s.end));
  const invoked = spans.find(
    (s) => s.service === "Lambda" && s.operation === "worker" && s.start >= queuedAt,
  );
  // The approval email's SendEmail: the last begun before its email was stored.
  const emails = aws.filter((s) => s.service === "SES" && s.start <= seenAt && s.start >= submitAt);
  const emailedAt = Math.max(...emails.map((s) => s.start));
  const workerAt = invoked?.start ?? queuedAt;
  const within = (from: number, to: number) => {
    const inside = aws.filter((s) => s.start >= from && s.end <= to);
    const byOp: Record<string, { n: number; ms: number }> = {};
    for (const s of inside) {
      const o = byOp[nameOf(s)] ?? { n: 0, ms: 0 };
      byOp[nameOf(s)] = { n: o.n + 1, ms: o.ms + s.end - s.start };
    }
    return { byOp, busy: busy(inside, from, to) };
  };
  // The legs on the critical path: the POST up to its SQS send, the queue, the worker to the
  // email's SendEmail, SES storing it. The POST's answer after the send runs beside the worker.
  const post = within(submitAt, queuedAt);
  const work = within(workerAt, emailedAt);
  return {
    type,
    total: seenAt - submitAt,
    legs: {
      "POST to its SQS send, AWS calls (wall)": post.busy,
      "POST to its SQS send, the rest (HTTP, handler)": queuedAt - submitAt - post.busy,
      "queue → worker invoked": workerAt - queuedAt,
      "worker to its SendEmail, AWS calls (wall)": work.busy,
      "worker to its SendEmail, the rest (CPU, awaits)": emailedAt - workerAt - work.busy,
      "SendEmail → SES stored it": seenAt - emailedAt,
      "(beside: POST answered after its send)": submitEnd - queuedAt,
    },
    calls: { post: post.byOp, worker: work.byOp },
    states: {},
  };
}

/**
 * From the history: each state's work, from its transition's start to the next one's (a
 * transition's events all carry the engine's `now` of when it began, so a task's start is its
 * TaskSucceeded's time), for the states begun before `until` (the approval email's send), the
 * last one until then; choice states ride in the commit before them and take no time of their own.
 * An approval entry whose own commit a decision overtook (the bench decides from the first email
 * while the entry step still runs, so the entry's commit is refused) has no TaskSucceeded: its
 * time counts in the state before it.
 */
function stateTimes(history: { at: string; type: string; state?: string }[], until: number) {
  const begun = history
    .filter((e) => e.type === "TaskSucceeded" && Date.parse(e.at) <= until)
    .map((e) => ({ state: e.state ?? "?", at: Date.parse(e.at) }));
  const times: Record<string, number> = {};
  for (const [i, act] of begun.entries()) {
    const end = begun[i + 1]?.at ?? until;
    times[act.state] = (times[act.state] ?? 0) + end - act.at;
  }
  return times;
}

function printTimeline(spans: CallSpan[], from: number, to: number) {
  for (const s of spans.filter((x) => x.end >= from && x.start <= to))
    process.stdout.write(
      `  ${(s.start - from).toFixed(1).padStart(7)} → ${(s.end - from).toFixed(1).padStart(7)} ms  ${nameOf(s)}\n`,
    );
}

const p50 = (values: number[]) => round(percentile(values, 50) ?? Number.NaN, 1);

function summary(all: Legs[]) {
  const rows = Object.keys(all[0]!.legs).map((leg) => {
    const v = all.map((l) => l.legs[leg]!);
    return `| ${leg} | ${p50(v)} | ${round(Math.max(...v), 1)} |`;
  });
  const totals = all.map((l) => l.total);
  const calls = (part: "post" | "worker") => {
    const ops = new Map<string, { n: number; ms: number }>();
    for (const l of all)
      for (const [op, c] of Object.entries(l.calls[part] ?? {})) {
        const o = ops.get(op) ?? { n: 0, ms: 0 };
        ops.set(op, { n: o.n + c.n, ms: o.ms + c.ms });
      }
    return [...ops]
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([op, c]) => `${op} ${round(c.n / all.length, 1)}× ${round(c.ms / c.n, 1)} ms`)
      .join(", ");
  };
  const states = [...new Set(all.flatMap((l) => Object.keys(l.states)))].map((state) => {
    const v = all.map((l) => l.states[state] ?? 0);
    return `${state} ${p50(v)}`;
  });
  return [
    "| leg | p50 ms | max ms |",
    "|---|---|---|",
    ...rows,
    `| **submit → approval email seen** | **${p50(totals)}** | **${round(Math.max(...totals), 1)}** |`,
    "",
    `POST, per request (count × mean): ${calls("post")}`,
    `worker to the email, per request: ${calls("worker")}`,
    `states until the email (p50 ms, from the history's times): ${states.join(", ")}`,
  ].join("\n");
}

const emulators = await startEmulators();
try {
  let spans: CallSpan[] = [];
  const stack = await startBenchStack({
    endpoints: emulators.endpoints,
    workers: 1,
    members: PER_TYPE * REQUEST_TYPES.length + 8,
    sweepEveryMs: 600_000,
    trace: (span) => spans.push(span),
  });
  let next = 0;
  const claim = () => stack.members[next++]!;
  const byType = new Map<string, Legs[]>();
  // Warm-up: the first request of each type loads its code and opens connections.
  for (const type of REQUEST_TYPES)
    await drive(stack, { count: 1, concurrency: 1, types: [type], idleTimeoutMs: 30_000 }, claim);
  for (let i = 0; i < PER_TYPE * REQUEST_TYPES.length; i++) {
    const type = REQUEST_TYPES[i % REQUEST_TYPES.length]!;
    await new Promise((r) => setTimeout(r, GAP_MS));
    spans = [];
    const { records } = await drive(
      stack,
      { count: 1, concurrency: 1, types: [type], idleTimeoutMs: 30_000 },
      claim,
    );
    const r = records[0]!;
    if (!r.approvalEmailSeenAt) throw new Error(`${type}: no approval email (${r.errors})`);
    const legs = legsOf(type, spans, r.submitAt, r.submitAt + r.submitMs, r.approvalEmailSeenAt);
    const emailedAt = r.approvalEmailSeenAt - legs.legs["SendEmail → SES stored it"]!;
    legs.states = stateTimes(await readHistory(stack.observer, r.id), emailedAt);
    byType.set(type, [...(byType.get(type) ?? []), legs]);
    if (flags.timeline) {
      process.stdout.write(`\n${type}: ${round(legs.total, 1)} ms, POST ${r.submitMs} ms\n`);
      printTimeline(spans, r.submitAt, r.approvalEmailSeenAt);
    }
  }
  await stack.stop();
  process.stdout.write(
    `\n## All types (${PER_TYPE} each)\n\n${summary([...byType.values()].flat())}\n`,
  );
  for (const [type, legs] of byType) process.stdout.write(`\n## ${type}\n\n${summary(legs)}\n`);
} finally {
  await emulators.stop();
}

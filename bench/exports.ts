/**
 * Benchmark of the finance exports: streams 100,000 synthetic payouts to a SEPA pain.001
 * file and to a CSV file in the temp directory (deleted afterwards), timing each and
 * sampling the process RSS. Targets: under 10 s and 200 MB each.
 * Run alone with `npx tsx bench/exports.ts [rows]`; prints JSON.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { writePayoutCsv } from "../packages/core/src/payouts/csv";
import type { Batch, Payout } from "../packages/core/src/payouts/payout";
import { writeSepaCreditTransfers } from "../packages/core/src/payouts/sepa";

const IBANS = ["BE68539007547034", "FR1420041010050500013M02606", "DE89370400440532013000"];
const NAMES = ["Zoë Lefèvre-Dubœuf", "Jean D'Hondt & Fils", "Γιώργος Παπαδόπουλος", "王小明"];

export interface ExportFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  /** RSS when the export started: the process's own weight, to read the peak against. */
  startRssMb: number;
  fileMb: number;
}

const amountOf = (n: number) => 50_000 + ((n * 7919) % 2_450_000);

const batchOf = (rows: number): Batch => ({
  batchId: "BENCH-BATCH-1",
  fund: "solidarity",
  createdAt: "2020-04-02T04:00:00Z",
  payoutCount: rows,
  totalCents: Array.from({ length: rows }, (_, n) => amountOf(n)).reduce((a, b) => a + b, 0),
});

/** Synthetic payouts made one at a time, so the source holds no more than the export does. */
async function* payouts(rows: number, sample: () => void): AsyncGenerator<Payout> {
  for (let n = 0; n < rows; n++) {
    if (n % 1000 === 0) sample();
    yield {
      payoutId: `pay-${n}`,
      requestId: `req-${n}`,
      requestType: "cancelled-contract",
      fund: "solidarity",
      memberNumber: `M${n}`,
      beneficiaryName: `${NAMES[n % NAMES.length]} ${n}`,
      iban: IBANS[n % IBANS.length]!,
      bic: n % 2 === 0 ? "GEBABEBB" : undefined,
      amountCents: amountOf(n),
      reference: `ENT-${String(n).padStart(10, "0")}`,
      approvedBy: ["admin@example.org"],
      approvedAt: "2020-04-01T09:30:00.000Z",
      batchId: "BENCH-BATCH-1",
      status: "batched",
    };
  }
}

async function measure(
  rows: number,
  file: string,
  run: (source: AsyncIterable<Payout>, out: Writable) => Promise<unknown>,
): Promise<ExportFigures> {
  globalThis.gc?.();
  const start = process.memoryUsage.rss();
  let peak = start;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  // The interval catches what happens between payouts (stream flushes); the generator
  // samples too, in case a busy loop starves the timer.
  const timer = setInterval(sample, 10);
  const started = process.hrtime.bigint();
  try {
    await run(payouts(rows, sample), createWriteStream(file));
  } finally {
    clearInterval(timer);
  }
  sample();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const fileMb = (await stat(file)).size / 2 ** 20;
  return {
    rows,
    seconds: round(seconds),
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMb: round(peak / 2 ** 20),
    startRssMb: round(start / 2 ** 20),
    fileMb: round(fileMb),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Streams 100,000 payouts to SEPA XML and to CSV; returns time and peak RSS of each. */
export async function benchExports(
  rows = 100_000,
): Promise<{ sepa: ExportFigures; csv: ExportFigures }> {
  const batch = batchOf(rows);
  const dir = await mkdtemp(join(tmpdir(), "entraide-bench-"));
  try {
    const sepa = await measure(rows, join(dir, "batch.xml"), (source, out) =>
      writeSepaCreditTransfers(source, out, {
        batch,
        debtor: { name: "Smart Coop SCE", iban: "BE71096123456769", bic: "GKCCBEBB" },
        createdAt: "2020-04-02T04:00:00Z",
        requestedExecutionDate: "2020-04-03",
      }),
    );
    const csv = await measure(rows, join(dir, "batch.csv"), (source, out) =>
      writePayoutCsv(source, out, { batch }),
    );
    return { sepa, csv };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = process.argv[2] ? Number(process.argv[2]) : undefined;
  console.log(JSON.stringify(await benchExports(rows), null, 2));
}

import { createHash } from "node:crypto";
import * as z from "zod";
import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { type CsvLine, readCsv } from "../imports/csv";
import { formatCents } from "../money/cents";
import { parseEuros } from "../money/euros";
import { getLoan, type Loan } from "./loans";
import { sendSignal } from "./signals";

/** The columns of a repayments file (spec §9). */
export const REPAYMENT_COLUMNS = ["requestId", "date", "amountEuros"] as const;

/** The callback state of the loan workflow that records repayments. */
export const REPAYING_STATE = "repaying";

export type RepaymentOutcome = "applied" | "unchanged" | "refused";

export interface RepaymentLine {
  line: number;
  requestId?: string;
  outcome: RepaymentOutcome;
  repaymentId?: string;
  amountCents?: number;
  /** Why a line was refused, or a remark on an applied one (kept for the loan's next state). */
  reason?: string;
}

export interface RepaymentReport {
  dryRun: boolean;
  counts: Record<RepaymentOutcome, number>;
  lines: RepaymentLine[];
}

const Line = z.object({
  requestId: z.string().min(1, "the request id is missing"),
  date: z.iso.date("must be a date as YYYY-MM-DD"),
  amountEuros: z.string(),
});

/**
 * A repayment's id: the same line imported again has the same id, and a file that lists the
 * same repayment twice (two transfers of the same amount on the same day) keeps both apart
 * by their occurrence.
 */
export function repaymentId(
  requestId: string,
  date: string,
  amountCents: number,
  occurrence: number,
): string {
  return createHash("sha256")
    .update(`${requestId}\n${date}\n${amountCents}\n${occurrence}`)
    .digest("hex")
    .slice(0, 32);
}

/**
 * Imports loan repayments from CSV (`requestId,date,amountEuros`, `,` or `;`). Each line is
 * validated against the loan's data first: an unknown loan and an amount above what is still
 * outstanding are refused; a line already recorded is `unchanged`, so importing a file again
 * changes nothing. An accepted line is signalled to the loan's workflow (state `repaying`,
 * event `repayment`), which records it and replenishes the fund in one transaction: a line is
 * applied entirely or not at all. With `dryRun` nothing is sent and the report is the same.
 *
 * @throws EntraideError `import.invalid-file` when the file as a whole is unusable (nothing is sent).
 */
export async function importRepayments(
  deps: Deps,
  engine: Engine,
  content: Uint8Array,
  options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<RepaymentReport> {
  const dryRun = options.dryRun ?? false;
  const rows = readCsv(content, REPAYMENT_COLUMNS);
  const state: ImportState = { loans: new Map(), appliedHere: new Map(), occurrences: new Map() };
  const lines: RepaymentLine[] = [];
  // One line after the other: each one's check depends on what the lines before it repaid.
  for (const row of rows) {
    lines.push(await importLine(deps, engine, row, state, dryRun));
    options.onProgress?.(lines.length, rows.length);
  }
  const counts: Record<RepaymentOutcome, number> = { applied: 0, unchanged: 0, refused: 0 };
  for (const l of lines) counts[l.outcome]++;
  return { dryRun, counts, lines };
}

interface ImportState {
  loans: Map<string, Loan | undefined>;
  /** Cents applied by this import so far, per loan. */
  appliedHere: Map<string, number>;
  occurrences: Map<string, number>;
}

async function importLine(
  deps: Deps,
  engine: Engine,
  { line, cells, fieldCountError }: CsvLine,
  state: ImportState,
  dryRun: boolean,
): Promise<RepaymentLine> {
  const refused = (reason: string, extra: Partial<RepaymentLine> = {}): RepaymentLine => ({
    line,
    requestId: cells.requestId || undefined,
    outcome: "refused",
    reason,
    ...extra,
  });
  if (fieldCountError) return refused(fieldCountError);
  const parsed = Line.safeParse(cells);
  if (!parsed.success) {
    return refused(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; "));
  }
  const { requestId, date } = parsed.data;
  let amountCents: number;
  try {
    amountCents = parseEuros(parsed.data.amountEuros);
  } catch (error) {
    return refused(`amountEuros: ${(error as Error).message}`);
  }
  if (amountCents === 0) return refused("amountEuros: a repayment must be more than 0");
  const same = `${requestId}\n${date}\n${amountCents}`;
  const occurrence = (state.occurrences.get(same) ?? 0) + 1;
  state.occurrences.set(same, occurrence);
  const known = {
    requestId,
    repaymentId: repaymentId(requestId, date, amountCents, occurrence),
    amountCents,
  };
  if (!state.loans.has(requestId)) state.loans.set(requestId, await getLoan(deps, requestId));
  const loan = state.loans.get(requestId);
  if (!loan) {
    return refused(
      `no loan for request ${requestId} (unknown request, not a relaunch loan, or not paid out yet)`,
      known,
    );
  }
  if (loan.repaymentIds.has(known.repaymentId)) return { line, outcome: "unchanged", ...known };
  const outstanding = loan.outstandingCents - (state.appliedHere.get(requestId) ?? 0);
  if (amountCents > outstanding) {
    return refused(
      `overpayment: ${formatCents(amountCents)} euros, but only ${formatCents(outstanding)} euros are outstanding on this loan`,
      known,
    );
  }
  let reason: string | undefined;
  if (!dryRun) {
    const signal = await sendSignal(deps, engine, {
      executionId: requestId,
      state: REPAYING_STATE,
      payload: { event: "repayment", repaymentId: known.repaymentId, date, amountCents },
      once: `repayment#${known.repaymentId}`,
    });
    if (signal.outcome === "already-sent") {
      return {
        line,
        outcome: "unchanged",
        ...known,
        reason: "sent by an earlier import, not recorded by the loan yet",
      };
    }
    if (signal.outcome !== "delivered") {
      return refused(
        `the loan's workflow did not take it: ${signal.detail ?? signal.outcome}`,
        known,
      );
    }
    reason = signal.detail;
  }
  state.appliedHere.set(requestId, (state.appliedHere.get(requestId) ?? 0) + amountCents);
  return { line, outcome: "applied", ...known, reason };
}

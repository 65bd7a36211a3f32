import { addSeconds } from "../clock";
import { keys } from "../db/layout";
import { byPartition } from "../db/query";
import type { Deps } from "../deps";
import type { AtomicWrite } from "../engine/definition";
import type { Execution } from "../engine/execution";
import type { PlanConfig } from "../plan/config";
import type { RequestData } from "../requests/record";
import { mergeSmall } from "./privacy";

export const LOAN_STATES = ["onTime", "late", "repaid"] as const;
export type LoanState = (typeof LOAN_STATES)[number];

export interface LoanFigures {
  /** Loans disbursed (with a schedule); absent, with everything else, below `threshold`. */
  count?: number;
  /** Principal still to be repaid, when at least `threshold` loans are running. */
  outstandingCents?: number;
  /** Loans by state; small states are merged into `merged`. */
  states: Partial<Record<LoanState, number>>;
  merged?: { states: LoanState[]; count: number };
}

type Loan = NonNullable<RequestData["loan"]>;

/**
 * A loan is late when what it repaid does not cover the installments due before the overdue
 * delay (the day overdue notices go out); repaid when it covers the principal.
 */
export function loanState(loan: Loan, now: string, plan: PlanConfig): LoanState {
  if (loan.repaidCents >= loan.principalCents) return "repaid";
  const overdueBefore = addSeconds(now, -plan.loans.overdueAfterSeconds).slice(0, 10);
  const due = loan.schedule
    .filter((i) => i.dueDate < overdueBefore)
    .reduce((n, i) => n + i.amountCents, 0);
  return loan.repaidCents < due ? "late" : "onTime";
}

/** A loan as the report keeps it: small, so that every loan of a fund is read in a few pages. */
interface LoanSummary {
  principalCents: number;
  repaidCents: number;
  /**
   * Installments in order as `YYYY-MM-DD=cents` joined by `;`: one string attribute reads far
   * faster than lists of typed values, and 36 installments stay under a kilobyte.
   */
  installments: string;
}

/**
 * The summary of a loan execution's loan, put again with every transition that carries one
 * (disbursement, each repayment): the latest transition's copy is the loan as it is.
 */
export function loanSummaryWrite(next: Execution, fund: string): AtomicWrite | undefined {
  const loan = (next.data as RequestData).loan;
  if (!loan) return undefined;
  const summary: LoanSummary = {
    principalCents: loan.principalCents,
    repaidCents: loan.repaidCents,
    installments: loan.schedule.map((i) => `${i.dueDate}=${i.amountCents}`).join(";"),
  };
  return {
    item: {
      Put: {
        Item: { ...keys.loanSummary(fund, next.id), kind: "loan-summary", ...summary },
      },
    },
  };
}

/** Every disbursed loan of a fund: one query on its summaries' partition. */
async function* loans(deps: Deps, fund: string): AsyncGenerator<Loan> {
  for await (const item of byPartition(deps, keys.loanSummaryPartition(fund))) {
    const s = item as unknown as LoanSummary;
    yield {
      principalCents: s.principalCents,
      repaidCents: s.repaidCents,
      repayments: [],
      schedule: s.installments.split(";").map((part, i) => {
        const [dueDate = "", cents = "0"] = part.split("=");
        return { number: i + 1, dueDate, amountCents: Number(cents) };
      }),
    };
  }
}

/** Loans as the assembly sees them: how many, what is outstanding, on time, late, repaid. */
export async function loanFigures(
  deps: Deps,
  fund: string,
  plan: PlanConfig,
  now: string,
  threshold: number,
): Promise<LoanFigures> {
  const counts: Record<LoanState, number> = { onTime: 0, late: 0, repaid: 0 };
  let outstanding = 0;
  for await (const loan of loans(deps, fund)) {
    const state = loanState(loan, now, plan);
    counts[state]++;
    if (state !== "repaid") outstanding += loan.principalCents - loan.repaidCents;
  }
  const count = counts.onTime + counts.late + counts.repaid;
  if (count > 0 && count < threshold) return { states: {} };
  const { kept, merged } = mergeSmall(
    LOAN_STATES.map((state) => ({ state, size: counts[state] })),
    threshold,
  );
  return {
    count,
    outstandingCents: counts.onTime + counts.late >= threshold ? outstanding : undefined,
    states: Object.fromEntries(kept.map((k) => [k.state, k.size])),
    merged:
      merged.length > 0
        ? { states: merged.map((m) => m.state), count: merged.reduce((n, m) => n + m.size, 0) }
        : undefined,
  };
}

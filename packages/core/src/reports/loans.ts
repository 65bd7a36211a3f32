import { addSeconds } from "../clock";
import { indexes, keys } from "../db/layout";
import type { Deps } from "../deps";
import { LOAN_WORKFLOW } from "../finance/loans";
import { queryItems } from "../finance/query";
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
  const due = loan.schedule.filter((i) => i.dueDate < overdueBefore).reduce((n, i) => n + i.amountCents, 0);
  return loan.repaidCents < due ? "late" : "onTime";
}

/** Every disbursed loan's schedule and repayments: one projected query per execution status. */
async function* loans(deps: Deps): AsyncGenerator<Loan> {
  for (const status of ["running", "succeeded"] as const) {
    for await (const item of queryItems(deps, {
      IndexName: indexes.byStatus.name,
      KeyConditionExpression: "#pk = :pk",
      ProjectionExpression: "#data.#loan",
      ExpressionAttributeNames: { "#pk": indexes.byStatus.pk, "#data": "data", "#loan": "loan" },
      ExpressionAttributeValues: { ":pk": keys.executionStatusPartition(LOAN_WORKFLOW, status) },
    })) {
      const loan = (item.data as { loan?: Loan } | undefined)?.loan;
      if (loan) yield loan;
    }
  }
}

/** Loans as the assembly sees them: how many, what is outstanding, on time, late, repaid. */
export async function loanFigures(deps: Deps, plan: PlanConfig, now: string, threshold: number): Promise<LoanFigures> {
  const counts: Record<LoanState, number> = { onTime: 0, late: 0, repaid: 0 };
  let outstanding = 0;
  for await (const loan of loans(deps)) {
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
    merged: merged.length > 0 ? { states: merged.map((m) => m.state), count: merged.reduce((n, m) => n + m.size, 0) } : undefined,
  };
}

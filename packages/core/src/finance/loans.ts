import * as z from "zod";
import type { Deps } from "../deps";
import type { Execution } from "../engine/execution";
import { executionsInStatus } from "../engine/operations";
import { getExecution } from "../engine/store";

/** The workflow whose executions are relaunch loans. */
export const LOAN_WORKFLOW = "relaunch-loan";

/** What finance reads of a loan execution's data (the workflow owns the rest). */
const LoanData = z.object({
  request: z.object({ memberNumber: z.string() }).partial().optional(),
  loan: z.object({
    principalCents: z.number().int().positive(),
    schedule: z.array(
      z.object({ number: z.number().int(), dueDate: z.string(), amountCents: z.number().int() }),
    ),
    repaidCents: z.number().int().nonnegative().default(0),
    repayments: z
      .array(z.object({ repaymentId: z.string(), date: z.string(), amountCents: z.number().int() }))
      .default([]),
  }),
});

export interface Loan {
  requestId: string;
  memberNumber?: string;
  executionStatus: Execution["status"];
  principalCents: number;
  repaidCents: number;
  outstandingCents: number;
  schedule: { number: number; dueDate: string; amountCents: number }[];
  repaymentIds: Set<string>;
}

/** The loan an execution carries, once it has one (a loan request before its payout has none). */
export function loanOf(execution: Execution): Loan | undefined {
  if (execution.workflow !== LOAN_WORKFLOW) return undefined;
  const parsed = LoanData.safeParse(execution.data);
  if (!parsed.success) return undefined;
  const { loan, request } = parsed.data;
  return {
    requestId: execution.id,
    memberNumber: request?.memberNumber,
    executionStatus: execution.status,
    principalCents: loan.principalCents,
    repaidCents: loan.repaidCents,
    outstandingCents: loan.principalCents - loan.repaidCents,
    schedule: loan.schedule,
    repaymentIds: new Set(loan.repayments.map((r) => r.repaymentId)),
  };
}

/** The loan of request `requestId`, read consistently; undefined if there is no such loan. */
export async function getLoan(deps: Deps, requestId: string): Promise<Loan | undefined> {
  const execution = await getExecution(deps, requestId);
  return execution && loanOf(execution);
}

/** Every loan being repaid or repaid, oldest first within each. */
export async function* allLoans(deps: Deps): AsyncGenerator<Loan> {
  for (const status of ["running", "succeeded"] as const) {
    for await (const execution of executionsInStatus(deps, LOAN_WORKFLOW, status)) {
      const loan = loanOf(execution);
      if (loan) yield loan;
    }
  }
}

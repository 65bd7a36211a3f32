import type { CallbackResult } from "../engine/definition";
import { FundMovements } from "../funds/movements";
import { withRepayment } from "../loans/notices";
import type { RequestEvent } from "./events";
import type { RequestData } from "./record";

/**
 * The payout was written to a bank file: the member sees it under way. Only the first export
 * of a batch counts; a second file of the same batch changes nothing.
 */
export function exported(
  data: RequestData,
  payload: RequestEvent<"exported">,
): CallbackResult<never> {
  if (data.payout?.status === "exported" && data.payout.batchId === payload.batchId) return {};
  return {
    data: {
      status: "exported",
      payout: { ...data.payout!, status: "exported", batchId: payload.batchId },
    },
    events: [{ type: "Exported", detail: { batchId: payload.batchId } }],
  };
}

/**
 * A loan repayment recorded by finance: it reduces the outstanding principal and goes back to
 * the fund in the same transition. A repayment already recorded (same id) changes nothing.
 * Installments it covers are no longer late; once the principal is covered the loan is repaid.
 */
export function repayment(
  data: RequestData,
  payload: RequestEvent<"repayment">,
  fund: string,
  now?: string,
): CallbackResult<"repaid"> {
  const loan = data.loan;
  if (!loan) return {};
  const { repaymentId, date, amountCents } = payload;
  if (loan.repayments.some((r) => r.repaymentId === repaymentId)) return {};
  const next = withRepayment(loan, { repaymentId, date, amountCents });
  const done = next.repaidCents >= loan.principalCents;
  const cleared = (loan.overdue ?? []).length > 0 && (next.overdue ?? []).length === 0;
  return {
    data: { loan: next, status: done ? "repaid" : "repaying" },
    writes: [FundMovements.replenish(fund, "repaidCents", amountCents, now)],
    events: [
      { type: "RepaymentRecorded", detail: { amountCents, repaidCents: next.repaidCents } },
      ...(cleared ? [{ type: "OverdueCleared" }] : []),
    ],
    outcome: done ? "repaid" : undefined,
  };
}

/**
 * A client payment finance recorded (the ledger in finance/recoveries moved the money): the
 * follow-up notes it, and closes once the client owes nothing more.
 */
export function recovered(
  data: RequestData,
  payload: RequestEvent<"recovered">,
): CallbackResult<"recovered"> {
  const reference = payload.bankReference;
  const recovery = data.recovery ?? { reference: "", invitedAt: "" };
  if ((recovery.payments ?? []).includes(reference)) return {};
  const { recoveredCents, owedCents } = payload;
  return {
    data: {
      recovery: {
        ...recovery,
        recoveredCents,
        payments: [...(recovery.payments ?? []), reference],
      },
    },
    events: [
      {
        type: "RecoveryRecorded",
        detail: { amountCents: payload.amountCents, recoveredCents, owedCents },
      },
    ],
    outcome: recoveredCents >= owedCents ? "recovered" : undefined,
  };
}

import type { CallbackOutcome, Data } from "../engine/definition";
import { FundMovements } from "../funds/movements";
import { withRepayment } from "../loans/notices";
import type { RequestData } from "./record";

/**
 * The payout was written to a bank file: the member sees it under way. Only the first export
 * of a batch counts; a second file of the same batch changes nothing.
 */
export function exported(data: RequestData, payload: Data): CallbackOutcome {
  if (data.payout?.status === "exported" && data.payout.batchId === payload.batchId) return {};
  return {
    data: {
      status: "exported",
      payout: { ...data.payout!, status: "exported", batchId: String(payload.batchId) },
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
  payload: Data,
  table: string,
  fund: string,
  now?: string,
): CallbackOutcome {
  const loan = data.loan;
  if (payload.event !== "repayment" || !loan) return {};
  const repaymentId = String(payload.repaymentId);
  if (loan.repayments.some((r) => r.repaymentId === repaymentId)) return {};
  const amountCents = Number(payload.amountCents);
  const next = withRepayment(loan, { repaymentId, date: String(payload.date), amountCents });
  const done = next.repaidCents >= loan.principalCents;
  const cleared = (loan.overdue ?? []).length > 0 && (next.overdue ?? []).length === 0;
  return {
    data: { loan: next, status: done ? "repaid" : "repaying" },
    writes: [FundMovements.replenish(table, fund, "repaidCents", amountCents, now)],
    events: [
      { type: "RepaymentRecorded", detail: { amountCents, repaidCents: next.repaidCents } },
      ...(cleared ? [{ type: "OverdueCleared" }] : []),
    ],
    next: done ? "repaid" : undefined,
  };
}

/**
 * A client payment finance recorded (the ledger in finance/recoveries moved the money): the
 * follow-up notes it, and closes once the client owes nothing more.
 */
export function recovered(data: RequestData, payload: Data): CallbackOutcome {
  if (payload.event !== "recovered") return {};
  const reference = String(payload.bankReference);
  const recovery = data.recovery ?? { reference: "", invitedAt: "" };
  if ((recovery.payments ?? []).includes(reference)) return {};
  const recoveredCents = Number(payload.recoveredCents);
  const owedCents = Number(payload.owedCents);
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
        detail: { amountCents: Number(payload.amountCents), recoveredCents, owedCents },
      },
    ],
    next: recoveredCents >= owedCents ? "done" : undefined,
  };
}

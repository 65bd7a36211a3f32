import type { CallbackOutcome, Data } from "../engine/definition";
import { FundMovements } from "../funds/movements";
import type { RequestData } from "./record";

/**
 * A loan repayment recorded by finance: it reduces the outstanding principal and goes back to
 * the fund in the same transition. A repayment already recorded (same id) changes nothing.
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
  const repaidCents = loan.repaidCents + amountCents;
  const done = repaidCents >= loan.principalCents;
  return {
    data: {
      loan: {
        ...loan,
        repaidCents,
        repayments: [...loan.repayments, { repaymentId, date: String(payload.date), amountCents }],
      },
      status: done ? "repaid" : "repaying",
    },
    writes: [FundMovements.replenish(table, fund, "repaidCents", amountCents, now)],
    events: [{ type: "RepaymentRecorded", detail: { amountCents, repaidCents } }],
    next: done ? "done" : undefined,
  };
}

/** Money the client paid back for a cancellation: it returns to the fund and closes the follow-up. */
export function recovered(
  data: RequestData,
  payload: Data,
  table: string,
  fund: string,
  now?: string,
): CallbackOutcome {
  if (payload.event !== "recovered") return {};
  const amountCents = Number(payload.amountCents);
  return {
    data: { recovery: { ...data.recovery!, recoveredCents: amountCents } },
    writes: [FundMovements.replenish(table, fund, "recoveredCents", amountCents, now)],
    events: [{ type: "RecoveryRecorded", detail: { amountCents } }],
    next: "done",
  };
}

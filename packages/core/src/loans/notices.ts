import type { Installment } from "./schedule";

/** What a loan's execution carries: its schedule, what was repaid, and which notices went out. */
export interface LoanRecord {
  principalCents: number;
  schedule: Installment[];
  repaidCents: number;
  repayments: { repaymentId: string; date: string; amountCents: number }[];
  /** Installment numbers whose reminder, and whose overdue notice, were sent. */
  notices?: { reminded: number[]; overdue: number[] };
  /** Installments announced overdue and still not covered: the loan is late while non-empty. */
  overdue?: number[];
}

export interface CoveredInstallment extends Installment {
  paidCents: number;
  outstandingCents: number;
}

/**
 * The installments with what has been repaid applied to the oldest first: repayments cover
 * installment 1, then 2, and so on, whenever they arrived.
 */
export function coverage(schedule: Installment[], repaidCents: number): CoveredInstallment[] {
  let left = repaidCents;
  return schedule.map((i) => {
    const paidCents = Math.min(i.amountCents, left);
    left -= paidCents;
    return { ...i, paidCents, outstandingCents: i.amountCents - paidCents };
  });
}

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface NoticePlan {
  reminderBeforeDueSeconds: number;
  overdueAfterSeconds: number;
}

export interface DueNotice {
  kind: "reminder" | "overdue";
  installment: Installment;
}

const days = (s: number) => Math.round(s / 86_400);

/**
 * The notices due `today` that were not sent yet: a reminder from `reminderBeforeDue` before an
 * installment's due date until that date, an overdue notice from `overdueAfter` after it; none
 * for an installment already covered, and no late reminder once its overdue notice is due.
 */
export function dueNotices(loan: LoanRecord, today: string, plan: NoticePlan): DueNotice[] {
  const sent = loan.notices ?? { reminded: [], overdue: [] };
  const notices: DueNotice[] = [];
  for (const i of coverage(loan.schedule, loan.repaidCents)) {
    if (i.outstandingCents === 0) continue;
    const late = daysBetween(i.dueDate, today);
    const installment = { number: i.number, dueDate: i.dueDate, amountCents: i.amountCents };
    if (late >= days(plan.overdueAfterSeconds)) {
      if (!sent.overdue.includes(i.number)) notices.push({ kind: "overdue", installment });
    } else if (late <= 0 && -late <= days(plan.reminderBeforeDueSeconds)) {
      if (!sent.reminded.includes(i.number)) notices.push({ kind: "reminder", installment });
    }
  }
  return notices;
}

/** What is due and unpaid on `today`: every installment past its due date, less what covers it. */
export function dueUnpaidCents(loan: LoanRecord, today: string): number {
  return coverage(loan.schedule, loan.repaidCents)
    .filter((i) => i.dueDate < today)
    .reduce((sum, i) => sum + i.outstandingCents, 0);
}

/** The loan after `notices` went out: each recorded once, overdue installments marked late. */
export function withNotices(loan: LoanRecord, notices: DueNotice[]): LoanRecord {
  const sent = loan.notices ?? { reminded: [], overdue: [] };
  const numbers = (kind: DueNotice["kind"]) =>
    notices.filter((n) => n.kind === kind).map((n) => n.installment.number);
  const overdue = [...new Set([...(loan.overdue ?? []), ...numbers("overdue")])].sort(
    (a, b) => a - b,
  );
  return {
    ...loan,
    notices: {
      reminded: [...sent.reminded, ...numbers("reminder")],
      overdue: [...sent.overdue, ...numbers("overdue")],
    },
    overdue,
  };
}

/** The loan after a repayment: installments it covers are no longer late. */
export function withRepayment(
  loan: LoanRecord,
  repayment: { repaymentId: string; date: string; amountCents: number },
): LoanRecord {
  const repaidCents = loan.repaidCents + repayment.amountCents;
  const covered = new Set(
    coverage(loan.schedule, repaidCents)
      .filter((i) => i.outstandingCents === 0)
      .map((i) => i.number),
  );
  return {
    ...loan,
    repaidCents,
    repayments: [...loan.repayments, repayment],
    overdue: (loan.overdue ?? []).filter((n) => !covered.has(n)),
  };
}

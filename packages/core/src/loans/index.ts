/** Loans: the schedule of installments, repayments applied to them, the notices due. */
export {
  coverage,
  daysBetween,
  dueNotices,
  dueUnpaidCents,
  type LoanRecord,
  withNotices,
  withRepayment,
} from "./notices";
export { type Installment, loanSchedule } from "./schedule";

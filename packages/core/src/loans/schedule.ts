import * as z from "zod";
import { type PlanConfig, planConfig } from "../plan/config";

/** A relaunch loan as the schedule needs it, within the plan's ranges (§2 relaunch-loan). */
export const loanTermsOf = (plan: PlanConfig) => {
  const { amountCents, termMonths, graceMonths } = plan.types["relaunch-loan"];
  return z.object({
    principalCents: z.number().int().min(amountCents.min).max(amountCents.max),
    termMonths: z.number().int().min(termMonths.min).max(termMonths.max),
    graceMonths: z.number().int().min(graceMonths.min).max(graceMonths.max),
    /**
     * The calendar day the loan was paid out, in the cooperative's time zone: the caller turns
     * the payment instant into a local date, because "which day" depends on where you stand.
     */
    disbursedOn: z.iso.date(),
  });
};
export type LoanTerms = z.input<ReturnType<typeof loanTermsOf>>;

export interface Installment {
  /** 1 for the first installment. */
  number: number;
  /** ISO date (YYYY-MM-DD). */
  dueDate: string;
  amountCents: number;
}

/**
 * The repayment schedule of a 0% loan, with terms inside the plan's ranges: `termMonths` equal monthly installments rounded down
 * to the cent, the last one absorbing the remainder so that they add up to the principal
 * exactly. The first falls due one month after the grace period that follows disbursement
 * (disbursement + grace + 1 month), each next one a month later, on the disbursement's day
 * of the month or the month's last day when it is shorter (Jan 31 → Feb 28/29 → Mar 31).
 *
 * @example
 * loanSchedule({ principalCents: 100_000, termMonths: 6, graceMonths: 0, disbursedOn: "2020-01-31" })
 * // [{ number: 1, dueDate: "2020-02-29", amountCents: 16_666 }, …,
 * //  { number: 6, dueDate: "2020-07-31", amountCents: 16_670 }]
 */
export function loanSchedule(terms: LoanTerms, plan: PlanConfig = planConfig): Installment[] {
  const { principalCents, termMonths, graceMonths, disbursedOn } = loanTermsOf(plan).parse(terms);
  const regular = Math.floor(principalCents / termMonths);
  const last = principalCents - regular * (termMonths - 1);
  return Array.from({ length: termMonths }, (_, i) => ({
    number: i + 1,
    // Each date is counted from disbursement, not from the previous one, so a clamped
    // February does not pull every later date to the 28th.
    dueDate: addMonthsClamped(disbursedOn, graceMonths + i + 1),
    amountCents: i === termMonths - 1 ? last : regular,
  }));
}

/** Adds calendar months to an ISO date, clamping the day to the target month's length. */
export function addMonthsClamped(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0));
  target.setUTCDate(Math.min(day, lastDay.getUTCDate()));
  return target.toISOString().slice(0, 10);
}

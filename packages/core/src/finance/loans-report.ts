import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "../csv/neutralise";
import type { Deps } from "../deps";
import { coverage, daysBetween } from "../loans/notices";
import { formatCents } from "../money/cents";
import { isoDay } from "../requests/checks/context";
import { allLoans, type Loan } from "./loans";

/** One installment of one loan, with what of it has been repaid. */
export interface InstallmentLine {
  loan: string;
  member: string;
  number: number;
  dueDate: string;
  amountCents: number;
  paidCents: number;
  outstandingCents: number;
  /** Days since the due date of an installment still not covered; 0 when it is not late. */
  daysLate: number;
}

/** A loan's installments with repayments applied to the oldest first, as of `today`. */
export function installments(loan: Loan, today: string): InstallmentLine[] {
  return coverage(loan.schedule, loan.repaidCents).map((i) => ({
    loan: loan.requestId,
    member: loan.memberNumber ?? "",
    number: i.number,
    dueDate: i.dueDate,
    amountCents: i.amountCents,
    paidCents: i.paidCents,
    outstandingCents: i.outstandingCents,
    daysLate: i.outstandingCents > 0 ? Math.max(0, daysBetween(i.dueDate, today)) : 0,
  }));
}

/**
 * Every installment of every loan (running or repaid), as of today in Brussels; with
 * `overdue`, only those past their due date and not covered, the latest first.
 */
export async function loanSchedules(
  deps: Deps,
  options: { overdue?: boolean } = {},
): Promise<InstallmentLine[]> {
  const today = isoDay(deps.clock.now());
  const lines: InstallmentLine[] = [];
  for await (const loan of allLoans(deps)) lines.push(...installments(loan, today));
  return options.overdue
    ? lines.filter((l) => l.daysLate > 0).sort((a, b) => b.daysLate - a.daysLate)
    : lines;
}

export const SCHEDULE_CSV_COLUMNS = [
  "loan",
  "member",
  "installment",
  "due date",
  "amount",
  "paid",
  "outstanding",
  "days late",
];

/**
 * The schedules as CSV for finance: UTF-8 with BOM, `;` (amounts with a decimal comma) or `,`
 * (decimal dot), text cells neutralised against formula injection, amounts left as numbers.
 */
export function schedulesCsv(lines: InstallmentLine[], delimiter: ";" | "," = ";"): string {
  const decimal = delimiter === ";" ? "," : ".";
  const money = (cents: number) => formatCents(cents, decimal);
  return stringify(
    [
      SCHEDULE_CSV_COLUMNS,
      ...lines.map((l) => [
        neutraliseCell(l.loan),
        neutraliseCell(l.member),
        l.number,
        l.dueDate,
        money(l.amountCents),
        money(l.paidCents),
        money(l.outstandingCents),
        l.daysLate,
      ]),
    ],
    { bom: true, delimiter, record_delimiter: "windows" },
  );
}

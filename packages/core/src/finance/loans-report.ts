import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "../csv/neutralise";
import type { Deps } from "../deps";
import { formatCents } from "../money/cents";
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
}

/**
 * A loan's installments with repayments applied to the oldest first: what a member has repaid
 * covers installment 1, then 2, and so on.
 */
export function installments(loan: Loan): InstallmentLine[] {
  let repaid = loan.repaidCents;
  return loan.schedule.map((i) => {
    const paidCents = Math.min(i.amountCents, repaid);
    repaid -= paidCents;
    return {
      loan: loan.requestId,
      member: loan.memberNumber ?? "",
      number: i.number,
      dueDate: i.dueDate,
      amountCents: i.amountCents,
      paidCents,
      outstandingCents: i.amountCents - paidCents,
    };
  });
}

/** Every installment of every loan (running or repaid). */
export async function loanSchedules(deps: Deps): Promise<InstallmentLine[]> {
  const lines: InstallmentLine[] = [];
  for await (const loan of allLoans(deps)) lines.push(...installments(loan));
  return lines;
}

export const SCHEDULE_CSV_COLUMNS = ["loan", "member", "installment", "due date", "amount", "paid", "outstanding"];

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
      ]),
    ],
    { bom: true, delimiter, record_delimiter: "windows" },
  );
}

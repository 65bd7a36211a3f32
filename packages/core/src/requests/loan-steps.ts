import type { Deps } from "../deps";
import type { Step } from "../engine/definition";
import { EntraideError } from "../errors";
import { dueNotices, dueUnpaidCents, withNotices } from "../loans/notices";
import { loanSchedule } from "../loans/schedule";
import type { PlanConfig } from "../plan/config";
import { isoDay } from "./checks/context";
import { referenceOf } from "./payment-reference";
import { asRequest } from "./record";
import type { StepTools } from "./steps/tools";

/** The steps of a relaunch loan after its payout: the schedule, the notices, the end. */
export function createLoanSteps(
  deps: Deps,
  plan: PlanConfig,
  { toMember, statusLink }: Pick<StepTools, "toMember" | "statusLink">,
): Record<string, Step> {
  // Every loan email carries the member's status link, with the repayment details.
  const repayTo = (id: string) => {
    const debtor = deps.config.debtor;
    if (!debtor)
      throw new EntraideError(
        "config.debtor-missing",
        "the cooperative's account (debtor) is not configured",
      );
    return { ...statusLink(id), iban: debtor.iban, paymentReference: referenceOf(id) };
  };
  return {
    "start-loan": async (d, ctx) => {
      const data = asRequest(d);
      if (data.request.type !== "relaunch-loan")
        throw new EntraideError("loan.not-a-loan", "only relaunch loans are repaid");
      const disbursedOn = isoDay(new Date(data.payout?.paidAt ?? ctx.now.toISOString()));
      const principalCents = data.approvedAmountCents ?? data.amountCents;
      const schedule = loanSchedule(
        {
          principalCents,
          termMonths: data.request.termMonths,
          graceMonths: data.request.graceMonths,
          disbursedOn,
        },
        plan,
      );
      await toMember(ctx, data, "loan-schedule", {
        principalCents,
        installments: schedule,
        ...repayTo(ctx.executionId),
      });
      return {
        data: {
          status: "repaying",
          loan: {
            principalCents,
            schedule,
            repaidCents: 0,
            repayments: [],
            notices: { reminded: [], overdue: [] },
            overdue: [],
          },
        },
      };
    },

    // Runs every day the loan is repaid: what it sent is recorded in the loan, so each notice
    // goes out once whatever the number of runs; the effect name guards a run repeated after a crash.
    "watch-loan": async (d, ctx) => {
      const data = asRequest(d);
      const loan = data.loan;
      if (!loan) return {};
      const today = isoDay(ctx.now);
      const notices = dueNotices(loan, today, plan.loans);
      if (notices.length === 0) return {};
      const of = loan.schedule.length;
      for (const { kind, installment } of notices) {
        const base = { installment, of, ...repayTo(ctx.executionId) };
        if (kind === "reminder")
          await toMember(ctx, data, "installment-reminder", base, `reminder#${installment.number}`);
        else
          await toMember(
            ctx,
            data,
            "installment-overdue",
            { ...base, outstandingCents: dueUnpaidCents(loan, today) },
            `overdue#${installment.number}`,
          );
      }
      return {
        data: { loan: withNotices(loan, notices) },
        events: notices.map((n) => ({
          type: n.kind === "reminder" ? "InstallmentReminded" : "InstallmentOverdue",
          detail: { installment: n.installment.number, dueDate: n.installment.dueDate },
        })),
      };
    },

    "notify-repaid": async (d, ctx) => {
      const data = asRequest(d);
      const loan = data.loan!;
      await toMember(ctx, data, "loan-repaid", {
        ...statusLink(ctx.executionId),
        principalCents: loan.principalCents,
        repaidOn: loan.repayments.at(-1)?.date ?? isoDay(ctx.now),
      });
      return { data: { status: "repaid" }, events: [{ type: "Repaid" }] };
    },
  };
}

/**
 * How many daily looks a loan can need: the longest grace and term the plan allows, a month
 * counted as 31 days, and the overdue delay after the last due date.
 */
export function loanWatchDays(plan: PlanConfig): number {
  const loan = plan.types["relaunch-loan"];
  return (
    (loan.graceMonths.max + loan.termMonths.max + 1) * 31 +
    Math.ceil(plan.loans.overdueAfterSeconds / 86_400) +
    1
  );
}

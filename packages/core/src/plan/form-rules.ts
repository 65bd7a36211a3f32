import type { PlanConfig } from "./schema";

/**
 * The plan's windows, caps and rules as the request form shows them as hints and checks them
 * before sending, the same values the server's checks apply: `GET /api/plan` answers this,
 * computed from the running server's plan, so a form never speaks of another plan's limits.
 */
export function formRules(plan: PlanConfig) {
  return {
    crisisStart: plan.crisisStart,
    planWindow: plan.planWindow,
    aidCapCents: plan.types["emergency-aid"].capCents,
    aidPeriodDays: Math.round(plan.types["emergency-aid"].periodSeconds / 86_400),
    expensesCapCents: plan.types["incurred-expenses"].totalCapCents,
    /** The cancelled-contract daily cap and how hours and cachets weigh in it. */
    dailyCapCents: plan.types["cancelled-contract"].dailyWarnAboveCents,
    workDay: plan.types["cancelled-contract"].workDay,
  };
}

export type FormRules = ReturnType<typeof formRules>;

import type { CheckResult } from "../../request-view/reasons";
import type { CancelledContractRequest, RequestBody } from "../../request-view/schemas";
import { requestAmountCents } from "../amount";
import { dailyGrossCents, workDayUnits } from "../work-days";
import { allTypes, type Check, type CheckContext, resultsOf } from "./context";

const { pass, warn, fail } = resultsOf("amount-cap");

/**
 * Cancelled contracts: the gross per day of planned work above the cap only warns (§2). Hours
 * and cachets count as they are paid (`work-days.ts`), not as full days.
 */
function dailyRate(request: CancelledContractRequest, ctx: CheckContext): CheckResult {
  const { dailyWarnAboveCents: capCents, workDay } = ctx.plan.types["cancelled-contract"];
  const days = workDayUnits(request.workDays, workDay);
  const dailyCents = dailyGrossCents(request.grossAmountCents, request.workDays, workDay) ?? 0;
  const params = { dailyCents, capCents, days };
  return dailyCents > capCents
    ? warn("daily_rate_above_cap", params)
    : pass("daily_rate_ok", params);
}

function loanTerms(request: Extract<RequestBody, { type: "relaunch-loan" }>, ctx: CheckContext) {
  const { amountCents, termMonths, graceMonths } = ctx.plan.types["relaunch-loan"];
  if (request.amountCents < amountCents.min || request.amountCents > amountCents.max) {
    return fail("loan_amount_out_of_range", {
      amountCents: request.amountCents,
      minCents: amountCents.min,
      maxCents: amountCents.max,
    });
  }
  if (request.termMonths < termMonths.min || request.termMonths > termMonths.max) {
    return fail("loan_term_out_of_range", {
      months: request.termMonths,
      min: termMonths.min,
      max: termMonths.max,
    });
  }
  if (request.graceMonths < graceMonths.min || request.graceMonths > graceMonths.max) {
    return fail("loan_grace_out_of_range", {
      months: request.graceMonths,
      min: graceMonths.min,
      max: graceMonths.max,
    });
  }
  return pass("loan_terms_ok", { amountCents: request.amountCents });
}

/** The plan's caps and ranges for the request's type (§2). */
export const amountCap: Check = {
  name: "amount-cap",
  appliesTo: allTypes,
  run(request, ctx) {
    const types = ctx.plan.types;
    const amountCents = requestAmountCents(request);
    switch (request.type) {
      case "cancelled-contract":
        return dailyRate(request, ctx);
      case "incurred-expenses": {
        const capCents = types["incurred-expenses"].totalCapCents;
        const params = { amountCents, capCents };
        return amountCents > capCents
          ? fail("expenses_total_above_cap", params)
          : pass("amount_within_cap", params);
      }
      case "emergency-aid": {
        const capCents = types["emergency-aid"].capCents;
        const params = { amountCents, capCents };
        return amountCents > capCents
          ? fail("aid_above_cap", params)
          : pass("amount_within_cap", params);
      }
      case "relaunch-loan":
        return loanTerms(request, ctx);
      case "initiative-support": {
        const { min, max } = types["initiative-support"].amountCents;
        return amountCents < min || amountCents > max
          ? fail("initiative_amount_out_of_range", { amountCents, minCents: min, maxCents: max })
          : pass("amount_within_cap", { amountCents, capCents: max });
      }
    }
  },
};

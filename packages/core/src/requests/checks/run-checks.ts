import type { CheckOutcome, CheckResult } from "../../request-view/reasons";
import type { RequestBody } from "../../request-view/schemas";
import { activity } from "./activity";
import { amountCap } from "./amount-cap";
import { cancellationDate } from "./cancellation-date";
import type { Check, CheckContext } from "./context";
import { documentReuse } from "./document-reuse";
import { documents } from "./documents";
import { duplicates } from "./duplicates";
import { earlierRejection } from "./earlier-rejection";
import { expenseDates } from "./expense-dates";
import { iban } from "./iban";
import { membership } from "./membership";
import { sharedIban } from "./shared-iban";
import { unusualAmount } from "./unusual-amount";
import { workDates } from "./work-dates";

/** Every check, in the order approvers read them: justification first, risk flags last. */
export const checks: readonly Check[] = [
  membership,
  activity,
  iban,
  cancellationDate,
  workDates,
  expenseDates,
  amountCap,
  documents,
  duplicates,
  documentReuse,
  sharedIban,
  earlierRejection,
  unusualAmount,
];

export interface CheckReport {
  /** `fail` if any check failed, else `warn` if any warned, else `pass`. */
  outcome: CheckOutcome;
  results: CheckResult[];
}

/**
 * Runs the checks that apply to the request's type. Pure: the workflow step loads `ctx`
 * first, and may run this again on a redelivery with the same answer.
 *
 * @example
 * const report = runChecks(request, { ...loaded, plan: planConfig, today: isoDay(clock.now()) });
 * if (report.outcome === "fail") // ask the member for more info with the failing reasons
 */
export function runChecks(request: RequestBody, ctx: CheckContext): CheckReport {
  const results = checks
    .filter((c) => c.appliesTo.includes(request.type))
    .map((c) => c.run(request, ctx));
  const has = (outcome: CheckOutcome) => results.some((r) => r.outcome === outcome);
  return { outcome: has("fail") ? "fail" : has("warn") ? "warn" : "pass", results };
}

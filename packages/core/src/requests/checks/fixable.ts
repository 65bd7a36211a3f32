import type { CheckResult, ReasonCode } from "../../request-view/reasons";
import type { RequestBody } from "../../request-view/schemas";

/**
 * The request fields a failure names: what the member may correct in a needs-info answer.
 * A failure that no field can fix (an aid granted recently, an open loan) names none; the
 * member answers it with a comment or documents. Documents are always offered as uploads.
 */
const fieldsOfReason: Partial<Record<ReasonCode, readonly string[]>> = {
  member_unknown: ["memberNumber"],
  activity_unknown: ["activityId"],
  activity_not_member: ["activityId"],
  iban_invalid: ["iban"],
  cancellation_before_crisis: ["cancellationDate"],
  cancellation_in_future: ["cancellationDate"],
  work_date_outside_window: ["workDays"],
  overlapping_claim: ["workDays"],
  expense_after_cancellation: ["lines", "cancellationDate"],
  expenses_total_above_cap: ["lines"],
  duplicate_order: ["orderReference"],
  aid_above_cap: ["requestedAmountCents"],
  loan_amount_out_of_range: ["amountCents"],
  initiative_amount_out_of_range: ["requestedAmountCents", "tranches"],
  loan_term_out_of_range: ["termMonths"],
  loan_grace_out_of_range: ["graceMonths"],
};

/** The top-level fields of `request` that its failed checks name, in the form's order. */
export function fixableFields(request: RequestBody, results: readonly CheckResult[]): string[] {
  const named = new Set(
    results.filter((r) => r.outcome === "fail").flatMap((r) => fieldsOfReason[r.reason.code] ?? []),
  );
  return Object.keys(request).filter((k) => named.has(k));
}

/** The offered fields with their current values: what the answer form starts from. */
export function fixableValues(
  request: RequestBody,
  results: readonly CheckResult[],
): Record<string, unknown> {
  const values = request as unknown as Record<string, unknown>;
  return Object.fromEntries(fixableFields(request, results).map((k) => [k, values[k]]));
}

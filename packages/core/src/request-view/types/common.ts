import * as z from "zod";
import type { PlanConfig } from "../../plan/config";
import {
  activityId,
  type CustomIssueCode,
  custom,
  documentIds,
  email,
  iban,
  language,
  memberNumber,
} from "../fields";

/** Fields every request has (§8), whatever its type. */
export const commonFields = {
  language: language(),
  memberNumber: memberNumber(),
  email: email(),
  iban: iban(),
  /** The member agrees that the client may be asked to honour the cancellation costs (§6). */
  clientConsent: z.boolean().optional(),
};

/** The request's documents, bounded by the plan. */
export const documentsField = (plan: PlanConfig, min: number) =>
  documentIds(min, plan.documents.maxPerRequest);

/**
 * The Activity the work was done in, or `withoutActivity` for a member who invoices through the
 * cooperative without one (occasional freelancers, §2): one or the other, checked by
 * `refineActivityChoice`.
 */
export const activityChoiceFields = {
  activityId: activityId().optional(),
  withoutActivity: z.literal(true).optional(),
};

/** Adds a custom issue at `path`, worded by `messages.ts` from its `code`. */
export const issueAdder =
  (ctx: z.RefinementCtx) => (path: (string | number)[], code: CustomIssueCode, input: unknown) =>
    ctx.addIssue({ code: "custom", path, input, ...custom(code) });

/** An activity or the "without an Activity" choice, never neither nor both. */
export function refineActivityChoice(
  r: { activityId?: string; withoutActivity?: true },
  ctx: z.RefinementCtx,
): void {
  const issue = issueAdder(ctx);
  if (r.activityId === undefined && r.withoutActivity !== true)
    issue(["activityId"], "required", r.activityId);
  if (r.activityId !== undefined && r.withoutActivity === true)
    issue(["withoutActivity"], "activity_and_without_activity", r.withoutActivity);
}

import * as z from "zod";
import type { PlanConfig } from "../../plan/config";
import { activityId, multilineText } from "../fields";
import { commonFields, documentsField } from "./common";

export const loanPurposes = ["equipment", "training", "marketing", "other"] as const;

/**
 * §2 relaunch-loan: a 0% loan to restart an activity. The plan's ranges are enforced here so
 * the form answers at once; the `amount-cap` check verifies them again for the record.
 */
export const relaunchLoan = (plan: PlanConfig) => {
  const { amountCents, termMonths, graceMonths } = plan.types["relaunch-loan"];
  return z.strictObject({
    type: z.literal("relaunch-loan"),
    ...commonFields,
    activityId: activityId(),
    purpose: z.enum(loanPurposes),
    description: multilineText(2000, 10),
    amountCents: z.number().int().min(amountCents.min).max(amountCents.max),
    termMonths: z.number().int().min(termMonths.min).max(termMonths.max),
    graceMonths: z.number().int().min(graceMonths.min).max(graceMonths.max),
    documents: documentsField(plan, 1),
  });
};

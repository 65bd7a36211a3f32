import * as z from "zod";
import type { PlanConfig } from "../../plan/config";
import { cents, multilineText } from "../fields";
import { commonFields, documentsField } from "./common";

export const aidCategories = ["rent", "food", "health", "energy", "other"] as const;

/** Monthly income may be nothing at all, unlike the amounts asked for. */
const income = () => z.number().int().nonnegative();

/** §2 emergency-aid: case-by-case help for an urgent situation caused by the crisis. */
export const emergencyAid = (plan: PlanConfig) =>
  z.strictObject({
    type: z.literal("emergency-aid"),
    ...commonFields,
    category: z.enum(aidCategories),
    description: multilineText(2000, 10),
    incomeBeforeCents: income(),
    incomeAfterCents: income(),
    householdSize: z.number().int().min(1).max(20),
    requestedAmountCents: cents(),
    documents: documentsField(plan, 0).optional(),
  });

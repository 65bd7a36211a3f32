import * as z from "zod";
import type { PlanConfig } from "../../plan/config";
import { cents, client, documentId, isoDate, text } from "../fields";
import { activityChoiceFields, commonFields, documentsField, refineActivityChoice } from "./common";

/** One justified expense and its receipt. */
export const expenseLine = z.strictObject({
  date: isoDate(),
  description: text(300),
  amountCents: cents(),
  documentId: documentId(),
});
export type ExpenseLine = z.infer<typeof expenseLine>;

/**
 * §2 incurred-expenses: expenses spent on a client order that was then cancelled. A member who
 * invoices through the cooperative without an Activity says so with `withoutActivity`.
 */
export const incurredExpenses = (plan: PlanConfig) =>
  z
    .strictObject({
      type: z.literal("incurred-expenses"),
      ...commonFields,
      ...activityChoiceFields,
      client: client(),
      orderReference: text(100),
      cancellationDate: isoDate(),
      lines: z.array(expenseLine).min(1).max(50),
      /** Anything beyond the receipts, e.g. the client's cancellation. */
      documents: documentsField(plan, 0).optional(),
    })
    .superRefine(refineActivityChoice);

import * as z from "zod";
import type { PlanConfig } from "../../plan/config";
import { cents, client, custom, documentIds, isoDate, multilineText, text } from "../fields";
import {
  activityChoiceFields,
  commonFields,
  documentsField,
  issueAdder,
  refineActivityChoice,
} from "./common";

/**
 * A planned work day: a date alone is a full day; `hours` for a partial day; `cachets` for
 * French intermittents paid per performance (a date carries one or the other, not both).
 */
export const workDay = z
  .strictObject({
    date: isoDate(),
    hours: z.number().positive().max(24).multipleOf(0.25).optional(),
    cachets: z.number().int().min(1).max(3).optional(),
  })
  .refine((d) => d.hours === undefined || d.cachets === undefined, {
    ...custom("hours_and_cachets"),
    path: ["cachets"],
  });
export type WorkDay = z.infer<typeof workDay>;

export const basisValues = ["signed-contract", "quote", "negotiation"] as const;

/**
 * §2 cancelled-contract: work agreed with a client and cancelled by the crisis. A member who
 * invoices through the cooperative without an Activity (occasional freelancers) says so with
 * `withoutActivity` instead of giving an `activityId`. A promise justified by a negotiation
 * marks which documents are the correspondence with the client.
 */
export const cancelledContract = (plan: PlanConfig) =>
  z
    .strictObject({
      type: z.literal("cancelled-contract"),
      ...commonFields,
      ...activityChoiceFields,
      client: client(),
      basis: z.enum(basisValues),
      reference: text(100),
      workDays: z
        .array(workDay)
        .min(1)
        .max(366)
        .refine(
          (days) => new Set(days.map((d) => d.date)).size === days.length,
          custom("duplicate_date"),
        ),
      grossAmountCents: cents(),
      cancellationDate: isoDate(),
      cancellationReason: multilineText(2000),
      documents: documentsField(plan, 1),
      /** Which of `documents` are the correspondence with the client (required for a negotiation). */
      correspondenceDocuments: documentIds(0, plan.documents.maxPerRequest).optional(),
    })
    .superRefine((r, ctx) => {
      refineActivityChoice(r, ctx);
      const issue = issueAdder(ctx);
      const marked = r.correspondenceDocuments ?? [];
      if (r.basis === "negotiation" && marked.length === 0)
        issue(["correspondenceDocuments"], "correspondence_required", r.correspondenceDocuments);
      marked.forEach((id, i) => {
        if (!r.documents.includes(id))
          issue(["correspondenceDocuments", i], "correspondence_not_attached", id);
      });
    });

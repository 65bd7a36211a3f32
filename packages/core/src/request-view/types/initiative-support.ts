import * as z from "zod";
import type { PlanConfig } from "../../plan/config";
import { cents, custom, email, isoDate, memberNumber, multilineText, text } from "../fields";
import { commonFields, documentsField } from "./common";

/** A member of the project besides the lead applicant: confirms from the register's address. */
const coApplicant = () => z.strictObject({ memberNumber: memberNumber(), email: email() });

/** What a part of the budget is for, and what it costs. */
const budgetLine = () => z.strictObject({ label: text(200), amountCents: cents() });

/** One payment of the grant, due once its milestone is reached. */
const tranche = () =>
  z.strictObject({ milestone: text(500, 3), dueDate: isoDate(), amountCents: cents() });

/**
 * Press release §4, "Fonds d'appui aux initiatives": a project of one or more members (the
 * request's own member is the lead applicant, the others confirm from their own address), paid
 * in tranches, each against a milestone. The plan bounds the amount, duration and tranches.
 */
export const initiativeSupport = (plan: PlanConfig) => {
  const p = plan.types["initiative-support"];
  return z
    .strictObject({
      type: z.literal("initiative-support"),
      ...commonFields,
      coApplicants: z.array(coApplicant()).max(p.maxCoApplicants).optional(),
      title: text(120, 3),
      description: multilineText(4000, 10),
      beneficiaries: multilineText(1000, 3),
      budgetLines: z.array(budgetLine()).min(1).max(30),
      requestedAmountCents: z.number().int().min(p.amountCents.min).max(p.amountCents.max),
      durationMonths: z.number().int().min(p.durationMonths.min).max(p.durationMonths.max),
      tranches: z.array(tranche()).min(p.tranches.min).max(p.tranches.max),
      documents: documentsField(plan, 0).optional(),
    })
    .superRefine((r, ctx) => {
      const sum = r.tranches.reduce((total, t) => total + t.amountCents, 0);
      if (sum !== r.requestedAmountCents) {
        ctx.addIssue({
          code: "custom",
          path: ["tranches"],
          input: r.tranches,
          ...custom("tranches_sum"),
        });
      }
      r.tranches.forEach((t, i) => {
        const before = r.tranches[i - 1];
        if (before && t.dueDate <= before.dueDate) {
          ctx.addIssue({
            code: "custom",
            path: ["tranches", i, "dueDate"],
            input: t.dueDate,
            ...custom("tranche_dates_order"),
          });
        }
      });
      const seen = new Set([r.memberNumber]);
      const emails = new Set([r.email]);
      (r.coApplicants ?? []).forEach((c, i) => {
        if (seen.has(c.memberNumber) || emails.has(c.email)) {
          ctx.addIssue({
            code: "custom",
            path: ["coApplicants", i, "memberNumber"],
            input: c.memberNumber,
            ...custom("duplicate_applicant"),
          });
        }
        seen.add(c.memberNumber);
        emails.add(c.email);
      });
    });
};

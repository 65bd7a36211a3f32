import * as z from "zod";
import { type PlanConfig, planConfig } from "../plan/config";
import { documentContentTypes } from "../plan/vocabulary";
import { cents, custom, documentIds, fileName, multilineText } from "./fields";
import { cancelledContract } from "./types/cancelled-contract";
import { emergencyAid } from "./types/emergency-aid";
import { incurredExpenses } from "./types/incurred-expenses";
import { initiativeSupport } from "./types/initiative-support";
import { relaunchLoan } from "./types/relaunch-loan";

/** An approver's decision as the API takes it, and as the workflow's `decision` event carries it. */
export const decisionFields = z.strictObject({
  decision: z.enum(["approve", "reject", "request-info"]),
  amountCents: cents().optional(),
  comment: multilineText(2000).optional(),
});

/**
 * The zod schemas of every body of §8, built for a plan (its loan ranges, document limits).
 * All objects are strict: an unknown field is an error, not silently dropped.
 */
export function createSchemas(plan: PlanConfig) {
  const request = z.discriminatedUnion("type", [
    cancelledContract(plan),
    incurredExpenses(plan),
    emergencyAid(plan),
    relaunchLoan(plan),
    initiativeSupport(plan),
  ]);

  /** `POST /api/documents`: what the browser is about to upload. */
  const documentUpload = z.strictObject({
    fileName: fileName(),
    contentType: z
      .enum(documentContentTypes)
      .refine((t) => plan.documents.allowedContentTypes.includes(t), {
        ...custom("invalid_content_type"),
      }),
    size: z.number().int().min(1).max(plan.documents.maxBytes),
  });

  /**
   * `POST /api/requests/{id}/info`: the member's answer to a `needs-info`. `corrections` holds
   * new values of the fields the failed checks name; they are validated against the request's
   * own schema by `answerInfo`, which knows the request.
   */
  const infoAnswer = z
    .strictObject({
      comment: multilineText(2000).optional(),
      documents: documentIds(0, plan.documents.maxPerRequest).optional(),
      corrections: z.record(z.string(), z.unknown()).optional(),
    })
    .refine(
      (a) =>
        a.comment !== undefined ||
        (a.documents?.length ?? 0) > 0 ||
        Object.keys(a.corrections ?? {}).length > 0,
      { ...custom("empty_answer"), path: ["comment"] },
    );

  /** `POST /api/decisions`: an approver's decision; a refusal or a question says why. */
  const decision = decisionFields.superRefine((d, ctx) => {
    if (d.decision !== "approve" && d.comment === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        input: d.comment,
        ...custom("comment_required"),
      });
    }
    if (d.decision !== "approve" && d.amountCents !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["amountCents"],
        input: d.amountCents,
        ...custom("amount_only_on_approval"),
      });
    }
  });

  /** `POST /api/votes`: a committee member's vote, or their declaration of a conflict of interest. */
  const vote = z
    .strictObject({
      vote: z.enum(["approve", "reject", "abstain"]).optional(),
      conflict: z.literal(true).optional(),
      comment: multilineText(2000).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.vote === undefined && v.conflict === undefined)
        ctx.addIssue({ code: "custom", path: ["vote"], input: v.vote, ...custom("required") });
      if (v.vote !== undefined && v.conflict !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["conflict"],
          input: v.conflict,
          ...custom("vote_or_conflict"),
        });
    });

  return { request, documentUpload, infoAnswer, decision, vote };
}

/** The schemas for the default plan. */
export const schemas = createSchemas(planConfig);

export type RequestBody = z.infer<typeof schemas.request>;
export type RequestOf<T extends RequestBody["type"]> = Extract<RequestBody, { type: T }>;
export type CancelledContractRequest = RequestOf<"cancelled-contract">;
export type IncurredExpensesRequest = RequestOf<"incurred-expenses">;
export type EmergencyAidRequest = RequestOf<"emergency-aid">;
export type RelaunchLoanRequest = RequestOf<"relaunch-loan">;
export type InitiativeSupportRequest = RequestOf<"initiative-support">;
export type DocumentUpload = z.infer<typeof schemas.documentUpload>;
export type InfoAnswer = z.infer<typeof schemas.infoAnswer>;
export type Decision = z.infer<typeof schemas.decision>;
export type VoteInput = z.infer<typeof schemas.vote>;

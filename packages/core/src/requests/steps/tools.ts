import { addSeconds } from "../../clock";
import { languagesOf } from "../../contacts/language";
import type { Deps } from "../../deps";
import { documentNames } from "../../documents/documents";
import type { CallbackResult, StepContext, TokenOptions } from "../../engine/definition";
import { EntraideError } from "../../errors";
import { getMember } from "../../members/register";
import { decisionTokenKey } from "../../notifications/decision-tokens";
import { replyAddress } from "../../notifications/replies/reply-token";
import type { TemplateName, TemplateParams } from "../../notifications/templates/index";
import type { PlanConfig } from "../../plan/config";
import { memberOnce } from "../activity-of";
import { correspondenceIdsOf, documentIdsOf } from "../amount";
import { notify } from "../notify";
import type { RequestData } from "../record";
import type { Language } from "../request-types";
import { statusToken } from "../status-token";

/**
 * What a callback answer does to a request (data, events, writes) without where it leads: the
 * workflow definition names each outcome beside the event that takes it.
 */
export type CallbackEffect = Omit<CallbackResult, "outcome">;

export type ApprovalParams = TemplateParams<"approval-request"> & { replyTo?: string };

/** The dates approvers look at: work days, expense dates, the cancellation. */
function datesOf(r: RequestData["request"]): string[] {
  if (r.type === "cancelled-contract")
    return [...r.workDays.map((w) => w.date), r.cancellationDate];
  if (r.type === "incurred-expenses") return [...r.lines.map((l) => l.date), r.cancellationDate];
  return [];
}

/** What the steps of every phase use to write to members and approvers. */
export function createStepTools(deps: Deps, plan: PlanConfig) {
  const statusLink = (id: string) => ({
    publicUrl: deps.config.publicUrl,
    requestId: id,
    statusToken: statusToken(deps.config.tokenSecret, id),
  });
  const toMember = <N extends TemplateName>(
    ctx: StepContext,
    data: RequestData,
    template: N,
    params: TemplateParams<N>,
    /** Distinguishes emails of the same template within one state visit (one per installment). */
    name: string = template,
  ) =>
    ctx.effect(name, () =>
      notify(deps, { template, to: data.request.email, language: data.language, params }),
    );

  /** What approvers see of a request; its documents open through the decision page. */
  /** `read`: the invocation's register reads (StepContext.read), when the caller has them. */
  const summary = async (
    id: string,
    data: RequestData,
    read: StepContext["read"] = (_key, load) => load(),
  ) => {
    const r = data.request;
    const member = await memberOnce(deps, read, r.memberNumber);
    const ids = documentIdsOf(r);
    const correspondence = correspondenceIdsOf(r);
    const documents = (await documentNames(deps, ids, read)).map((doc) => ({
      ...doc,
      correspondence: correspondence.has(doc.documentId),
    }));
    return {
      requestId: id,
      type: r.type,
      memberNumber: r.memberNumber,
      memberName: member && `${member.firstName} ${member.lastName}`,
      amountCents: data.amountCents,
      dates: datesOf(r),
      request: r,
      answers: (data.infoAnswers ?? []).map((a) => ({ at: a.at, comment: a.comment })),
      description:
        "description" in r
          ? r.description
          : "cancellationReason" in r
            ? r.cancellationReason
            : undefined,
      checks: data.checks?.results ?? [],
      documents,
    };
  };

  /**
   * Tokens and emails for each approver: links open the decision page, replies decide too.
   * Each email (`mailing`: the request, each reminder, the escalation) carries links of its
   * own, valid for the plan's token validity from that email. Earlier links of the same
   * approver stay valid until their own expiry: they reach the same mailbox, each is single
   * use, and an approver's decision counts once per round whichever link carries it, so
   * superseding them would only break the link an approver happens to open.
   */
  const askApprovers = async (
    ctx: StepContext,
    data: RequestData,
    emails: string[],
    role: string,
    mailing: string,
    send: (to: string, params: ApprovalParams, language: Language) => Promise<string>,
  ) => {
    const base = await summary(ctx.executionId, data, ctx.read);
    const expiresAt = addSeconds(ctx.now.toISOString(), plan.approvals.tokenValiditySeconds);
    // Each approver reads it in the language the registers give them: one read for all of them.
    // One approver after the other, so the first email leaves as soon as it can.
    const languageOf = languagesOf(deps, emails);
    for (const email of emails) {
      const options = { meta: { email, role }, expiresAt };
      const [token, replyToken] = await decisionLinks(ctx, "approver", email, mailing, options);
      await ctx.effect(`${role}:${email}`, async () =>
        send(
          email,
          {
            ...base,
            publicUrl: deps.config.publicUrl,
            token,
            requiredApprovals: data.routing?.requiredApprovals ?? 1,
            replyTo: replyAddress(deps.config.replyTo, replyToken),
          },
          await languageOf(email),
        ),
      );
    }
  };
  const toApprover = <
    N extends "approval-request" | "approval-reminder" | "approval-escalation" | "vote-chair",
  >(
    to: string,
    template: N,
    params: TemplateParams<N> & { replyTo?: string },
    language: Language,
  ) => notify(deps, { template, to, language, params, replyTo: params.replyTo });

  return { statusLink, toMember, summary, askApprovers, toApprover };
}

export type StepTools = ReturnType<typeof createStepTools>;

/** An approver's or voter's two links for a mailing, issued side by side: the page's, the reply's. */
export function decisionLinks(
  ctx: StepContext,
  kind: "approver" | "voter",
  email: string,
  mailing: string,
  options: TokenOptions,
): Promise<[string, string]> {
  return Promise.all([
    ctx.issueToken(decisionTokenKey(kind, email, mailing), options),
    ctx.issueToken(decisionTokenKey("reply", email, mailing), options),
  ]);
}

/** The member as the register knows them now: the address that confirms or disputes. */
export async function registeredMember(deps: Deps, data: RequestData) {
  const member = await getMember(deps, data.request.memberNumber);
  if (!member)
    throw new EntraideError(
      "member.unknown",
      `member ${data.request.memberNumber} is no longer in the register`,
    );
  return member;
}

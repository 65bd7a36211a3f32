import { addSeconds } from "../clock";
import { getCommittee } from "../committees/committee";
import { languageOf } from "../contacts/language";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import { documentNames } from "../documents/documents";
import type { Step, StepContext } from "../engine/definition";
import { EntraideError } from "../errors";
import { FundMovements } from "../funds/movements";
import { getMember } from "../members/register";
import { replyAddress } from "../notifications/replies/reply-token";
import type { TemplateName, TemplateParams } from "../notifications/templates/index";
import type { Payout } from "../payouts/payout";
import { createPayout } from "../payouts/records";
import { committeeOfGroup } from "../plan/approvals";
import type { PlanConfig } from "../plan/config";
import { activityOnce, memberOnce } from "./activity-of";
import { correspondenceIdsOf, documentIdsOf } from "./amount";
import { loadCheckContext } from "./check-context";
import { isoDay } from "./checks/context";
import { renderReason } from "./checks/reasons";
import { runChecks } from "./checks/run-checks";
import { decisionTokenKey } from "./decision-tokens";
import { createLoanSteps } from "./loan-steps";
import { createVoteSteps, voteFor } from "./vote-steps";
import { notify } from "./notify";
import { referenceNumberOf } from "./payment-reference";
import { createPayoutAccountSteps } from "./payout-account-steps";
import { paidTranche, payoutCentsOf, projectRecord } from "./project";
import { createProjectSteps, projectGrant } from "./project-steps";
import { asRequest, type RequestData } from "./record";
import { approverGroupOf, routeApproval } from "./routing";
import { statusToken } from "./status-token";

type ApprovalParams = TemplateParams<"approval-request"> & { replyTo?: string };

/** The dates approvers look at: work days, expense dates, the cancellation. */
function datesOf(r: RequestData["request"]): string[] {
  if (r.type === "cancelled-contract")
    return [...r.workDays.map((w) => w.date), r.cancellationDate];
  if (r.type === "incurred-expenses") return [...r.lines.map((l) => l.date), r.cancellationDate];
  return [];
}

/** The steps of the request workflows, built with their dependencies (the Temporal pattern). */
export function createRequestSteps(deps: Deps, plan: PlanConfig): Record<string, Step> {
  const table = deps.config.table;
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
    const documents = (await documentNames(deps, ids)).map((doc) => ({
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
    send: (to: string, params: ApprovalParams) => Promise<string>,
  ) => {
    const base = await summary(ctx.executionId, data, ctx.read);
    const expiresAt = addSeconds(ctx.now.toISOString(), plan.approvals.tokenValiditySeconds);
    for (const email of emails) {
      const options = { meta: { email, role }, expiresAt };
      const token = await ctx.issueToken(decisionTokenKey("approver", email, mailing), options);
      const replyToken = await ctx.issueToken(decisionTokenKey("reply", email, mailing), options);
      await ctx.effect(`${role}:${email}`, () =>
        send(email, {
          ...base,
          publicUrl: deps.config.publicUrl,
          token,
          requiredApprovals: data.routing?.requiredApprovals ?? 1,
          replyTo: replyAddress(deps.config.replyTo, replyToken),
        }),
      );
    }
  };
  const toApprover = <
    N extends "approval-request" | "approval-reminder" | "approval-escalation" | "vote-chair",
  >(
    to: string,
    template: N,
    params: TemplateParams<N> & { replyTo?: string },
  ) =>
    // Each approver reads it in the language the registers give them.
    languageOf(deps, to).then((language) =>
      notify(deps, { template, to, language, params, replyTo: params.replyTo }),
    );

  /** The client's invitation to honour the cancellation costs, when they gave an email and the member consented. */
  const recoveryParams = async (id: string, data: RequestData) => {
    const r = data.request;
    const debtor = deps.config.debtor;
    if (!("client" in r) || !r.client.email || r.clientConsent !== true || !debtor)
      return undefined;
    const member = await getMember(deps, r.memberNumber);
    return {
      to: r.client.email,
      params: {
        clientName: r.client.name,
        memberName: member ? `${member.firstName} ${member.lastName}` : r.memberNumber,
        workReference: r.type === "cancelled-contract" ? r.reference : r.orderReference,
        cancellationDate: r.cancellationDate,
        amountCents: data.approvedAmountCents ?? data.amountCents,
        iban: debtor.iban,
        clientCountry: member?.country ?? "BE",
        referenceNumber: referenceNumberOf(id),
      },
    };
  };

  /** The payout of an approved request (or of one tranche of a project), as finance pays it. */
  const payoutOf = async (
    ctx: StepContext,
    data: RequestData,
    ids: { payoutId: string; reference: string; tranche?: Payout["tranche"] },
    amountCents: number,
  ): Promise<Payout> => {
    const r = data.request;
    const member = await memberOnce(deps, ctx.read, r.memberNumber);
    return {
      ...ids,
      requestId: ctx.executionId,
      requestType: r.type,
      fund: plan.types[r.type].fund,
      memberNumber: r.memberNumber,
      beneficiaryName: member ? `${member.firstName} ${member.lastName}` : r.email,
      iban: r.iban,
      amountCents,
      approvedBy: data.approvedBy ?? [],
      approvedAt: data.approvedAt ?? ctx.now.toISOString(),
      status: "scheduled",
    };
  };

  return {
    ...createProjectSteps(deps, plan, { statusLink, toMember, payout: payoutOf }),
    ...createPayoutAccountSteps(deps, plan, {
      statusLink,
      toMember,
      askApprovers: (ctx, data, warnings) =>
        askApprovers(
          ctx,
          { ...data, checks: { outcome: "warn", results: warnings } },
          data.routing?.approvers ?? [],
          "approver",
          "iban-approval",
          (to, p) => toApprover(to, "approval-request", p),
        ),
    }),
    ...createLoanSteps(deps, plan, toMember, statusLink),
    ...createVoteSteps(deps, plan, {
      summary,
      replyAddress: (token) => replyAddress(deps.config.replyTo, token),
      askChair: (ctx, data, chair, committee, tally) =>
        askApprovers(ctx, data, [chair], "chair", "vote-chair", (to, p) =>
          toApprover(to, "vote-chair", { ...p, committee, tally }),
        ),
    }),
    receive: async (d, ctx) => {
      const data = asRequest(d);
      await toMember(ctx, data, "request-received", {
        ...statusLink(ctx.executionId),
        type: data.request.type,
        amountCents: data.amountCents,
      });
      return { data: { status: "received" }, events: [{ type: "Received" }] };
    },

    check: async (d, ctx) => {
      const data = asRequest(d);
      const context = await loadCheckContext(deps, ctx.executionId, data, plan, ctx.read);
      const { outcome, results } = runChecks(data.request, context);
      return {
        data: { status: "checking", checks: { outcome, results } },
        events: [{ type: "ChecksCompleted", detail: { outcome } }],
      };
    },

    "ask-info": async (d, ctx) => {
      const data = asRequest(d);
      const failing = (data.checks?.results ?? []).filter((r) => r.outcome === "fail");
      const message =
        data.infoRequest?.message ??
        failing.map((r) => renderReason(r.reason, data.language)).join("\n");
      const infoRequest = {
        message,
        requestedAt: data.infoRequest?.requestedAt ?? ctx.now.toISOString(),
        by: data.infoRequest?.by,
      };
      const answerBy = isoDay(
        new Date(Date.parse(infoRequest.requestedAt) + plan.needsInfo.expiresAfterSeconds * 1000),
      );
      await toMember(ctx, data, "info-needed", {
        ...statusLink(ctx.executionId),
        message: data.infoRequest?.message,
        checks: failing,
        answerBy,
      });
      return { data: { status: "needs-info", infoRequest }, events: [{ type: "InfoRequested" }] };
    },

    "remind-info": async (d, ctx) => {
      const data = asRequest(d);
      const requestedAt = data.infoRequest?.requestedAt ?? ctx.now.toISOString();
      const answerBy = isoDay(
        new Date(Date.parse(requestedAt) + plan.needsInfo.expiresAfterSeconds * 1000),
      );
      const checks = (data.checks?.results ?? []).filter((r) => r.outcome === "fail");
      await toMember(ctx, data, "info-reminder", {
        ...statusLink(ctx.executionId),
        message: data.infoRequest?.by ? data.infoRequest.message : undefined,
        checks,
        answerBy,
      });
      return {};
    },

    // Routing is committed before any token or email exists, so a decision arriving while the
    // emails go out already knows how many approvals the request needs.
    route: async (d, ctx) => {
      const data = asRequest(d);
      const r = data.request;
      const committee = committeeOfGroup(approverGroupOf(r, plan), plan.committees);
      const [member, activity, members] = await Promise.all([
        memberOnce(deps, ctx.read, r.memberNumber),
        activityOnce(deps, ctx.read, r),
        committee ? getCommittee(deps, committee) : undefined,
      ]);
      const routing = routeApproval({
        request: r,
        memberEmail: member?.email,
        activity,
        committees: committee ? { [committee]: members } : {},
        plan,
      });
      if (routing.status === "needs-operations") {
        throw new EntraideError(
          "routing.not-enough-approvers",
          `only ${routing.reason.params.eligible} eligible approvers, ${routing.reason.params.required} needed`,
        );
      }
      const round = (data.round ?? 0) + 1;
      const policy = plan.types[r.type].approval;
      // A vote opens with its voters and deadline in the same commit, before any vote link exists.
      const vote =
        policy.kind === "committee-vote"
          ? await voteFor(deps, policy, {
              data,
              approvers: routing.approvers,
              registered: member?.email,
              round,
              now: ctx.now,
            })
          : undefined;
      return {
        data: {
          status: "awaiting-approval",
          routing,
          round,
          remindersSent: 0,
          escalatedAt: undefined,
          vote,
        },
        events: [
          {
            type: "ApprovalRequested",
            detail: { approvers: routing.approvers.length, required: routing.requiredApprovals },
          },
        ],
      };
    },

    "request-approval": async (d, ctx) => {
      const data = asRequest(d);
      await askApprovers(ctx, data, data.routing?.approvers ?? [], "approver", "request", (to, p) =>
        toApprover(to, "approval-request", p),
      );
      return { data: { approvalAskedAt: ctx.now.toISOString() } };
    },

    // Numbered by the calendar: a reminder timer that fires late (the clock moved past several
    // of them at once, a stopped stack) says where the round stands, once, and none follows
    // the escalation, so approvers read 1/3, 2/3, 3/3, then the backups are asked.
    "remind-approvers": async (d, ctx) => {
      const data = asRequest(d);
      const round = data.round ?? 1;
      const decided = new Set(
        (data.decisions ?? []).filter((x) => x.round === round).map((x) => x.approver),
      );
      const { reminderCount: of, reminderEverySeconds } = plan.approvals;
      const sent = data.remindersSent ?? 0;
      if (data.escalatedAt || sent >= of) return {};
      const askedAt = data.approvalAskedAt ? Date.parse(data.approvalAskedAt) : Number.NaN;
      const due = Math.floor((ctx.now.getTime() - askedAt) / (reminderEverySeconds * 1000));
      const reminder = Math.min(of, Number.isFinite(due) ? Math.max(sent + 1, due) : sent + 1);
      await askApprovers(
        ctx,
        data,
        (data.routing?.approvers ?? []).filter((a) => !decided.has(a)),
        "approver",
        `reminder-${reminder}`,
        (to, p) => toApprover(to, "approval-reminder", { ...p, reminder, of }),
      );
      return { data: { remindersSent: reminder } };
    },

    escalate: async (d, ctx) => {
      const data = asRequest(d);
      const waitingDays = Math.round(plan.approvals.escalateAfterSeconds / 86_400);
      const approvers = data.routing?.approvers ?? [];
      await askApprovers(ctx, data, data.routing?.backups ?? [], "backup", "escalation", (to, p) =>
        toApprover(to, "approval-escalation", { ...p, approvers, waitingDays }),
      );
      return {
        data: { escalatedAt: ctx.now.toISOString() },
        events: [{ type: "Escalated", detail: { backups: data.routing?.backups.length ?? 0 } }],
      };
    },

    grant: async (d, ctx) => {
      const data = asRequest(d);
      const fund = plan.types[data.request.type].fund;
      // A project reserves all its tranches and pays its first; any other request pays at once.
      const project = data.request.type === "initiative-support" ? projectGrant(data, ctx.executionId) : undefined;
      const amount = data.approvedAmountCents ?? data.amountCents;
      const ids = project?.ids ?? {
        payoutId: ctx.executionId,
        reference: `ENT${ctx.executionId.replace(/-/g, "").slice(0, 24).toUpperCase()}`,
      };
      const reserved = project?.reserveCents ?? amount;
      const payout = await payoutOf(ctx, data, ids, project?.payoutCents ?? amount);
      return {
        data: {
          status: "scheduled",
          ...(project ? { project: project.project } : {}),
          payout: {
            payoutId: payout.payoutId,
            reference: payout.reference,
            status: "scheduled",
            approvedAt: payout.approvedAt,
          },
        },
        writes: [
          FundMovements.reserve(table, fund, reserved, ctx.now.toISOString()),
          createPayout(table, payout),
          {
            item: {
              Delete: {
                TableName: table,
                Key: keys.awaitingFunds(fund, payout.approvedAt, ctx.executionId),
              },
            },
          },
        ],
        events: [{ type: "FundsReserved", detail: { fund, amountCents: reserved } }],
      };
    },

    "await-funds": async (d, ctx) => {
      const data = asRequest(d);
      const fund = plan.types[data.request.type].fund;
      const key = keys.awaitingFunds(
        fund,
        data.approvedAt ?? ctx.now.toISOString(),
        ctx.executionId,
      );
      return {
        data: { status: "awaiting-funds" },
        writes: [
          {
            item: {
              Put: {
                TableName: table,
                Item: {
                  ...key,
                  requestId: ctx.executionId,
                  amountCents: data.approvedAmountCents ?? data.amountCents,
                },
              },
            },
          },
        ],
        events: [{ type: "AwaitingFunds", detail: { fund } }],
      };
    },

    "notify-approved": async (d, ctx) => {
      // Back in `payout` after a corrected IBAN: the member was told of the approval already.
      if (ctx.visit > 1) return {};
      const data = asRequest(d);
      const amountCents = data.approvedAmountCents ?? data.amountCents;
      await toMember(ctx, data, "request-approved", {
        ...statusLink(ctx.executionId),
        type: data.request.type,
        amountCents,
        requestedCents: amountCents < data.amountCents ? data.amountCents : undefined,
      });
      return {};
    },

    "notify-payout-failed": async (d, ctx) => {
      const data = asRequest(d);
      await toMember(ctx, data, "payout-failed", {
        ...statusLink(ctx.executionId),
        amountCents: data.approvedAmountCents ?? data.amountCents,
        iban: data.request.iban,
        reason: data.payout?.failure,
      });
      return {};
    },

    "notify-paid": async (d, ctx) => {
      const data = asRequest(d);
      const paidAt = data.payout?.paidAt ?? ctx.now.toISOString();
      await toMember(ctx, data, "payout-paid", {
        ...statusLink(ctx.executionId),
        amountCents: payoutCentsOf(data),
        iban: data.request.iban,
        paidOn: isoDay(new Date(paidAt)),
        reference: data.payout?.reference ?? "",
      });
      const project =
        data.request.type === "initiative-support"
          ? { project: paidTranche(projectRecord(data), paidAt) }
          : {};
      return { data: { status: "paid", ...project } };
    },

    "invite-client": async (d, ctx) => {
      const data = asRequest(d);
      const params = await recoveryParams(ctx.executionId, data);
      if (!params) return {};
      await ctx.effect("recovery-invitation", () =>
        notify(deps, {
          template: "recovery-invitation",
          to: params.to,
          language: data.language,
          params: params.params,
        }),
      );
      return {
        data: {
          recovery: {
            reference: String(params.params.referenceNumber),
            invitedAt: ctx.now.toISOString(),
          },
        },
      };
    },

    "remind-client": async (d, ctx) => {
      const data = asRequest(d);
      const params = await recoveryParams(ctx.executionId, data);
      if (!params || !data.recovery) return {};
      const invitedOn = isoDay(new Date(data.recovery.invitedAt));
      await ctx.effect("recovery-reminder", () =>
        notify(deps, {
          template: "recovery-reminder",
          to: params.to,
          language: data.language,
          params: { ...params.params, invitedOn },
        }),
      );
      return {};
    },

    "notify-rejected": async (d, ctx) => {
      const data = asRequest(d);
      await toMember(ctx, data, "request-rejected", {
        ...statusLink(ctx.executionId),
        type: data.request.type,
        reason: data.rejection?.reason ?? "",
      });
      return { data: { status: "rejected" }, events: [{ type: "Rejected" }] };
    },
    "notify-withdrawn": async () => ({
      data: { status: "withdrawn" },
      events: [{ type: "Withdrawn" }],
    }),
    "notify-expired": async (d, ctx) => {
      const data = asRequest(d);
      await toMember(ctx, data, "request-expired", {
        ...statusLink(ctx.executionId),
        type: data.request.type,
        cause: "no-answer",
      });
      return { data: { status: "expired" }, events: [{ type: "Expired" }] };
    },
  };
}

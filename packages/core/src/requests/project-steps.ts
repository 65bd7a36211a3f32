import { addSeconds } from "../clock";
import { languageOf } from "../contacts/language";
import type { Deps } from "../deps";
import type { Data, Step, StepContext } from "../engine/definition";
import { decisionTokenKey } from "../notifications/decision-tokens";
import type { Payout } from "../payouts/payout";
import { createPayout as createPayoutWrite } from "../payouts/records";
import type { PlanConfig } from "../plan/config";
import type { InitiativeSupportRequest } from "../request-view/schemas";
import { memberOnce } from "./activity-of";
import { notify } from "./notify";
import {
  currentTranche,
  grantedTranche,
  nextTranche,
  type ProjectRecord,
  projectDeadline,
  projectRecord,
  tranchePayoutIds,
} from "./project";
import { closing } from "./project-callbacks";
import { asRequest, type RequestData } from "./record";
import type { StepTools } from "./steps/tools";

/** The step tools projects write with, and how a tranche gets its payout record. */
export interface ProjectHelpers extends Pick<StepTools, "statusLink" | "toMember"> {
  /** The payout record of the request's approval, for one amount under its own id. */
  payout(
    ctx: StepContext,
    data: RequestData,
    ids: { payoutId: string; reference: string; tranche?: Payout["tranche"] },
    amountCents: number,
  ): Promise<Payout>;
}

/** A project's request body. */
const bodyOf = (data: RequestData) => data.request as InitiativeSupportRequest;

/**
 * What the approval of a project grants: the whole amount is reserved in the fund at once (so
 * a later tranche never waits for money), and only the first tranche gets a payout now.
 */
export function projectGrant(data: RequestData, id: string) {
  const project = projectRecord(data);
  const first = project.tranches[0]!;
  const ids = tranchePayoutIds(id, first.number, project.tranches.length);
  return {
    ids,
    payoutCents: first.amountCents,
    reserveCents: project.tranches.reduce((sum, t) => sum + t.amountCents, 0),
    project: grantedTranche(project, ids.payoutId),
  };
}

/**
 * The steps only projects pass through: co-applicants confirming, the reports between tranches
 * and their check by one committee member, each later tranche's payout, and the closing that
 * gives back to the fund what was never paid. Each commits its fund movement with its
 * transition, so a step delivered twice moves money once.
 */
export function createProjectSteps(
  deps: Deps,
  plan: PlanConfig,
  h: ProjectHelpers,
): Record<string, Step> {
  const fund = plan.types["initiative-support"].fund;
  const withProject = (project: ProjectRecord) => ({ project });

  /** The co-applicants who have not confirmed get their confirmation link (again, as a reminder). */
  const askCoApplicants = async (d: Data, ctx: StepContext, reminder: boolean) => {
    const data = asRequest(d);
    const project = projectRecord(data);
    const lead = await memberOnce(deps, ctx.read, data.request.memberNumber);
    for (const c of project.coApplicants.filter((x) => !x.confirmedAt && !x.declinedAt)) {
      const member = await memberOnce(deps, ctx.read, c.memberNumber);
      // Unknown to the register: nobody can confirm, and the deadline stops the request.
      if (!member) continue;
      const token = await ctx.issueToken(`owner:co-applicant:${c.email}`, {
        meta: { email: member.email, memberNumber: c.memberNumber, purpose: "co-applicant" },
        expiresAt: project.confirmBy,
      });
      await ctx.effect(`co-applicant${reminder ? "-reminder" : ""}:${c.memberNumber}`, () =>
        notify(deps, {
          template: "co-applicant-confirmation",
          to: member.email,
          language: member.language,
          params: {
            publicUrl: deps.config.publicUrl,
            requestId: ctx.executionId,
            token,
            title: bodyOf(data).title,
            leadName: lead ? `${lead.firstName} ${lead.lastName}` : data.request.memberNumber,
            amountCents: data.amountCents,
            confirmBy: project.confirmBy ?? ctx.now.toISOString(),
            reminder,
          },
        }),
      );
    }
    return {};
  };

  return {
    "invite-co-applicants": async (d, ctx) => {
      const data = asRequest(d);
      const project = projectRecord(data);
      const confirmBy =
        project.confirmBy ??
        addSeconds(
          ctx.now.toISOString(),
          plan.types["initiative-support"].coApplicantConfirmSeconds,
        );
      return {
        data: { status: "confirming-co-applicants", ...withProject({ ...project, confirmBy }) },
        events: [{ type: "CoApplicantsInvited", detail: { count: project.coApplicants.length } }],
      };
    },

    // Each co-applicant hears at the register's address, never the one typed in the form.
    "ask-co-applicants": (d, ctx) => askCoApplicants(d, ctx, false),
    // Once, before the deadline: only those who have not answered yet.
    "remind-co-applicants": (d, ctx) => askCoApplicants(d, ctx, true),

    "notify-project-stopped": async (d, ctx) => {
      const data = asRequest(d);
      const project = projectRecord(data);
      const declined = project.coApplicants.find((c) => c.declinedAt);
      const silent = project.coApplicants.find((c) => !c.confirmedAt);
      const cause = declined ? "declined" : "unconfirmed";
      const status = declined ? "co-applicant-declined" : "co-applicant-unconfirmed";
      await h.toMember(ctx, data, "project-stopped", {
        ...h.statusLink(ctx.executionId),
        memberNumber: (declined ?? silent)?.memberNumber ?? "",
        cause,
      });
      return { data: { status }, events: [{ type: "ProjectStopped", detail: { cause } }] };
    },

    // The next tranche is now the applicants' to report on.
    "open-tranche": async (d) => {
      const data = asRequest(d);
      const project = projectRecord(data);
      const opened = currentTranche(project).status === "paid" ? nextTranche(project) : project;
      return {
        data: { status: "awaiting-report", ...withProject(opened) },
        events: [{ type: "TrancheOpened", detail: { tranche: opened.current } }],
      };
    },

    // One committee member checks the report: the approvers take turns, tranche after tranche.
    "request-report-check": async (d, ctx) => {
      const data = asRequest(d);
      const project = projectRecord(data);
      const tranche = currentTranche(project);
      const approvers = data.routing?.approvers ?? [];
      const checker = approvers[(tranche.number - 2 + approvers.length) % approvers.length];
      if (!checker) return {};
      const expiresAt = addSeconds(ctx.now.toISOString(), plan.approvals.tokenValiditySeconds);
      const mailing = `tranche-${tranche.number}-${tranche.reports.length}`;
      const token = await ctx.issueToken(decisionTokenKey("approver", checker, mailing), {
        meta: { email: checker, role: "checker" },
        expiresAt,
      });
      const language = await languageOf(deps, checker);
      await ctx.effect(`checker:${checker}`, () =>
        notify(deps, {
          template: "tranche-check",
          to: checker,
          language,
          params: {
            publicUrl: deps.config.publicUrl,
            token,
            expiresAt,
            requestId: ctx.executionId,
            title: bodyOf(data).title,
            tranche: tranche.number,
            of: project.tranches.length,
            milestone: tranche.milestone,
            amountCents: tranche.amountCents,
            report: tranche.reports.at(-1)?.text ?? "",
          },
        }),
      );
      return { data: { status: "report-checking" } };
    },

    // The checker's question reaches the applicants as any request for information does.
    "ask-report-info": async (d, ctx) => {
      const data = asRequest(d);
      const tranche = currentTranche(projectRecord(data));
      await h.toMember(ctx, data, "info-needed", {
        ...h.statusLink(ctx.executionId),
        message: tranche.checks.at(-1)?.comment,
        checks: [],
        answerBy: projectDeadline(data).slice(0, 10),
      });
      return { data: { status: "report-needs-info" } };
    },

    // Reserved at the approval already: the payout is created, nothing more is reserved.
    "grant-tranche": async (d, ctx) => {
      const data = asRequest(d);
      const project = projectRecord(data);
      const tranche = currentTranche(project);
      const ids = tranchePayoutIds(ctx.executionId, tranche.number, project.tranches.length);
      const payout = await h.payout(ctx, data, ids, tranche.amountCents);
      return {
        data: {
          status: "scheduled",
          ...withProject(grantedTranche(project, ids.payoutId)),
          payout: {
            payoutId: ids.payoutId,
            reference: ids.reference,
            status: "scheduled",
            approvedAt: payout.approvedAt,
          },
        },
        writes: [createPayoutWrite(payout)],
        events: [
          {
            type: "TrancheGranted",
            detail: { tranche: tranche.number, amountCents: tranche.amountCents },
          },
        ],
      };
    },

    // What no payout claims goes back to the fund, in the same write as the closing.
    "close-project": async (d, ctx) => closing(d, fund, ctx.now.toISOString()),
  };
}

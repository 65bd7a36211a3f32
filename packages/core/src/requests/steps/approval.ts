import type { Deps } from "../../deps";
import type { Step } from "../../engine/definition";
import { EntraideError } from "../../errors";
import { committeeOfGroup } from "../../plan/approvals";
import type { PlanConfig } from "../../plan/config";
import { activityOnce, committeeOnce, memberOnce } from "../activity-of";
import { asRequest } from "../record";
import { approverGroupOf, routeApproval } from "../routing";
import { voteFor } from "../vote-steps";
import type { StepTools } from "./tools";

/** Approval: the approvers are chosen, asked, reminded, and the backups asked after them. */
export function approvalSteps(deps: Deps, plan: PlanConfig, t: StepTools): Record<string, Step> {
  return {
    // Routing is committed before any token or email exists, so a decision arriving while the
    // emails go out already knows how many approvals the request needs.
    route: async (d, ctx) => {
      const data = asRequest(d);
      const r = data.request;
      const committee = committeeOfGroup(approverGroupOf(r, plan), plan.committees);
      const [member, activity, members] = await Promise.all([
        memberOnce(deps, ctx.read, r.memberNumber),
        activityOnce(deps, ctx.read, r),
        committee ? committeeOnce(deps, ctx.read, committee) : undefined,
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
          ? await voteFor(
              deps,
              policy,
              {
                data,
                approvers: routing.approvers,
                registered: member?.email,
                round,
                now: ctx.now,
              },
              ctx.read,
            )
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
      await t.askApprovers(
        ctx,
        data,
        data.routing?.approvers ?? [],
        "approver",
        "request",
        (to, p, language) => t.toApprover(to, "approval-request", p, language),
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
      await t.askApprovers(
        ctx,
        data,
        (data.routing?.approvers ?? []).filter((a) => !decided.has(a)),
        "approver",
        `reminder-${reminder}`,
        (to, p, language) =>
          t.toApprover(to, "approval-reminder", { ...p, reminder, of }, language),
      );
      return { data: { remindersSent: reminder } };
    },

    escalate: async (d, ctx) => {
      const data = asRequest(d);
      const waitingDays = Math.round(plan.approvals.escalateAfterSeconds / 86_400);
      const approvers = data.routing?.approvers ?? [];
      await t.askApprovers(
        ctx,
        data,
        data.routing?.backups ?? [],
        "backup",
        "escalation",
        (to, p, language) =>
          t.toApprover(to, "approval-escalation", { ...p, approvers, waitingDays }, language),
      );
      return {
        data: { escalatedAt: ctx.now.toISOString() },
        events: [{ type: "Escalated", detail: { backups: data.routing?.backups.length ?? 0 } }],
      };
    },
  };
}

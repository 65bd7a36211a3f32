import type { Deps } from "../../deps";
import type { Step, StepContext } from "../../engine/definition";
import { stopWaitingForFunds, waitForFunds } from "../../funds/awaiting";
import { FundMovements } from "../../funds/movements";
import type { Payout } from "../../payouts/payout";
import { createPayout } from "../../payouts/records";
import type { PlanConfig } from "../../plan/config";
import { memberOnce } from "../activity-of";
import { projectGrant } from "../project-steps";
import { asRequest, type RequestData } from "../record";

/** The payout of an approved request (or of one tranche of a project), as finance pays it. */
export function payoutFor(deps: Deps, plan: PlanConfig) {
  return async (
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
}

/** Grant: the money is reserved in the fund with the payout, or the request waits for it. */
export function grantSteps(deps: Deps, plan: PlanConfig): Record<string, Step> {
  const payoutOf = payoutFor(deps, plan);
  return {
    grant: async (d, ctx) => {
      const data = asRequest(d);
      const fund = plan.types[data.request.type].fund;
      // A project reserves all its tranches and pays its first; any other request pays at once.
      const project =
        data.request.type === "initiative-support"
          ? projectGrant(data, ctx.executionId)
          : undefined;
      const amount = data.approvedAmountCents ?? data.amountCents;
      const ids = project?.ids ?? {
        payoutId: ctx.executionId,
        reference: `ENT${ctx.executionId.replace(/-/g, "").slice(0, 24).toUpperCase()}`,
      };
      const reserved = project?.reserveCents ?? amount;
      const payout = await payoutOf(ctx, data, ids, project?.payoutCents ?? amount);
      const waiting = { fund, approvedAt: payout.approvedAt, requestId: ctx.executionId };
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
          FundMovements.reserve(fund, reserved, ctx.now.toISOString()),
          createPayout(payout),
          stopWaitingForFunds(waiting),
        ],
        events: [{ type: "FundsReserved", detail: { fund, amountCents: reserved } }],
      };
    },

    "await-funds": async (d, ctx) => {
      const data = asRequest(d);
      const fund = plan.types[data.request.type].fund;
      const waiting = {
        fund,
        approvedAt: data.approvedAt ?? ctx.now.toISOString(),
        requestId: ctx.executionId,
      };
      return {
        data: { status: "awaiting-funds" },
        writes: [waitForFunds(waiting, data.approvedAmountCents ?? data.amountCents)],
        events: [{ type: "AwaitingFunds", detail: { fund } }],
      };
    },
  };
}

import type { Data, Step } from "../../engine/definition";
import { isoDay } from "../checks/context";
import type { RequestEvent } from "../events";
import { paidTranche, payoutCentsOf, projectRecord } from "../project";
import { asRequest } from "../record";
import type { CallbackEffect, StepTools } from "./tools";

/** Payout: the member hears of the approval, of the payment, or of a transfer that failed. */
export function payoutSteps(t: StepTools): Record<string, Step> {
  return {
    "notify-approved": async (d, ctx) => {
      // Back in `payout` after a corrected IBAN: the member was told of the approval already.
      if (ctx.visit > 1) return {};
      const data = asRequest(d);
      const amountCents = data.approvedAmountCents ?? data.amountCents;
      await t.toMember(ctx, data, "request-approved", {
        ...t.statusLink(ctx.executionId),
        type: data.request.type,
        amountCents,
        requestedCents: amountCents < data.amountCents ? data.amountCents : undefined,
      });
      return {};
    },

    "notify-payout-failed": async (d, ctx) => {
      const data = asRequest(d);
      await t.toMember(ctx, data, "payout-failed", {
        ...t.statusLink(ctx.executionId),
        amountCents: data.approvedAmountCents ?? data.amountCents,
        iban: data.request.iban,
        reason: data.payout?.failure,
      });
      return {};
    },

    "notify-paid": async (d, ctx) => {
      const data = asRequest(d);
      const paidAt = data.payout?.paidAt ?? ctx.now.toISOString();
      await t.toMember(ctx, data, "payout-paid", {
        ...t.statusLink(ctx.executionId),
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
  };
}

/** Finance paid the transfer (`event: "paid"`, with its batch). */
export function payoutPaid(data: Data, payload: RequestEvent<"paid">): CallbackEffect {
  return {
    data: {
      status: "paid",
      payout: {
        ...asRequest(data).payout,
        status: "paid",
        paidAt: payload.paidAt,
        batchId: payload.batchId,
      },
    },
    events: [{ type: "Paid" }],
  };
}

/** The bank refused the transfer (`event: "payout-failed"`): the member is asked for an IBAN. */
export function payoutFailed(
  data: Data,
  payload: RequestEvent<"payout-failed">,
  now: string,
): CallbackEffect {
  return {
    data: {
      status: "payout-failed",
      payout: { ...asRequest(data).payout, status: "payout-failed", failure: payload.reason },
      payoutFailedAt: now,
    },
    events: [{ type: "PayoutFailed" }],
  };
}

/** The bank returned a transfer already marked paid (`event: "payout-failed"` after `paid`). */
export function payoutReturned(payload: RequestEvent<"payout-failed">): CallbackEffect {
  return { data: { reopened: { reason: payload.reason } } };
}

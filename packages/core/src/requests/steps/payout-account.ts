import { ibanCountry, ibanEnd } from "../../bank/iban";
import { addSeconds } from "../../clock";
import { keys } from "../../db/layout";
import { queryPrefix } from "../../db/query";
import type { Deps } from "../../deps";
import type { Data, Step, StepContext } from "../../engine/definition";
import { FundMovements } from "../../funds/movements";
import { movePayout } from "../../payouts/records";
import type { PlanConfig } from "../../plan/config";
import type { CheckResult } from "../../request-view/reasons";
import type { RequestEvent } from "../events";
import { notify } from "../notify";
import { payoutCentsOf } from "../project";
import { asRequest, type RequestData } from "../record";
import { fundOf, payoutKeyOf, releaseReturnedPayout } from "./payout-release";
import { type CallbackEffect, registeredMember, type StepTools } from "./tools";

/** When a returned transfer not corrected gives its reservation back to the fund. */
export function abandonAt(data: RequestData, plan: PlanConfig): string | undefined {
  return data.payoutFailedAt
    ? addSeconds(data.payoutFailedAt, plan.payouts.returned.abandonAfterSeconds)
    : undefined;
}

/** What the payout under way is for: the approved amount, or a project's current tranche. */
const amountOf = (data: RequestData) => payoutCentsOf(data);

/**
 * The steps of a payout whose transfer came back: the member's new IBAN is a claim, confirmed
 * from the address in the members register, checked again, approved when it looks like someone
 * else's account, and only then written to the payout; not corrected in time, the money goes
 * back to the fund.
 */
export function createPayoutAccountSteps(
  deps: Deps,
  plan: PlanConfig,
  t: StepTools,
): Record<string, Step> {
  const registered = (data: RequestData) => registeredMember(deps, data);
  // Another member's account, or another country: the request's approvers see the warnings.
  const askApprovers = (ctx: StepContext, data: RequestData, warnings: CheckResult[]) =>
    t.askApprovers(
      ctx,
      { ...data, checks: { outcome: "warn", results: warnings } },
      data.routing?.approvers ?? [],
      "approver",
      "iban-approval",
      (to, p, language) => t.toApprover(to, "approval-request", p, language),
    );

  return {
    // The bank returned the transfer after the request moved on (or closed).
    "record-return": async (d, ctx) => {
      const data = asRequest(d);
      const reason = String((d.reopened as { reason?: unknown } | undefined)?.reason ?? "");
      return {
        data: {
          status: "payout-failed",
          payout: { ...data.payout!, status: "payout-failed", failure: reason },
          payoutFailedAt: ctx.now.toISOString(),
          reopened: undefined,
        },
        events: [{ type: "PayoutReturned", detail: { reason } }],
      };
    },

    "remind-payout-failed": async (d, ctx) => {
      const data = asRequest(d);
      await t.toMember(ctx, data, "payout-failed-reminder", {
        ...t.statusLink(ctx.executionId),
        amountCents: amountOf(data),
        abandonOn: abandonAt(data, plan) ?? ctx.now.toISOString(),
      });
      return {};
    },

    // Each claim is a new visit of the state: a new link, and the older one superseded.
    "ask-iban-confirmation": async (d, ctx) => {
      const data = asRequest(d);
      const claim = data.ibanClaim!;
      const member = await registered(data);
      const confirmBy = abandonAt(data, plan);
      const token = await ctx.issueToken(`owner:${member.email}`, {
        meta: { email: member.email, purpose: "iban" },
        expiresAt: confirmBy,
      });
      await ctx.effect("iban-confirmation", () =>
        notify(deps, {
          template: "iban-confirmation",
          to: member.email,
          language: member.language,
          params: {
            publicUrl: deps.config.publicUrl,
            requestId: ctx.executionId,
            token,
            amountCents: amountOf(data),
            iban: claim.iban,
            confirmBy: confirmBy ?? ctx.now.toISOString(),
          },
        }),
      );
      return { data: { status: "confirming-iban" }, events: [{ type: "IbanClaimed" }] };
    },

    // The checks of a new IBAN (its format, mod-97 and SEPA country were checked on input).
    "check-iban": async (d) => {
      const data = asRequest(d);
      const claim = data.ibanClaim!;
      const uses = await queryPrefix(deps, keys.ibanUsePrefix(claim.iban));
      const others = uses
        .map((u) => u.memberNumber as string)
        .filter((m) => m !== data.request.memberNumber);
      const from = ibanCountry(data.request.iban);
      const to = ibanCountry(claim.iban);
      const warnings: CheckResult[] = [
        {
          check: "iban-change",
          outcome: "warn",
          reason: { code: "iban_change_requested", params: { ibanEnd: ibanEnd(claim.iban) } },
        },
        ...(others.length > 0
          ? [
              {
                check: "iban-change",
                outcome: "warn" as const,
                reason: {
                  code: "iban_shared" as const,
                  params: { count: others.length, memberNumbers: others.join(", ") },
                },
              },
            ]
          : []),
        ...(from !== to
          ? [
              {
                check: "iban-change",
                outcome: "warn" as const,
                reason: { code: "iban_change_country" as const, params: { from, to } },
              },
            ]
          : []),
      ];
      const needsApproval = others.length > 0 || from !== to;
      return {
        data: { ibanCheck: { needsApproval, warnings } },
        events: [{ type: "IbanChecked", detail: { needsApproval, sharedWith: others.length } }],
      };
    },

    "request-iban-approval": async (d, ctx) => {
      const data = asRequest(d);
      await askApprovers(ctx, data, data.ibanCheck?.warnings ?? []);
      return { data: { status: "confirming-iban" } };
    },

    // The confirmed IBAN becomes the payout's: scheduled again, listed where batches look.
    reschedule: async (d, ctx) => {
      const data = asRequest(d);
      const claim = data.ibanClaim!;
      const previous = data.request.iban;
      const member = await registered(data);
      const amountCents = amountOf(data);
      const params = {
        ...t.statusLink(ctx.executionId),
        amountCents,
        iban: claim.iban,
        previousIban: previous,
      };
      await t.toMember(ctx, data, "iban-changed", params);
      if (member.email.toLowerCase() !== data.request.email.toLowerCase()) {
        await ctx.effect("iban-changed-register", () =>
          notify(deps, {
            template: "iban-changed",
            to: member.email,
            language: member.language,
            params,
          }),
        );
      }
      return {
        data: {
          status: "scheduled",
          request: { ...data.request, iban: claim.iban },
          payout: { ...data.payout!, status: "scheduled", failure: undefined },
          ibanClaim: undefined,
          ibanCheck: undefined,
          payoutFailedAt: undefined,
        },
        writes: [
          {
            item: movePayout(payoutKeyOf(data, plan), {
              from: "payout-failed",
              to: "scheduled",
              set: { iban: claim.iban },
              remove: ["batchId"],
            }),
            errorName: "payout.not-failed",
          },
        ],
        events: [{ type: "PayoutRescheduled", detail: { ibanEnd: ibanEnd(claim.iban) } }],
      };
    },

    // Not corrected in time: the reservation goes back to the fund, the payout is abandoned.
    abandon: async (d, ctx) => {
      const data = asRequest(d);
      const { amountCents, payout, writes } = releaseReturnedPayout(
        data,
        plan,
        ctx.now.toISOString(),
      );
      await t.toMember(ctx, data, "payout-abandoned", {
        ...t.statusLink(ctx.executionId),
        amountCents,
      });
      return {
        data: { status: "payout-abandoned", payout },
        writes,
        events: [{ type: "PayoutAbandoned", detail: { amountCents } }],
      };
    },

    // Operations reopened it: the money is reserved again, the member asked again for an IBAN.
    "reopen-payout": async (d, ctx) => {
      const data = asRequest(d);
      return {
        data: {
          status: "payout-failed",
          payout: { ...data.payout!, status: "payout-failed" },
          payoutFailedAt: ctx.now.toISOString(),
        },
        writes: [
          FundMovements.reserve(fundOf(data, plan), amountOf(data), ctx.now.toISOString()),
          {
            item: movePayout(payoutKeyOf(data, plan), {
              from: "abandoned",
              to: "payout-failed",
            }),
            errorName: "payout.not-abandoned",
          },
        ],
        events: [{ type: "PayoutReopened" }],
      };
    },
  };
}

/** The member gave another IBAN after a returned transfer (`event: "iban-claimed"`): a claim. */
export function ibanClaimed(payload: RequestEvent<"iban-claimed">, now: string): CallbackEffect {
  return {
    data: { ibanClaim: { iban: payload.iban, claimedAt: now } },
    events: [{ type: "IbanClaimReceived", detail: { ibanEnd: payload.iban.slice(-4) } }],
  };
}

/** The registered member confirmed the claimed IBAN from their own address. */
export function ibanConfirmed(data: Data, token: { meta: Data }, now: string): CallbackEffect {
  return {
    data: { ibanClaim: { ...asRequest(data).ibanClaim!, confirmedAt: now } },
    events: [{ type: "IbanConfirmed", detail: { by: token.meta.email } }],
  };
}

/** An approver's decision on the change (`approve` or `reject`), as the history records it. */
export function ibanDecision(
  payload: RequestEvent<"decision">,
  token: { meta: Data },
  now: string,
) {
  const decision = { approver: String(token.meta.email), decision: payload.decision, at: now };
  return { type: `IbanChange.${payload.decision}`, detail: decision };
}

/** A change refused: the claim is forgotten, the member asked again for an IBAN. */
export const ibanRefused = (): Data => ({
  ibanClaim: undefined,
  ibanCheck: undefined,
  status: "payout-failed",
});

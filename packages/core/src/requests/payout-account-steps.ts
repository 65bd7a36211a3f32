import { ibanCountry, ibanEnd } from "../bank/iban";
import { addSeconds } from "../clock";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import type { Step, StepContext } from "../engine/definition";
import { EntraideError } from "../errors";
import { FundMovements } from "../funds/movements";
import { getMember } from "../members/register";
import type { TemplateName, TemplateParams } from "../notifications/templates/index";
import { movePayout } from "../payouts/records";
import type { PlanConfig } from "../plan/config";
import { queryPrefix } from "./check-context";
import type { CheckResult } from "./checks/context";
import { notify } from "./notify";
import { payoutCentsOf } from "./project";
import { asRequest, type RequestData } from "./record";

/** What the phase's steps need from the other steps of the request workflows. */
export interface PayoutAccountHelpers {
  statusLink(id: string): { publicUrl: string; requestId: string; statusToken: string };
  toMember<N extends TemplateName>(
    ctx: StepContext,
    data: RequestData,
    template: N,
    params: TemplateParams<N>,
  ): Promise<string>;
  askApprovers(ctx: StepContext, data: RequestData, warnings: CheckResult[]): Promise<void>;
}

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
  h: PayoutAccountHelpers,
): Record<string, Step> {
  const table = deps.config.table;
  const registered = async (data: RequestData) => {
    const member = await getMember(deps, data.request.memberNumber);
    if (!member)
      throw new EntraideError(
        "member.unknown",
        `member ${data.request.memberNumber} is no longer in the register`,
      );
    return member;
  };

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
      await h.toMember(ctx, data, "payout-failed-reminder", {
        ...h.statusLink(ctx.executionId),
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
      await h.askApprovers(ctx, data, data.ibanCheck?.warnings ?? []);
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
        ...h.statusLink(ctx.executionId),
        amountCents,
        iban: claim.iban,
        previousIban: previous,
      };
      await h.toMember(ctx, data, "iban-changed", params);
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
            item: movePayout(table, payoutKeyOf(data, plan), {
              from: "payout-failed",
              to: "scheduled",
              set: { iban: claim.iban },
              remove: ["batchId"],
            }),
            errorName: "PayoutNotFailed",
          },
        ],
        events: [{ type: "PayoutRescheduled", detail: { ibanEnd: ibanEnd(claim.iban) } }],
      };
    },

    // Not corrected in time: the reservation goes back to the fund, the payout is abandoned.
    abandon: async (d, ctx) => {
      const data = asRequest(d);
      const amountCents = amountOf(data);
      await h.toMember(ctx, data, "payout-abandoned", {
        ...h.statusLink(ctx.executionId),
        amountCents,
      });
      return {
        data: { status: "payout-abandoned", payout: { ...data.payout!, status: "abandoned" } },
        writes: [
          {
            item: movePayout(table, payoutKeyOf(data, plan), {
              from: "payout-failed",
              to: "abandoned",
              set: { abandonedAt: ctx.now.toISOString() },
            }),
            errorName: "PayoutNotFailed",
          },
          FundMovements.release(table, fundOf(data, plan), amountCents, ctx.now.toISOString()),
        ],
        events: [{ type: "PayoutAbandoned", detail: { amountCents } }],
      };
    },

    // Told at once: the request carries an email or an IBAN that is not the register's.
    "notify-owner": async (d, ctx) => {
      const data = asRequest(d);
      const member = await registered(data);
      const sentAt = data.ownerNotice?.sentAt ?? ctx.now.toISOString();
      const token = await ctx.issueToken(`owner:${member.email}`, {
        meta: { email: member.email, purpose: "identity" },
        // Answerable while the request can still be frozen, whatever the state it waits in.
        expiresAt: addSeconds(
          sentAt,
          plan.needsInfo.expiresAfterSeconds + plan.approvals.escalateAfterSeconds * 4,
        ),
      });
      const r = data.request;
      await ctx.effect("owner-notice", () =>
        notify(deps, {
          template: "owner-notice",
          to: member.email,
          language: member.language,
          params: {
            publicUrl: deps.config.publicUrl,
            requestId: ctx.executionId,
            token,
            amountCents: data.amountCents,
            email: r.email.toLowerCase() !== member.email.toLowerCase() ? r.email : undefined,
            ibanEnd: r.iban !== member.iban ? ibanEnd(r.iban) : undefined,
            holdUntil: addSeconds(sentAt, plan.identity.holdSeconds),
          },
        }),
      );
      return {
        data: { ownerNotice: { sentAt, to: member.email } },
        events: [{ type: "OwnerNotified" }],
      };
    },

    "notify-disputed": async (d, ctx) => {
      const data = asRequest(d);
      const approvers = [...(data.routing?.approvers ?? []), ...(data.routing?.backups ?? [])];
      for (const to of approvers) {
        await ctx.effect(`disputed:${to}`, () =>
          notify(deps, {
            template: "request-disputed",
            to,
            language: "fr",
            params: {
              requestId: ctx.executionId,
              memberNumber: data.request.memberNumber,
              during: data.dispute?.during ?? "",
            },
          }),
        );
      }
      return {
        events: [{ type: "ApproversToldOfDispute", detail: { approvers: approvers.length } }],
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
          FundMovements.reserve(table, fundOf(data, plan), amountOf(data), ctx.now.toISOString()),
          {
            item: movePayout(table, payoutKeyOf(data, plan), {
              from: "abandoned",
              to: "payout-failed",
            }),
            errorName: "PayoutNotAbandoned",
          },
        ],
        events: [{ type: "PayoutReopened" }],
      };
    },
  };
}

const fundOf = (data: RequestData, plan: PlanConfig) => plan.types[data.request.type].fund;

/** What a payout's index keys are made of; the payout id is the request's. */
function payoutKeyOf(data: RequestData, plan: PlanConfig) {
  return {
    payoutId: data.payout!.payoutId,
    fund: fundOf(data, plan),
    approvedAt: (data.payout!.approvedAt ?? data.approvedAt)!,
  };
}

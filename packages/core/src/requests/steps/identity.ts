import { ibanEnd } from "../../bank/iban";
import { addSeconds } from "../../clock";
import { languagesOf } from "../../contacts/language";
import type { Deps } from "../../deps";
import type { Data, Step } from "../../engine/definition";
import type { PlanConfig } from "../../plan/config";
import type { RequestEvent } from "../events";
import { notify } from "../notify";
import { closedProject, isProject, projectRecord, unusedCents, withTranche } from "../project";
import { asRequest, type RequestData } from "../record";
import { releaseReturnedPayout } from "./payout-release";
import { type CallbackEffect, registeredMember, type StepTools } from "./tools";

/**
 * Identity: a request in someone else's name (an email or IBAN not the register's) is told to
 * the registered member, held until they answer or the delay ends, frozen if it is not them,
 * until operations close it.
 */
export function identitySteps(deps: Deps, plan: PlanConfig, t: StepTools): Record<string, Step> {
  const approversOf = (data: RequestData) => [
    ...(data.routing?.approvers ?? []),
    ...(data.routing?.backups ?? []),
  ];
  return {
    // Told at once: the request carries an email or an IBAN that is not the register's.
    "notify-owner": async (d, ctx) => {
      const data = asRequest(d);
      const member = await registeredMember(deps, data);
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
      const approvers = approversOf(data);
      const languageOf = languagesOf(deps, approvers);
      for (const to of approvers) {
        await ctx.effect(`disputed:${to}`, async () =>
          notify(deps, {
            template: "request-disputed",
            to,
            language: await languageOf(to),
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

    // Closed by operations (the status says so since the close): a returned payout's reservation
    // goes back to the fund with this transition, the way an abandoned one does; the registered
    // member and the approvers are told.
    "close-dispute": async (d, ctx) => {
      const data = asRequest(d);
      const now = ctx.now.toISOString();
      // A granted project also reserved its later tranches: they go back with the payout's.
      const project = data.payout && isProject(d) ? projectRecord(d) : undefined;
      const release = data.payout
        ? releaseReturnedPayout(data, plan, now, project ? unusedCents(project) : 0)
        : undefined;
      const reason = data.dispute?.closeReason ?? "";
      const member = await registeredMember(deps, data);
      await ctx.effect("dispute-closed", () =>
        notify(deps, {
          template: "dispute-closed",
          to: member.email,
          language: member.language,
          params: { ...t.statusLink(ctx.executionId), reason },
        }),
      );
      const approvers = approversOf(data);
      const languageOf = languagesOf(deps, approvers);
      for (const to of approvers) {
        await ctx.effect(`dispute-closed:${to}`, async () =>
          notify(deps, {
            template: "dispute-closed-approver",
            to,
            language: await languageOf(to),
            params: {
              requestId: ctx.executionId,
              memberNumber: data.request.memberNumber,
              reason,
              releasedCents: release?.amountCents,
            },
          }),
        );
      }
      return {
        data: {
          ...(release ? { payout: release.payout } : {}),
          // The returned tranche too: its payout is abandoned, its money back with the rest.
          ...(project && release
            ? {
                project: {
                  ...withTranche(closedProject(project, now), { status: "released" }),
                  releasedCents: release.amountCents,
                },
              }
            : {}),
        },
        writes: release?.writes ?? [],
        events: [
          ...(release
            ? [{ type: "FundsReleased", detail: { amountCents: release.amountCents } }]
            : []),
          { type: "ToldOfDisputeClosed", detail: { approvers: approvers.length } },
        ],
      };
    },
  };
}

/** The request's email or IBAN is not the register's: its registered owner must hear of it. */
export const needsOwnerNotice = (data: RequestData) =>
  data.ownerNotice === undefined &&
  (data.checks?.results ?? []).some((r) =>
    ["member_email_differs", "iban_differs_from_register"].includes(r.reason.code),
  );

/** Told to the registered member and not confirmed yet: the payout waits for the answer. */
export const ownerUnconfirmed = (data: RequestData) =>
  data.ownerNotice !== undefined && !data.ownerNotice.confirmedAt;

/** When the hold of a request told to the registered member ends without an answer. */
export function ownerHoldEnds(data: RequestData, plan: PlanConfig): string | undefined {
  const sentAt = data.ownerNotice?.sentAt;
  return sentAt ? addSeconds(sentAt, plan.identity.holdSeconds) : undefined;
}

/** The member withdrew (`event: "withdraw"`): the status says so with the same write. */
export const withdrawal = (): CallbackEffect => ({ data: { status: "withdrawn" } });

/** The registered member confirmed it is them (`event: "owner-confirm"`): the hold ends. */
export function ownerConfirmed(data: Data, now: string): CallbackEffect {
  const notice = asRequest(data).ownerNotice;
  return {
    data: { ownerNotice: { ...notice, confirmedAt: now } },
    events: [{ type: "OwnerConfirmed" }],
  };
}

/** An answer from the registered member's own link, to a notice actually sent. */
export const isOwnerAnswer = (data: Data, token: { key: string }) =>
  token.key.startsWith("owner:") && asRequest(data).ownerNotice !== undefined;

/** The registered member says this is not them: the request freezes, the approvers are told. */
export function disputed(token: { meta: Data }, now: string, during: string): CallbackEffect {
  return {
    data: { status: "disputed", dispute: { at: now, by: String(token.meta.email), during } },
    events: [{ type: "Disputed", detail: { during } }],
  };
}

/** Operations closed the dispute (`event: "close-dispute"`): the request ends unpaid, and why. */
export function disputeClosed(
  data: Data,
  payload: RequestEvent<"close-dispute">,
  now: string,
): CallbackEffect {
  const dispute = asRequest(data).dispute;
  return {
    data: {
      status: "dispute-closed",
      dispute: { ...dispute, closedAt: now, closeReason: payload.reason },
    },
    events: [{ type: "DisputeClosed", detail: { reason: payload.reason } }],
  };
}

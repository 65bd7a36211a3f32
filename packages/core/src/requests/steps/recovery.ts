import type { Deps } from "../../deps";
import type { Step } from "../../engine/definition";
import { getMember } from "../../members/register";
import { isoDay } from "../checks/context";
import { notify } from "../notify";
import { referenceNumberOf } from "../payment-reference";
import { asRequest, type RequestData } from "../record";

/** After the payout: the client who cancelled is invited to honour the costs, and reminded. */
export function recoverySteps(deps: Deps): Record<string, Step> {
  /** The client's invitation, when they gave an email and the member consented. */
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

  return {
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
  };
}

/** A client who gave an email, with the member's consent to contact them, is invited to pay. */
export function clientInvited(data: RequestData): boolean {
  const r = data.request;
  return "client" in r && r.client.email !== undefined && r.clientConsent === true;
}

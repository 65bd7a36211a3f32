import type { CallbackResult } from "../engine/definition";
import { EntraideError } from "../errors";
import type { RequestEvent } from "./events";
import type { Decision, RequestData } from "./record";

export type DecisionPayload = RequestEvent<"decision">;

/** Where a decision leads: the workflow maps each outcome to its state. */
export type DecisionOutcomeName = "rejected" | "needs-info" | "approved";

/**
 * What an approver's decision does to a request waiting for approval (§4): a rejection or a
 * question ends the wait at once; approvals count once per distinct approver, and the request
 * is granted when enough of them agree, for the lowest amount any of them approved.
 */
export function applyDecision(
  data: RequestData,
  payload: DecisionPayload,
  approver: string,
  now: string,
): CallbackResult<DecisionOutcomeName> {
  const member = data.request.email.toLowerCase();
  if (approver.toLowerCase() === member) {
    throw new EntraideError("decision.own-request", "a member never decides on their own request", {
      status: 403,
    });
  }
  if (
    payload.amountCents !== undefined &&
    (payload.amountCents <= 0 || payload.amountCents > data.amountCents)
  ) {
    throw new EntraideError(
      "decision.amount",
      "the approved amount must be positive and at most the requested amount",
      { status: 400 },
    );
  }
  const round = data.round ?? 1;
  if (
    (data.decisions ?? []).some(
      (d) => d.round === round && d.approver.toLowerCase() === approver.toLowerCase(),
    )
  ) {
    throw new EntraideError(
      "decision.already-decided",
      "you have already decided on this request",
      { status: 409 },
    );
  }
  const decision: Decision = {
    round,
    approver,
    decision: payload.decision,
    amountCents: payload.amountCents,
    comment: payload.comment,
    via: payload.via,
    at: now,
  };
  const decisions = [...(data.decisions ?? []), decision];
  const event = {
    type: `Decision.${payload.decision}`,
    detail: { approver, amountCents: payload.amountCents, via: payload.via },
  };
  if (payload.decision === "reject") {
    return {
      data: {
        decisions,
        status: "rejected",
        rejection: { reason: payload.comment ?? "", by: approver, at: now },
      },
      outcome: "rejected",
      events: [event],
    };
  }
  if (payload.decision === "request-info") {
    return {
      data: {
        decisions,
        status: "needs-info",
        infoRequest: { message: payload.comment ?? "", requestedAt: now, by: approver },
      },
      outcome: "needs-info",
      events: [event],
    };
  }
  const approvals = decisions.filter((d) => d.round === round && d.decision === "approve");
  const approvers = [...new Set(approvals.map((d) => d.approver.toLowerCase()))];
  const required = data.routing?.requiredApprovals ?? 1;
  if (approvers.length < required) return { data: { decisions }, events: [event] };
  const approvedAmountCents = Math.min(
    data.amountCents,
    ...approvals.map((d) => d.amountCents ?? data.amountCents),
  );
  return {
    data: {
      decisions,
      status: "approved",
      approvedAmountCents,
      approvedAt: now,
      approvedBy: approvers,
    },
    outcome: "approved",
    events: [event, { type: "Approved", detail: { amountCents: approvedAmountCents } }],
  };
}

/** What a decision just caused, as the approver who made it reads it. */
export type DecisionOutcome =
  | { kind: "rejected" }
  | { kind: "info-requested" }
  | { kind: "approved"; approvedAmountCents: number }
  | { kind: "awaiting-approvals"; approvals: number; requiredApprovals: number };

export function outcomeOf(data: RequestData, decision: Decision["decision"]): DecisionOutcome {
  if (decision === "reject") return { kind: "rejected" };
  if (decision === "request-info") return { kind: "info-requested" };
  if (data.approvedAmountCents !== undefined && data.approvedAt !== undefined)
    return { kind: "approved", approvedAmountCents: data.approvedAmountCents };
  const round = data.round ?? 1;
  const approvals = new Set(
    (data.decisions ?? [])
      .filter((d) => d.round === round && d.decision === "approve")
      .map((d) => d.approver.toLowerCase()),
  ).size;
  return {
    kind: "awaiting-approvals",
    approvals,
    requiredApprovals: data.routing?.requiredApprovals ?? 1,
  };
}

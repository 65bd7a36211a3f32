import type { Deps } from "../deps";
import { coverage } from "../loans/notices";
import { planConfig } from "../plan/config";
import { renderReason } from "../request-view/reasons";
import { isoDay } from "./checks/context";
import { fixableValues } from "./checks/fixable";
import { referenceOf } from "./payment-reference";
import { projectView, REPORTING, trancheOfPayout } from "./project-view";
import type { RequestData } from "./record";
import { ownRequestWithHistory } from "./status-token";
import { ownerUnconfirmed } from "./steps/identity";
import { historyLabels, nextSteps } from "./view-texts";

/** The last day to answer a request for information, after which the request expires. */
const answerBy = (requestedAt: string) =>
  isoDay(new Date(Date.parse(requestedAt) + planConfig.needsInfo.expiresAfterSeconds * 1000));

/**
 * Which next step the page says: the status's, or a more exact one where the status alone
 * would mislead (a committee voting is not "an approver"; a hold waits for another person).
 */
export function nextStepKey(status: string, data: RequestData): string {
  if (status === "awaiting-approval" && data.vote) return "awaiting-approval-vote";
  if (status === "approved" && ownerUnconfirmed(data)) return "approved-owner-hold";
  return status;
}

const OPEN_FOR_WITHDRAWAL = new Set(["received", "checking", "needs-info", "awaiting-approval"]);

/**
 * The member's view of a request, for the holder of its status token only: an unknown id and a
 * wrong token are the same 404. Redacted: no approver names, no risk warnings (they may name
 * other members), and an execution that failed technically shows as "under review".
 */
export async function memberView(deps: Deps, id: string, token: string | undefined) {
  const { execution, data, history: events } = await ownRequestWithHistory(deps, id, token);
  const lang = data.language;
  const status = execution.status === "failed" ? "under-review" : data.status;
  const history = events
    .filter((e) => historyLabels[e.type])
    .map((e) => ({ at: e.at, type: e.type, label: historyLabels[e.type]![lang] }));
  const round = data.round ?? 1;
  return {
    id,
    type: data.request.type,
    status,
    language: lang,
    createdAt: execution.startedAt,
    amountCents: data.amountCents,
    approvedAmountCents: data.approvedAmountCents,
    checks: (data.checks?.results ?? [])
      .filter((c) => c.outcome !== "warn")
      .map((c) => ({
        check: c.check,
        outcome: c.outcome,
        reason: c.reason,
        message: renderReason(c.reason, lang),
      })),
    history,
    nextStep: nextSteps[nextStepKey(status, data)]?.[lang] ?? "",
    /** Which of `nextSteps` that is, for a page that says it in another language. */
    nextStepKey: nextStepKey(status, data),
    actions: {
      withdraw: execution.status === "running" && OPEN_FOR_WITHDRAWAL.has(status),
      answerInfo: status === "needs-info",
      correctIban: status === "payout-failed" || status === "confirming-iban",
      report: REPORTING.has(status),
    },
    /** Why the request was refused, in the approver's words (never who refused it). */
    rejection: data.rejection && { reason: data.rejection.reason, at: data.rejection.at },
    /** What approvers wrote when approving, e.g. why they granted less than asked. */
    approvalComments: (data.decisions ?? [])
      .filter((d) => d.decision === "approve" && d.comment && (d.round ?? 1) === round)
      .map((d) => ({ comment: d.comment!, amountCents: d.amountCents, at: d.at })),
    infoRequest: data.infoRequest && {
      message: data.infoRequest.message,
      /** An approver's question, or (when the checks asked) the failed checks' reasons. */
      question: data.infoRequest.by ? data.infoRequest.message : undefined,
      reasons: data.infoRequest.by
        ? []
        : (data.checks?.results ?? []).filter((c) => c.outcome === "fail").map((c) => c.reason),
      requestedAt: data.infoRequest.requestedAt,
      answerBy: answerBy(data.infoRequest.requestedAt),
      /** The fields the failed checks name, with their current values, to correct in the answer. */
      fields:
        status === "needs-info" ? fixableValues(data.request, data.checks?.results ?? []) : {},
    },
    payout: data.payout && {
      status: data.payout.status,
      amountCents:
        trancheOfPayout(data, data.payout.payoutId) ?? data.approvedAmountCents ?? data.amountCents,
      reference: data.payout.reference,
      paidAt: data.payout.paidAt,
    },
    project: projectView(data),
    loan: data.loan && {
      schedule: coverage(data.loan.schedule, data.loan.repaidCents).map(
        ({ outstandingCents: _, ...i }) => i,
      ),
      outstandingCents: data.loan.principalCents - data.loan.repaidCents,
      overdue: (data.loan.overdue ?? []).length > 0,
      /** Where and how to repay: the cooperative's account and the communication to give. */
      repayTo: deps.config.debtor?.iban,
      paymentReference: referenceOf(id),
    },
  };
}

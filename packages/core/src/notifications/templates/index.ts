import type { Language } from "../../i18n/language";
import type { RenderedEmail } from "../layout";
import { approvalEscalation } from "./approval-escalation";
import { approvalReminder } from "./approval-reminder";
import { approvalRequest } from "./approval-request";
import { batchReady } from "./batch-ready";
import {
  boardConfirm,
  boardExpired,
  boardHidden,
  boardPublished,
  boardReminder,
  boardWarned,
} from "./board";
import { boardAnswer } from "./board-answer";
import { boardModeration } from "./board-moderation";
import { boardModerationAnswer } from "./board-moderation-answer";
import { voteChair, voteOutcome, voteRequest } from "./committee-vote";
import { disputeClosed, disputeClosedApprover } from "./dispute-closed";
import { infoNeeded } from "./info-needed";
import { infoReminder } from "./info-reminder";
import { installmentOverdue } from "./installment-overdue";
import { installmentReminder } from "./installment-reminder";
import { loanRepaid } from "./loan-repaid";
import { loanSchedule } from "./loan-schedule";
import { ibanChanged, ibanConfirmation, ownerNotice } from "./payout-account";
import { payoutFailed } from "./payout-failed";
import { payoutAbandoned, payoutFailedReminder, requestDisputed } from "./payout-followup";
import { payoutPaid } from "./payout-paid";
import { coApplicantConfirmation, projectStopped, trancheCheck } from "./project";
import { recoveryInvitation } from "./recovery-invitation";
import { recoveryReminder } from "./recovery-reminder";
import { replyAnswered } from "./reply-answered";
import { replyNotUnderstood } from "./reply-not-understood";
import { requestApproved } from "./request-approved";
import { requestExpired } from "./request-expired";
import { requestReceived } from "./request-received";
import { requestRejected } from "./request-rejected";
import { secondApproval } from "./second-approval";

/** Every email the product sends, by name; each a pure `(params, language) => RenderedEmail`. */
export const templates = {
  // to approvers
  "approval-request": approvalRequest,
  "approval-reminder": approvalReminder,
  "approval-escalation": approvalEscalation,
  "second-approval": secondApproval,
  "vote-request": voteRequest,
  "vote-chair": voteChair,
  // to committee members and the applicants
  "vote-outcome": voteOutcome,
  "reply-not-understood": replyNotUnderstood,
  "reply-answered": replyAnswered,
  "request-disputed": requestDisputed,
  "dispute-closed-approver": disputeClosedApprover,
  "tranche-check": trancheCheck,
  // to members
  "request-received": requestReceived,
  "info-needed": infoNeeded,
  "info-reminder": infoReminder,
  "request-approved": requestApproved,
  "request-rejected": requestRejected,
  "request-expired": requestExpired,
  "payout-paid": payoutPaid,
  "payout-failed": payoutFailed,
  "payout-failed-reminder": payoutFailedReminder,
  "payout-abandoned": payoutAbandoned,
  "iban-changed": ibanChanged,
  "project-stopped": projectStopped,
  // to the member who disputed a request, at the register's address
  "dispute-closed": disputeClosed,
  // to the address in the members register
  "iban-confirmation": ibanConfirmation,
  "owner-notice": ownerNotice,
  "co-applicant-confirmation": coApplicantConfirmation,
  "loan-schedule": loanSchedule,
  "installment-reminder": installmentReminder,
  "installment-overdue": installmentOverdue,
  "loan-repaid": loanRepaid,
  // to the client
  "recovery-invitation": recoveryInvitation,
  "recovery-reminder": recoveryReminder,
  // to finance
  "batch-ready": batchReady,
  // the mutual-aid board: to the author (register address), and to the moderators
  "board-confirm": boardConfirm,
  "board-published": boardPublished,
  "board-reminder": boardReminder,
  "board-expired": boardExpired,
  "board-hidden": boardHidden,
  "board-warned": boardWarned,
  "board-answer": boardAnswer,
  "board-moderation": boardModeration,
  "board-moderation-answer": boardModerationAnswer,
} as const;

export type TemplateName = keyof typeof templates;
export type TemplateParams<N extends TemplateName> = Parameters<(typeof templates)[N]>[0];
export const templateNames = Object.keys(templates) as TemplateName[];

/** Who reads an email; a member's email always carries their private status link. */
export type Audience =
  | "member"
  | "approver"
  | "committee"
  | "register"
  | "client"
  | "finance"
  | "board";

/** Every template's reader: a new template does not compile until it says whose it is. */
export const audiences: Record<TemplateName, Audience> = {
  "approval-request": "approver",
  "approval-reminder": "approver",
  "approval-escalation": "approver",
  "second-approval": "approver",
  "reply-not-understood": "approver",
  "reply-answered": "approver",
  "vote-request": "approver",
  "vote-chair": "approver",
  // To the committee, and to the applicants (whose status link comes with the decision's email).
  "vote-outcome": "committee",
  "request-disputed": "approver",
  "dispute-closed-approver": "approver",
  // The registered member disowned the request: the request is theirs to follow to its end.
  "dispute-closed": "member",
  "request-received": "member",
  "info-needed": "member",
  "info-reminder": "member",
  "request-approved": "member",
  "request-rejected": "member",
  "request-expired": "member",
  "payout-paid": "member",
  "payout-failed": "member",
  "payout-failed-reminder": "member",
  "payout-abandoned": "member",
  "iban-changed": "member",
  "loan-schedule": "member",
  "installment-reminder": "member",
  "installment-overdue": "member",
  "loan-repaid": "member",
  // The registered address may not be the requester's: it gets no status link.
  "iban-confirmation": "register",
  "owner-notice": "register",
  "recovery-invitation": "client",
  "recovery-reminder": "client",
  "batch-ready": "finance",
  "board-confirm": "board",
  "board-published": "board",
  "board-reminder": "board",
  "board-expired": "board",
  "board-hidden": "board",
  "board-warned": "board",
  "board-answer": "board",
  "board-moderation": "board",
  "board-moderation-answer": "board",
  // A project's co-applicants are asked at their registered address; the lead gets the stop.
  "co-applicant-confirmation": "register",
  "project-stopped": "member",
  "tranche-check": "approver",
};

/**
 * Renders the email `name` with its typed params.
 *
 * @example render("request-approved", { publicUrl, requestId, statusToken, type: "emergency-aid", amountCents: 50_000 }, "nl")
 */
export function render<N extends TemplateName>(
  name: N,
  params: TemplateParams<N>,
  language: Language,
): RenderedEmail {
  const template = templates[name] as (p: TemplateParams<N>, l: Language) => RenderedEmail;
  return template(params, language);
}

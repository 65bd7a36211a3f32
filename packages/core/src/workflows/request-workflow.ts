import { addSeconds, seconds } from "../clock";
import {
  type CallbackOutcome,
  type Data,
  defineWorkflow,
  type RetryRule,
} from "../engine/definition";
import { ALL_ERRORS, TIMEOUT_ERROR } from "../engine/retry";
import { planConfig } from "../plan/config";
import { exported, recovered, repayment } from "../requests/after-payout";
import { requestAmountCents } from "../requests/amount";
import { loanWatchDays } from "../requests/loan-steps";
import { applyDecision, type DecisionPayload } from "../requests/decisions";
import { abandonAt } from "../requests/payout-account-steps";
import {
  awaitingConfirmation,
  closeProject,
  coApplicantAnswer,
  coApplicantReminder,
  hasNextTranche,
  isProject,
  projectDeadline,
  projectRecord,
  trancheCheck,
  trancheReport,
} from "../requests/project";
import { asRequest, type RequestData } from "../requests/record";
import type { RequestType } from "../requests/request-types";
import type { RequestBody } from "../requests/schemas";
import { committeeVoteStates } from "./committee-vote";

const DAY_SECONDS = seconds.days(1);

/** Passing faults (a throttled table, SES hiccups) are retried; business errors never are. */
const transient: RetryRule[] = [
  {
    errors: [ALL_ERRORS],
    intervalSeconds: 2,
    maxAttempts: 5,
    backoffRate: 2,
    maxDelaySeconds: 60,
    jitter: "full",
  },
];

/** The member withdrew: the status says so with the same write, before the closing step runs. */
const withdraw = (payload: { event?: unknown }) =>
  payload.event === "withdraw" ? { data: { status: "withdrawn" }, next: "withdrawn" } : undefined;

/** The member gave another IBAN after a returned transfer: a claim, to be confirmed. */
const claimIban = (payload: Data, now: string): CallbackOutcome | undefined =>
  payload.event === "iban-claimed"
    ? {
        data: { ibanClaim: { iban: String(payload.iban), claimedAt: now } },
        events: [
          { type: "IbanClaimReceived", detail: { ibanEnd: String(payload.iban).slice(-4) } },
        ],
        next: "confirming-iban",
      }
    : undefined;

/** The bank returned a transfer already marked paid: back to asking the member for an IBAN. */
const returned = (payload: Data): CallbackOutcome | undefined =>
  payload.event === "payout-failed"
    ? { data: { reopened: { reason: payload.reason } }, next: "payout-returned" }
    : undefined;

/** The request's email or IBAN is not the register's: its registered owner must hear of it. */
const needsOwnerNotice = (data: RequestData) =>
  data.ownerNotice === undefined &&
  (data.checks?.results ?? []).some((r) =>
    ["member_email_differs", "iban_differs_from_register"].includes(r.reason.code),
  );

/** The registered member answered the notice: it is them (the hold ends), or it is not (freeze). */
const ownerAnswer = (
  data: Data,
  payload: Data,
  token: { key: string; meta: Data },
  now: string,
): CallbackOutcome | undefined => {
  const notice = asRequest(data).ownerNotice;
  if (!token.key.startsWith("owner:") || !notice) return undefined;
  if (payload.event === "not-me") return dispute(token, now, "request");
  if (payload.event !== "owner-confirm") return undefined;
  return {
    data: { ownerNotice: { ...notice, confirmedAt: now } },
    events: [{ type: "OwnerConfirmed" }],
  };
};

/** The registered member says this is not them: the request freezes, the approvers are told. */
const dispute = (token: { meta: Data }, now: string, during: string): CallbackOutcome => ({
  data: { status: "disputed", dispute: { at: now, by: String(token.meta.email), during } },
  events: [{ type: "Disputed", detail: { during } }],
  next: "disputed",
});

/**
 * The life of a request (§3): intake, justification checks, approval by email, funds, payout,
 * and for some types what follows the payout. The four types share it; what differs between
 * them (fields, checks, approvers, fund, after-payout) is data of the plan and the request.
 */
export function requestWorkflow(type: RequestType, table: string, plan = planConfig) {
  const fund = plan.types[type].fund;
  const approvals = plan.approvals;
  const policy = plan.types[type].approval;
  return defineWorkflow({
    name: type,
    version: 1,
    startAt: "received",
    // Written once (or seldom) and large: kept out of the execution item every transition rewrites,
    // so that it stays under 1 KB (one unit). `status`, `approvedAt` and `rejection` stay inline:
    // the checks of a member's next request read them by projection (check-context.ts).
    detached: [
      "request",
      "checks",
      "routing",
      "ibanCheck",
      "loan",
      "statusTokenHash",
      "decisions",
      "payout",
      "infoRequest",
      "infoAnswers",
    ],
    states: {
      received: { type: "task", step: "receive", retry: transient, next: "checking" },
      checking: { type: "task", step: "check", retry: transient, next: "after-checks" },
      "after-checks": {
        type: "choice",
        choices: [{ when: (d) => asRequest(d).checks?.outcome === "fail", next: "needs-info" }],
        default: "owner-check",
      },
      // Asked in someone else's name? The address in the members register is told at once.
      "owner-check": {
        type: "choice",
        choices: [{ when: (d) => needsOwnerNotice(asRequest(d)), next: "notifying-owner" }],
        default: "co-applicants",
      },
      "notifying-owner": {
        type: "task",
        step: "notify-owner",
        retry: transient,
        next: "co-applicants",
      },
      // A project's other members confirm from their own addresses before anyone decides.
      "co-applicants": {
        type: "choice",
        choices: [{ when: awaitingConfirmation, next: "inviting-co-applicants" }],
        default: "routing",
      },
      "inviting-co-applicants": {
        type: "task",
        step: "invite-co-applicants",
        retry: transient,
        next: "confirming-co-applicants",
      },
      "confirming-co-applicants": {
        type: "callback",
        onEnter: "ask-co-applicants",
        retry: transient,
        deadline: (d) => projectRecord(d).confirmBy,
        timers: coApplicantReminder(plan),
        catch: [{ errors: [TIMEOUT_ERROR], next: "co-applicant-unconfirmed" }],
        onCallback: (data, { payload, token, now }) =>
          withdraw(payload) ??
          coApplicantAnswer(data, payload, token, now) ??
          ownerAnswer(data, payload, token, now),
      },
      "co-applicant-declined": { type: "task", step: "notify-project-stopped", retry: transient },
      "co-applicant-unconfirmed": {
        type: "task",
        step: "notify-project-stopped",
        retry: transient,
      },
      routing: {
        type: "task",
        step: "route",
        retry: transient,
        next: policy.kind === "committee-vote" ? "committee-vote" : "awaiting-approval",
      },
      "needs-info": {
        type: "callback",
        onEnter: "ask-info",
        retry: transient,
        timeoutSeconds: plan.needsInfo.expiresAfterSeconds,
        timers: [
          {
            name: "reminder",
            afterSeconds: plan.needsInfo.reminderAfterSeconds,
            step: "remind-info",
          },
        ],
        catch: [{ errors: [TIMEOUT_ERROR], next: "expired" }],
        onCallback: (data, { payload, token, now }) => {
          if (payload.event !== "info")
            return withdraw(payload) ?? ownerAnswer(data, payload, token, now);
          const before = asRequest(data).request;
          const added = (payload.documents as string[] | undefined) ?? [];
          // Validated by `answerInfo` against the request's schema and the failed checks.
          const corrections = (payload.corrections as Record<string, unknown> | undefined) ?? {};
          const request = {
            ...before,
            ...corrections,
            documents: [...new Set([...(before.documents ?? []), ...added])],
          } as RequestBody;
          const corrected = Object.keys(corrections);
          const asked = asRequest(data).infoRequest;
          // What was asked, kept with its answer: approvers read the whole conversation.
          const question = asked?.by
            ? { by: asked.by, message: asked.message, at: asked.requestedAt }
            : {
                reasons: (asRequest(data).checks?.results ?? [])
                  .filter((r) => r.outcome === "fail")
                  .map((r) => r.reason),
                at: asked?.requestedAt ?? now,
              };
          return {
            data: {
              // The member's page shows the checks running at once, not the question answered.
              status: "checking",
              request,
              amountCents: requestAmountCents(request),
              infoAnswers: [
                ...(asRequest(data).infoAnswers ?? []),
                {
                  comment: payload.comment as string | undefined,
                  documents: added,
                  ...(corrected.length > 0 ? { corrected } : {}),
                  question,
                  at: now,
                },
              ],
              infoRequest: undefined,
            },
            events: [{ type: "InfoAnswered" }],
            next: "checking",
          };
        },
      },
      "awaiting-approval": {
        type: "callback",
        onEnter: "request-approval",
        retry: transient,
        timers: [
          {
            name: "reminder",
            afterSeconds: approvals.reminderEverySeconds,
            everySeconds: approvals.reminderEverySeconds,
            times: approvals.reminderCount,
            step: "remind-approvers",
          },
          { name: "escalation", afterSeconds: approvals.escalateAfterSeconds, step: "escalate" },
        ],
        onCallback: (data, { payload, token, now }) =>
          withdraw(payload) ??
          ownerAnswer(data, payload, token, now) ??
          applyDecision(asRequest(data), payload as DecisionPayload, String(token.meta.email), now),
      },
      ...(policy.kind === "committee-vote"
        ? committeeVoteStates(
            policy,
            transient,
            (data, { payload, token, now }) =>
              withdraw(payload) ?? ownerAnswer(data, payload, token, now),
          )
        : {}),
      // Decided: a request told to the registered address waits for its answer or the delay.
      approved: {
        type: "choice",
        choices: [
          {
            when: (d) =>
              asRequest(d).ownerNotice !== undefined && !asRequest(d).ownerNotice?.confirmedAt,
            next: "owner-hold",
          },
        ],
        default: "granting",
      },
      "owner-hold": {
        type: "callback",
        retry: transient,
        deadline: (d) => {
          const sentAt = asRequest(d).ownerNotice?.sentAt;
          return sentAt ? addSeconds(sentAt, plan.identity.holdSeconds) : undefined;
        },
        catch: [{ errors: [TIMEOUT_ERROR], next: "granting" }],
        onCallback: (data, { payload, token, now }) => {
          const answer = ownerAnswer(data, payload, token, now);
          return answer && payload.event === "owner-confirm"
            ? { ...answer, next: "granting" }
            : answer;
        },
      },
      granting: {
        type: "task",
        step: "grant",
        retry: transient,
        catch: [{ errors: ["FundsInsufficient"], next: "awaiting-funds" }],
        next: "payout",
      },
      "awaiting-funds": {
        type: "callback",
        onEnter: "await-funds",
        retry: transient,
        catch: [{ errors: ["FundsInsufficient"], next: "awaiting-funds" }],
        onCallback: (_data, { payload }) =>
          payload.event === "funds-available" ? { next: "granting" } : undefined,
      },
      payout: {
        type: "callback",
        onEnter: "notify-approved",
        retry: transient,
        onCallback: (data, { payload, now }) => {
          const payout = asRequest(data).payout;
          if (payload.event === "paid") {
            return {
              data: {
                status: "paid",
                payout: {
                  ...payout,
                  status: "paid",
                  paidAt: payload.paidAt,
                  batchId: payload.batchId,
                },
              },
              events: [{ type: "Paid" }],
              next: "paid",
            };
          }
          if (payload.event === "exported") return exported(asRequest(data), payload);
          if (payload.event === "payout-failed") {
            return {
              data: {
                status: "payout-failed",
                payout: { ...payout, status: "payout-failed", failure: payload.reason },
                payoutFailedAt: now,
              },
              events: [{ type: "PayoutFailed" }],
              next: "payout-failed",
            };
          }
          return undefined;
        },
      },
      // The bank returned the transfer after the request moved past the payment, or closed.
      "payout-returned": {
        type: "task",
        step: "record-return",
        retry: transient,
        next: "payout-failed",
      },
      "payout-failed": {
        type: "callback",
        onEnter: "notify-payout-failed",
        retry: transient,
        timers: [
          {
            name: "reminder",
            afterSeconds: plan.payouts.returned.reminderAfterSeconds,
            step: "remind-payout-failed",
          },
        ],
        deadline: (d) => abandonAt(asRequest(d), plan),
        catch: [{ errors: [TIMEOUT_ERROR], next: "payout-abandoned" }],
        onCallback: (_data, { payload, now }) => claimIban(payload, now),
      },
      // A new IBAN is a claim: confirmed from the address in the members register, or nothing.
      "confirming-iban": {
        type: "callback",
        onEnter: "ask-iban-confirmation",
        retry: transient,
        deadline: (d) => abandonAt(asRequest(d), plan),
        catch: [{ errors: [TIMEOUT_ERROR], next: "payout-abandoned" }],
        onCallback: (data, { payload, token, now }) => {
          if (payload.event === "iban-claimed") return claimIban(payload, now);
          if (!token.key.startsWith("owner:")) return undefined;
          if (payload.event === "confirm") {
            const claim = asRequest(data).ibanClaim;
            return {
              data: { ibanClaim: { ...claim!, confirmedAt: now } },
              events: [{ type: "IbanConfirmed", detail: { by: token.meta.email } }],
              next: "checking-iban",
            };
          }
          if (payload.event === "not-me") return dispute(token, now, "confirming-iban");
          return undefined;
        },
      },
      "checking-iban": {
        type: "task",
        step: "check-iban",
        retry: transient,
        next: "after-iban-checks",
      },
      "after-iban-checks": {
        type: "choice",
        choices: [
          { when: (d) => asRequest(d).ibanCheck?.needsApproval === true, next: "iban-approval" },
        ],
        default: "rescheduling",
      },
      // Another member's account, or another country: an approver confirms the change.
      "iban-approval": {
        type: "callback",
        onEnter: "request-iban-approval",
        retry: transient,
        deadline: (d) => abandonAt(asRequest(d), plan),
        catch: [{ errors: [TIMEOUT_ERROR], next: "payout-abandoned" }],
        onCallback: (_data, { payload, token, now }) => {
          if (payload.event !== "decision") return undefined;
          const decision = {
            approver: String(token.meta.email),
            decision: payload.decision,
            at: now,
          };
          const event = { type: `IbanChange.${String(payload.decision)}`, detail: decision };
          if (payload.decision === "approve") return { events: [event], next: "rescheduling" };
          if (payload.decision === "reject")
            return {
              data: { ibanClaim: undefined, ibanCheck: undefined, status: "payout-failed" },
              events: [event],
              next: "payout-failed",
            };
          return undefined;
        },
      },
      rescheduling: { type: "task", step: "reschedule", retry: transient, next: "payout" },
      "payout-abandoned": {
        type: "task",
        step: "abandon",
        retry: transient,
        next: "abandoned",
      },
      // Nothing reserved any more; waits, at no cost, for operations to reopen it.
      abandoned: {
        type: "callback",
        onCallback: (_data, { payload }) =>
          payload.event === "reopen" ? { next: "reopening" } : undefined,
      },
      reopening: {
        type: "task",
        step: "reopen-payout",
        retry: transient,
        catch: [{ errors: ["FundsInsufficient"], next: "abandoned" }],
        next: "payout-failed",
      },
      // Frozen: the registered member said this is not theirs; the approvers were told.
      disputed: {
        type: "callback",
        onEnter: "notify-disputed",
        onCallback: () => undefined,
      },
      paid: { type: "task", step: "notify-paid", retry: transient, next: "after-paid" },
      "after-paid": {
        type: "choice",
        choices: [
          { when: hasNextTranche, next: "awaiting-report" },
          { when: isProject, next: "closing-project" },
          { when: (d) => asRequest(d).request.type === "relaunch-loan", next: "repaying" },
          {
            when: (d) => {
              const r = asRequest(d).request;
              return "client" in r && r.client.email !== undefined && r.clientConsent === true;
            },
            next: "recovery",
          },
        ],
        default: "done",
      },
      repaying: {
        type: "callback",
        onEnter: "start-loan",
        retry: transient,
        // A daily look: installment reminders and overdue notices fall on calendar dates.
        timers: [
          {
            name: "loan-watch",
            afterSeconds: DAY_SECONDS,
            everySeconds: DAY_SECONDS,
            times: loanWatchDays(plan),
            step: "watch-loan",
          },
        ],
        onCallback: (data, { payload, now }) =>
          returned(payload) ?? repayment(asRequest(data), payload, table, fund, now),
      },
      repaid: { type: "task", step: "notify-repaid", retry: transient, next: "done" },
      recovery: {
        type: "callback",
        onEnter: "invite-client",
        retry: transient,
        timers: [
          {
            name: "reminder",
            afterSeconds: plan.recovery.reminderAfterSeconds,
            step: "remind-client",
          },
        ],
        timeoutSeconds: plan.recovery.reminderAfterSeconds * 3,
        catch: [{ errors: [TIMEOUT_ERROR], next: "done" }],
        onCallback: (data, { payload }) =>
          returned(payload) ?? recovered(asRequest(data), payload),
      },
      // A project between tranches: the applicants report on the milestone reached.
      "awaiting-report": {
        type: "callback",
        onEnter: "open-tranche",
        retry: transient,
        deadline: projectDeadline,
        catch: [{ errors: [TIMEOUT_ERROR], next: "closing-project" }],
        onCallback: (data, { payload, now }) =>
          trancheReport(data, payload, now) ?? closeProject(data, payload, table, fund, now),
      },
      // One committee member checks the report, from the email's link or a reply.
      "report-checking": {
        type: "callback",
        onEnter: "request-report-check",
        retry: transient,
        onCallback: (data, { payload, token, now }) =>
          trancheCheck(data, payload as DecisionPayload, String(token.meta.email), now),
      },
      // The checker asked for more: the applicants answer with another report.
      "report-needs-info": {
        type: "callback",
        onEnter: "ask-report-info",
        retry: transient,
        deadline: projectDeadline,
        catch: [{ errors: [TIMEOUT_ERROR], next: "closing-project" }],
        onCallback: (data, { payload, now }) =>
          trancheReport(data, payload, now) ?? closeProject(data, payload, table, fund, now),
      },
      "tranche-granting": {
        type: "task",
        step: "grant-tranche",
        retry: transient,
        next: "payout",
      },
      // Tranches never paid go back to the fund, once.
      "closing-project": {
        type: "task",
        step: "close-project",
        retry: transient,
        next: "done",
      },
      rejected: { type: "task", step: "notify-rejected", retry: transient },
      withdrawn: { type: "task", step: "notify-withdrawn", retry: transient },
      expired: { type: "task", step: "notify-expired", retry: transient },
      done: { type: "succeed" },
    },
  });
}

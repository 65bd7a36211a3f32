import { seconds } from "../clock";
import { defineWorkflow } from "../engine/definition";
import { TIMEOUT_ERROR } from "../engine/retry";
import { planConfig } from "../plan/config";
import { exported, recovered, repayment } from "../requests/after-payout";
import { applyDecision, type DecisionPayload } from "../requests/decisions";
import { loanWatchDays } from "../requests/loan-steps";
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
import { asRequest, DETACHED_REQUEST_FIELDS } from "../requests/record";
import type { RequestType } from "../requests/request-types";
import {
  disputed,
  needsOwnerNotice,
  ownerHoldEnds,
  ownerUnconfirmed,
} from "../requests/steps/identity";
import { infoAnswered } from "../requests/steps/intake";
import { payoutFailed, payoutPaid } from "../requests/steps/payout";
import {
  abandonAt,
  ibanConfirmed,
  ibanDecision,
  ibanRefused,
} from "../requests/steps/payout-account";
import { clientInvited } from "../requests/steps/recovery";
import { committeeVoteStates } from "./committee-vote";
import {
  claimIban,
  ownerAnswer,
  returned,
  task,
  timer,
  transient,
  waiting,
  withdraw,
  withdrawOrOwner,
} from "./request-transitions";

const DAY_SECONDS = seconds.days(1);

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
    detached: DETACHED_REQUEST_FIELDS,
    states: {
      // Intake: acknowledged, checked, completed by the member when something is missing.
      received: task("receive", "checking"),
      checking: task("check", "after-checks"),
      "after-checks": {
        type: "choice",
        choices: [{ when: (d) => asRequest(d).checks?.outcome === "fail", next: "needs-info" }],
        default: "owner-check",
      },
      "needs-info": waiting("ask-info", {
        timeoutSeconds: plan.needsInfo.expiresAfterSeconds,
        timers: [timer("reminder", plan.needsInfo.reminderAfterSeconds, "remind-info")],
        catch: [{ errors: [TIMEOUT_ERROR], next: "expired" }],
        onCallback: (data, input) =>
          input.payload.event === "info"
            ? { ...infoAnswered(data, input.payload, input.now), next: "checking" }
            : withdrawOrOwner(data, input),
      }),
      // Asked in someone else's name? The address in the members register is told at once.
      "owner-check": {
        type: "choice",
        choices: [{ when: (d) => needsOwnerNotice(asRequest(d)), next: "notifying-owner" }],
        default: "co-applicants",
      },
      "notifying-owner": task("notify-owner", "co-applicants"),
      // A project's other members confirm from their own addresses before anyone decides.
      "co-applicants": {
        type: "choice",
        choices: [{ when: awaitingConfirmation, next: "inviting-co-applicants" }],
        default: "routing",
      },
      "inviting-co-applicants": task("invite-co-applicants", "confirming-co-applicants"),
      "confirming-co-applicants": waiting("ask-co-applicants", {
        deadline: (d) => projectRecord(d).confirmBy,
        timers: coApplicantReminder(plan),
        catch: [{ errors: [TIMEOUT_ERROR], next: "co-applicant-unconfirmed" }],
        onCallback: (data, input) =>
          withdraw(input.payload) ??
          coApplicantAnswer(data, input.payload, input.token, input.now) ??
          ownerAnswer(data, input),
      }),
      "co-applicant-declined": task("notify-project-stopped"),
      "co-applicant-unconfirmed": task("notify-project-stopped"),

      // Approval: by email (one, two or a committee's approvers), or by a committee vote.
      routing: task(
        "route",
        policy.kind === "committee-vote" ? "committee-vote" : "awaiting-approval",
      ),
      "awaiting-approval": waiting("request-approval", {
        timers: [
          timer("reminder", approvals.reminderEverySeconds, "remind-approvers", {
            everySeconds: approvals.reminderEverySeconds,
            times: approvals.reminderCount,
          }),
          timer("escalation", approvals.escalateAfterSeconds, "escalate"),
        ],
        onCallback: (data, input) =>
          withdrawOrOwner(data, input) ??
          applyDecision(
            asRequest(data),
            input.payload as DecisionPayload,
            String(input.token.meta.email),
            input.now,
          ),
      }),
      ...(policy.kind === "committee-vote"
        ? committeeVoteStates(policy, transient, withdrawOrOwner)
        : {}),
      // Decided: a request told to the registered address waits for its answer or the delay.
      approved: {
        type: "choice",
        choices: [{ when: (d) => ownerUnconfirmed(asRequest(d)), next: "owner-hold" }],
        default: "granting",
      },
      "owner-hold": waiting(undefined, {
        deadline: (d) => ownerHoldEnds(asRequest(d), plan),
        catch: [{ errors: [TIMEOUT_ERROR], next: "granting" }],
        onCallback: (data, input) => {
          const answer = ownerAnswer(data, input);
          return answer && input.payload.event === "owner-confirm"
            ? { ...answer, next: "granting" }
            : answer;
        },
      }),

      // Grant: the fund reserves the money with the payout, or the request waits for it.
      granting: task("grant", "payout", {
        catch: [{ errors: ["FundsInsufficient"], next: "awaiting-funds" }],
      }),
      "awaiting-funds": waiting("await-funds", {
        catch: [{ errors: ["FundsInsufficient"], next: "awaiting-funds" }],
        onCallback: (_data, { payload }) =>
          payload.event === "funds-available" ? { next: "granting" } : undefined,
      }),

      // Payout: in a bank file, paid, or returned by the bank and corrected by the member.
      payout: waiting("notify-approved", {
        onCallback: (data, { payload, now }) => {
          if (payload.event === "paid") return { ...payoutPaid(data, payload), next: "paid" };
          if (payload.event === "exported") return exported(asRequest(data), payload);
          if (payload.event === "payout-failed")
            return { ...payoutFailed(data, payload, now), next: "payout-failed" };
          return undefined;
        },
      }),
      // The bank returned the transfer after the request moved past the payment, or closed.
      "payout-returned": task("record-return", "payout-failed"),
      "payout-failed": waiting("notify-payout-failed", {
        timers: [
          timer("reminder", plan.payouts.returned.reminderAfterSeconds, "remind-payout-failed"),
        ],
        deadline: (d) => abandonAt(asRequest(d), plan),
        catch: [{ errors: [TIMEOUT_ERROR], next: "payout-abandoned" }],
        onCallback: (_data, { payload, now }) => claimIban(payload, now),
      }),
      // A new IBAN is a claim: confirmed from the address in the members register, or nothing.
      "confirming-iban": waiting("ask-iban-confirmation", {
        deadline: (d) => abandonAt(asRequest(d), plan),
        catch: [{ errors: [TIMEOUT_ERROR], next: "payout-abandoned" }],
        onCallback: (data, { payload, token, now }) => {
          if (payload.event === "iban-claimed") return claimIban(payload, now);
          if (!token.key.startsWith("owner:")) return undefined;
          if (payload.event === "confirm")
            return { ...ibanConfirmed(data, token, now), next: "checking-iban" };
          if (payload.event === "not-me")
            return { ...disputed(token, now, "confirming-iban"), next: "disputed" };
          return undefined;
        },
      }),
      "checking-iban": task("check-iban", "after-iban-checks"),
      "after-iban-checks": {
        type: "choice",
        choices: [
          { when: (d) => asRequest(d).ibanCheck?.needsApproval === true, next: "iban-approval" },
        ],
        default: "rescheduling",
      },
      // Another member's account, or another country: an approver confirms the change.
      "iban-approval": waiting("request-iban-approval", {
        deadline: (d) => abandonAt(asRequest(d), plan),
        catch: [{ errors: [TIMEOUT_ERROR], next: "payout-abandoned" }],
        onCallback: (_data, { payload, token, now }) => {
          if (payload.event !== "decision") return undefined;
          const events = [ibanDecision(payload, token, now)];
          if (payload.decision === "approve") return { events, next: "rescheduling" };
          if (payload.decision === "reject")
            return { data: ibanRefused(), events, next: "payout-failed" };
          return undefined;
        },
      }),
      rescheduling: task("reschedule", "payout"),
      "payout-abandoned": task("abandon", "abandoned"),
      // Nothing reserved any more; waits, at no cost, for operations to reopen it.
      abandoned: {
        type: "callback",
        onCallback: (_data, { payload }) =>
          payload.event === "reopen" ? { next: "reopening" } : undefined,
      },
      reopening: task("reopen-payout", "payout-failed", {
        catch: [{ errors: ["FundsInsufficient"], next: "abandoned" }],
      }),
      // Frozen: the registered member said this is not theirs; the approvers were told.
      disputed: { type: "callback", onEnter: "notify-disputed", onCallback: () => undefined },

      // After the payout: a loan repaid, a client invited to pay back, a project's next tranche.
      paid: task("notify-paid", "after-paid"),
      "after-paid": {
        type: "choice",
        choices: [
          { when: hasNextTranche, next: "awaiting-report" },
          { when: isProject, next: "closing-project" },
          { when: (d) => asRequest(d).request.type === "relaunch-loan", next: "repaying" },
          { when: (d) => clientInvited(asRequest(d)), next: "recovery" },
        ],
        default: "done",
      },
      repaying: waiting("start-loan", {
        // A daily look: installment reminders and overdue notices fall on calendar dates.
        timers: [
          timer("loan-watch", DAY_SECONDS, "watch-loan", {
            everySeconds: DAY_SECONDS,
            times: loanWatchDays(plan),
          }),
        ],
        onCallback: (data, { payload, now }) =>
          returned(payload) ?? repayment(asRequest(data), payload, table, fund, now),
      }),
      repaid: task("notify-repaid", "done"),
      recovery: waiting("invite-client", {
        timers: [timer("reminder", plan.recovery.reminderAfterSeconds, "remind-client")],
        timeoutSeconds: plan.recovery.reminderAfterSeconds * 3,
        catch: [{ errors: [TIMEOUT_ERROR], next: "done" }],
        onCallback: (data, { payload }) => returned(payload) ?? recovered(asRequest(data), payload),
      }),
      // A project between tranches: the applicants report on the milestone reached.
      "awaiting-report": waiting("open-tranche", {
        deadline: projectDeadline,
        catch: [{ errors: [TIMEOUT_ERROR], next: "closing-project" }],
        onCallback: (data, { payload, now }) =>
          trancheReport(data, payload, now) ?? closeProject(data, payload, table, fund, now),
      }),
      // One committee member checks the report, from the email's link or a reply.
      "report-checking": waiting("request-report-check", {
        onCallback: (data, { payload, token, now }) =>
          trancheCheck(data, payload as DecisionPayload, String(token.meta.email), now),
      }),
      // The checker asked for more: the applicants answer with another report.
      "report-needs-info": waiting("ask-report-info", {
        deadline: projectDeadline,
        catch: [{ errors: [TIMEOUT_ERROR], next: "closing-project" }],
        onCallback: (data, { payload, now }) =>
          trancheReport(data, payload, now) ?? closeProject(data, payload, table, fund, now),
      }),
      "tranche-granting": task("grant-tranche", "payout"),
      // Tranches never paid go back to the fund, once.
      "closing-project": task("close-project", "done"),

      // Closing: how a request ends without (or after) its payout.
      rejected: task("notify-rejected"),
      withdrawn: task("record-withdrawal"),
      expired: task("notify-expired"),
      done: { type: "succeed" },
    },
  });
}

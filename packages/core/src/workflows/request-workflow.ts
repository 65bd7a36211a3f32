import { seconds } from "../clock";
import { defineWorkflow } from "../engine/definition";
import { TIMEOUT_ERROR, TRANSIENT_RETRY } from "../engine/retry";
import { planConfig } from "../plan/config";
import { recovered, repayment } from "../requests/after-payout";
import { applyDecision } from "../requests/decisions";
import { eventsOf } from "../requests/events";
import { loanWatchDays } from "../requests/loan-steps";
import {
  awaitingConfirmation,
  coApplicantReminder,
  hasNextTranche,
  isProject,
  projectDeadline,
  projectRecord,
} from "../requests/project";
import {
  closeProject,
  coApplicantAnswer,
  trancheCheck,
  trancheReport,
} from "../requests/project-callbacks";
import { asRequest, DETACHED_REQUEST_FIELDS } from "../requests/record";
import type { RequestType } from "../requests/request-types";
import {
  disputeClosed,
  needsOwnerNotice,
  ownerHoldEnds,
  ownerUnconfirmed,
} from "../requests/steps/identity";
import { infoAnswered } from "../requests/steps/intake";
import { clientInvited } from "../requests/steps/recovery";
import { committeeVoteStates } from "./committee-vote";
import { payoutStates } from "./payout-states";
import {
  ownerAnswer,
  returned,
  task,
  timer,
  waiting,
  withdraw,
  withdrawOrOwner,
  withdrawOrOwnerEvents,
  withdrawOrOwnerOutcomes,
} from "./request-transitions";

const DAY_SECONDS = seconds.days(1);

/**
 * The life of a request (§3): intake, justification checks, approval by email, funds, payout,
 * and for some types what follows the payout. The four types share it; what differs between
 * them (fields, checks, approvers, fund, after-payout) is data of the plan and the request.
 */
export function requestWorkflow(type: RequestType, plan = planConfig) {
  const fund = plan.types[type].fund;
  const approvals = plan.approvals;
  const policy = plan.types[type].approval;
  // The applicants' report on a milestone, or their closing of the project, while it waits.
  const reporting = (onEnter: string) =>
    waiting(onEnter, {
      deadline: projectDeadline,
      catch: [{ errors: [TIMEOUT_ERROR], next: "closing-project" }],
      events: eventsOf("tranche-report", "close-project"),
      outcomes: { reported: "report-checking", closed: "done" },
      onCallback: (data, { payload, now }) =>
        payload.event === "tranche-report"
          ? trancheReport(data, payload, now)
          : closeProject(data, payload, fund, now),
    });
  return defineWorkflow({
    name: type,
    version: 1,
    startAt: "received",
    detached: DETACHED_REQUEST_FIELDS,
    // Passing faults (a throttled table, SES hiccups) are retried; business errors never are.
    defaultRetry: TRANSIENT_RETRY,
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
        events: { ...withdrawOrOwnerEvents, ...eventsOf("info") },
        outcomes: { answered: "checking", ...withdrawOrOwnerOutcomes },
        onCallback: (data, input) =>
          input.payload.event === "info"
            ? { ...infoAnswered(data, input.payload, input.now), outcome: "answered" }
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
        events: { ...withdrawOrOwnerEvents, ...eventsOf("confirm") },
        outcomes: {
          declined: "co-applicant-declined",
          confirmed: "routing",
          ...withdrawOrOwnerOutcomes,
        },
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
        events: { ...withdrawOrOwnerEvents, ...eventsOf("decision") },
        outcomes: {
          rejected: "rejected",
          "needs-info": "needs-info",
          approved: "approved",
          ...withdrawOrOwnerOutcomes,
        },
        onCallback: (data, input) =>
          input.payload.event === "decision"
            ? applyDecision(
                asRequest(data),
                input.payload,
                String(input.token.meta.email),
                input.now,
              )
            : withdrawOrOwner(data, input),
      }),
      ...(policy.kind === "committee-vote" ? committeeVoteStates(policy) : {}),
      // Decided: a request told to the registered address waits for its answer or the delay.
      approved: {
        type: "choice",
        choices: [{ when: (d) => ownerUnconfirmed(asRequest(d)), next: "owner-hold" }],
        default: "granting",
      },
      "owner-hold": waiting(undefined, {
        deadline: (d) => ownerHoldEnds(asRequest(d), plan),
        catch: [{ errors: [TIMEOUT_ERROR], next: "granting" }],
        events: eventsOf("owner-confirm", "not-me"),
        outcomes: { confirmed: "granting", disputed: "disputed" },
        onCallback: (data, input) => {
          const answer = ownerAnswer(data, input);
          return answer && input.payload.event === "owner-confirm"
            ? { ...answer, outcome: "confirmed" }
            : answer;
        },
      }),

      // Grant: the fund reserves the money with the payout, or the request waits for it.
      granting: task("grant", "payout", {
        catch: [{ errors: ["fund.insufficient"], next: "awaiting-funds" }],
      }),
      "awaiting-funds": waiting("await-funds", {
        catch: [{ errors: ["fund.insufficient"], next: "awaiting-funds" }],
        events: eventsOf("funds-available"),
        outcomes: { "funds-available": "granting" },
        onCallback: () => ({ outcome: "funds-available" }),
      }),

      ...payoutStates(plan),
      // Frozen: the registered member said this is not theirs; the approvers were told. After
      // looking into it, operations close it unpaid (resuming it is not offered).
      disputed: waiting("notify-disputed", {
        retry: [],
        events: eventsOf("close-dispute"),
        outcomes: { closed: "dispute-closed" },
        onCallback: (data, { payload, now }) => ({
          ...disputeClosed(data, payload, now),
          outcome: "closed",
        }),
      }),
      "dispute-closed": task("close-dispute"),

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
        events: eventsOf("payout-failed", "repayment"),
        outcomes: { returned: "payout-returned", repaid: "repaid" },
        onCallback: (data, { payload, now }) =>
          payload.event === "repayment"
            ? repayment(asRequest(data), payload, fund, now)
            : returned(payload),
      }),
      repaid: task("notify-repaid", "done"),
      recovery: waiting("invite-client", {
        timers: [timer("reminder", plan.recovery.reminderAfterSeconds, "remind-client")],
        timeoutSeconds: plan.recovery.reminderAfterSeconds * 3,
        catch: [{ errors: [TIMEOUT_ERROR], next: "done" }],
        events: eventsOf("payout-failed", "recovered"),
        outcomes: { returned: "payout-returned", recovered: "done" },
        onCallback: (data, { payload }) =>
          payload.event === "recovered" ? recovered(asRequest(data), payload) : returned(payload),
      }),
      // A project between tranches: the applicants report on the milestone reached.
      "awaiting-report": reporting("open-tranche"),
      // One committee member checks the report, from the email's link or a reply.
      "report-checking": waiting("request-report-check", {
        events: eventsOf("decision"),
        outcomes: {
          approved: "tranche-granting",
          "needs-info": "report-needs-info",
          rejected: "closing-project",
        },
        onCallback: (data, { payload, token, now }) =>
          trancheCheck(data, payload, String(token.meta.email), now),
      }),
      // The checker asked for more: the applicants answer with another report.
      "report-needs-info": reporting("ask-report-info"),
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

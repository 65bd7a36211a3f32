import { defineWorkflow, type RetryRule } from "../engine/definition";
import { ALL_ERRORS, TIMEOUT_ERROR } from "../engine/retry";
import { planConfig } from "../plan/config";
import { recovered, repayment } from "../requests/after-payout";
import { applyDecision, type DecisionPayload } from "../requests/decisions";
import { asRequest } from "../requests/record";
import type { RequestType } from "../requests/request-types";

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

/**
 * The life of a request (§3): intake, justification checks, approval by email, funds, payout,
 * and for some types what follows the payout. The four types share it; what differs between
 * them (fields, checks, approvers, fund, after-payout) is data of the plan and the request.
 */
export function requestWorkflow(type: RequestType, table: string, plan = planConfig) {
  const fund = plan.types[type].fund;
  const approvals = plan.approvals;
  return defineWorkflow({
    name: type,
    version: 1,
    startAt: "received",
    states: {
      received: { type: "task", step: "receive", retry: transient, next: "checking" },
      checking: { type: "task", step: "check", retry: transient, next: "after-checks" },
      "after-checks": {
        type: "choice",
        choices: [{ when: (d) => asRequest(d).checks?.outcome === "fail", next: "needs-info" }],
        default: "routing",
      },
      routing: { type: "task", step: "route", retry: transient, next: "awaiting-approval" },
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
        onCallback: (data, { payload, now }) => {
          if (payload.event !== "info") return withdraw(payload) ?? {};
          const request = asRequest(data).request;
          const added = (payload.documents as string[] | undefined) ?? [];
          return {
            data: {
              request: {
                ...request,
                documents: [...new Set([...(request.documents ?? []), ...added])],
              },
              infoAnswers: [
                ...(asRequest(data).infoAnswers ?? []),
                { comment: payload.comment as string | undefined, documents: added, at: now },
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
          applyDecision(asRequest(data), payload as DecisionPayload, String(token.meta.email), now),
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
          payload.event === "funds-available" ? { next: "granting" } : {},
      },
      payout: {
        type: "callback",
        onEnter: "notify-approved",
        retry: transient,
        onCallback: (data, { payload }) => {
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
              next: "paid",
            };
          }
          if (payload.event === "payout-failed") {
            return {
              data: {
                status: "payout-failed",
                payout: { ...payout, status: "payout-failed", failure: payload.reason },
              },
              next: "payout-failed",
            };
          }
          return {};
        },
      },
      "payout-failed": {
        type: "callback",
        onEnter: "notify-payout-failed",
        retry: transient,
        onCallback: (_data, { payload }) =>
          payload.event === "iban-corrected"
            ? { data: { newIban: payload.iban }, next: "rescheduling" }
            : {},
      },
      rescheduling: { type: "task", step: "reschedule", retry: transient, next: "payout" },
      paid: { type: "task", step: "notify-paid", retry: transient, next: "after-paid" },
      "after-paid": {
        type: "choice",
        choices: [
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
        onCallback: (data, { payload }) => repayment(asRequest(data), payload, table, fund),
      },
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
        onCallback: (data, { payload }) => recovered(asRequest(data), payload, table, fund),
      },
      rejected: { type: "task", step: "notify-rejected", retry: transient },
      withdrawn: { type: "task", step: "notify-withdrawn", retry: transient },
      expired: { type: "task", step: "notify-expired", retry: transient },
      done: { type: "succeed" },
    },
  });
}

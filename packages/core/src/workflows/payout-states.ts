import type { State } from "../engine/definition";
import { TIMEOUT_ERROR } from "../engine/retry";
import type { PlanConfig } from "../plan/config";
import { exported } from "../requests/after-payout";
import { eventsOf } from "../requests/events";
import { asRequest } from "../requests/record";
import { disputed } from "../requests/steps/identity";
import { payoutFailed, payoutPaid } from "../requests/steps/payout";
import {
  abandonAt,
  ibanConfirmed,
  ibanDecision,
  ibanRefused,
} from "../requests/steps/payout-account";
import { claimIban, task, timer, waiting } from "./request-transitions";

/**
 * The payout states of the request workflow (request-workflow.ts): the transfer in a bank
 * file and paid, or returned by the bank, a new IBAN claimed, confirmed, checked, approved
 * when it must be; abandoned after the delay, and reopened by operations.
 */
export function payoutStates(plan: PlanConfig): Record<string, State> {
  return {
    // Payout: in a bank file, paid, or returned by the bank and corrected by the member.
    payout: waiting("notify-approved", {
      events: eventsOf("paid", "exported", "payout-failed"),
      outcomes: { paid: "paid", failed: "payout-failed" },
      onCallback: (data, { payload, now }) => {
        if (payload.event === "paid") return { ...payoutPaid(data, payload), outcome: "paid" };
        if (payload.event === "exported") return exported(asRequest(data), payload);
        return { ...payoutFailed(data, payload, now), outcome: "failed" };
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
      events: eventsOf("iban-claimed"),
      outcomes: { "iban-claimed": "confirming-iban" },
      onCallback: (_data, { payload, now }) => claimIban(payload, now),
    }),
    // A new IBAN is a claim: confirmed from the address in the members register, or nothing.
    "confirming-iban": waiting("ask-iban-confirmation", {
      deadline: (d) => abandonAt(asRequest(d), plan),
      catch: [{ errors: [TIMEOUT_ERROR], next: "payout-abandoned" }],
      events: eventsOf("iban-claimed", "confirm", "not-me"),
      outcomes: {
        "iban-claimed": "confirming-iban",
        confirmed: "checking-iban",
        disputed: "disputed",
      },
      onCallback: (data, { payload, token, now }) => {
        if (payload.event === "iban-claimed") return claimIban(payload, now);
        if (!token.key.startsWith("owner:")) return undefined;
        if (payload.event === "confirm")
          return { ...ibanConfirmed(data, token, now), outcome: "confirmed" };
        return { ...disputed(token, now, "confirming-iban"), outcome: "disputed" };
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
      events: eventsOf("decision"),
      outcomes: { approved: "rescheduling", rejected: "payout-failed" },
      onCallback: (_data, { payload, token, now }) => {
        const events = [ibanDecision(payload, token, now)];
        if (payload.decision === "approve") return { events, outcome: "approved" };
        if (payload.decision === "reject")
          return { data: ibanRefused(), events, outcome: "rejected" };
        return undefined;
      },
    }),
    rescheduling: task("reschedule", "payout"),
    "payout-abandoned": task("abandon", "abandoned"),
    // Nothing reserved any more; waits, at no cost, for operations to reopen it.
    abandoned: waiting(undefined, {
      retry: [],
      events: eventsOf("reopen"),
      outcomes: { reopened: "reopening" },
      onCallback: () => ({ outcome: "reopened" }),
    }),
    reopening: task("reopen-payout", "payout-failed", {
      catch: [{ errors: ["fund.insufficient"], next: "abandoned" }],
    }),
  };
}

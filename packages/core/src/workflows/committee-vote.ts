import type { CallbackInput, CallbackOutcome, Data, RetryRule, State } from "../engine/definition";
import { TIMEOUT_ERROR } from "../engine/retry";
import type { CommitteeVotePolicy } from "../plan/approvals";
import { applyDecision, type DecisionPayload } from "../requests/decisions";
import { asRequest } from "../requests/record";
import {
  applyVote,
  VOTE_PASSING_STATES,
  VOTE_WAITING_STATES,
  type VotePayload,
} from "../requests/votes";

/**
 * The states of a committee vote (§4), for a type whose plan policy is `committee-vote`: one
 * callback state accumulates the votes (each a conditional transition of the execution, so it
 * counts once) and leaves when they decide; at the deadline, or when nobody is left to vote
 * without a decision, the chair decides alone on the decision page. Never rejected silently.
 */
export function committeeVoteStates(
  policy: CommitteeVotePolicy,
  retry: RetryRule[],
  /** What the request takes in every waiting state (a withdrawal, the owner's answer). */
  others: (data: Data, input: CallbackInput) => CallbackOutcome | undefined,
): Record<string, State> {
  const reminders = Math.ceil(policy.votingSeconds / policy.reminderEverySeconds) - 1;
  return {
    "committee-vote": {
      type: "callback",
      onEnter: "open-vote",
      retry,
      timeoutSeconds: policy.votingSeconds,
      timers:
        reminders > 0
          ? [
              {
                name: "reminder",
                afterSeconds: policy.reminderEverySeconds,
                everySeconds: policy.reminderEverySeconds,
                times: reminders,
                step: "remind-voters",
              },
            ]
          : [],
      catch: [{ errors: [TIMEOUT_ERROR], next: "vote-chair" }],
      onCallback: (data, input) => {
        const { payload, token, now } = input;
        const voter = String(token.meta.email);
        if (payload.event === "vote" || payload.event === "conflict")
          return applyVote(asRequest(data), payload as VotePayload, voter, now);
        // A reply to the vote email: its approve or reject is a vote.
        if (
          payload.event === "decision" &&
          ["approve", "reject"].includes(String(payload.decision))
        )
          return applyVote(
            asRequest(data),
            {
              event: "vote",
              vote: payload.decision as "approve" | "reject",
              comment: payload.comment as string | undefined,
              via: "email",
            },
            voter,
            now,
          );
        return others(data, input);
      },
    },
    "vote-chair": {
      type: "callback",
      onEnter: "ask-chair",
      retry,
      onCallback: (data, input) => {
        const { payload, token, now } = input;
        const chair = asRequest(data).vote?.chair;
        if (payload.event !== "decision" || String(token.meta.email).toLowerCase() !== chair)
          return others(data, input);
        const outcome = applyDecision(asRequest(data), payload as DecisionPayload, chair, now);
        // The applicants and the committee hear the outcome with the tally, as after a vote.
        return outcome.next === "approved" || outcome.next === "rejected"
          ? { ...outcome, next: "vote-decided" }
          : outcome;
      },
    },
    "vote-decided": { type: "task", step: "announce-vote", retry, next: "vote-outcome" },
    "vote-outcome": {
      type: "choice",
      choices: [{ when: (d) => asRequest(d).status === "rejected", next: "rejected" }],
      default: "approved",
    },
  };
}

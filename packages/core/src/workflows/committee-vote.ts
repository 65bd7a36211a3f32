import type { State } from "../engine/definition";
import { TIMEOUT_ERROR } from "../engine/retry";
import type { CommitteeVotePolicy } from "../plan/approvals";
import { applyDecision } from "../requests/decisions";
import { eventsOf } from "../requests/events";
import { asRequest } from "../requests/record";
import { applyVote } from "../requests/votes";
import {
  timer,
  waiting,
  withdrawOrOwner,
  withdrawOrOwnerEvents,
  withdrawOrOwnerOutcomes,
} from "./request-transitions";

/**
 * The states of a committee vote (§4), for a type whose plan policy is `committee-vote`: one
 * callback state accumulates the votes (each a conditional transition of the execution, so it
 * counts once) and leaves when they decide; at the deadline, or when nobody is left to vote
 * without a decision, the chair decides alone on the decision page. Never rejected silently.
 */
/** Where the votes lead (`applyVote`'s outcomes): decided, or to the chair. */
export const voteOutcomes = { decided: "vote-decided", "to-chair": "vote-chair" } as const;

export function committeeVoteStates(policy: CommitteeVotePolicy): Record<string, State> {
  const reminders = Math.ceil(policy.votingSeconds / policy.reminderEverySeconds) - 1;
  return {
    "committee-vote": waiting("open-vote", {
      timeoutSeconds: policy.votingSeconds,
      timers:
        reminders > 0
          ? [
              timer("reminder", policy.reminderEverySeconds, "remind-voters", {
                everySeconds: policy.reminderEverySeconds,
                times: reminders,
              }),
            ]
          : [],
      catch: [{ errors: [TIMEOUT_ERROR], next: "vote-chair" }],
      events: { ...withdrawOrOwnerEvents, ...eventsOf("vote", "conflict", "decision") },
      outcomes: { ...voteOutcomes, ...withdrawOrOwnerOutcomes },
      onCallback: (data, input) => {
        const { payload, token, now } = input;
        const voter = String(token.meta.email);
        if (payload.event === "vote" || payload.event === "conflict")
          return applyVote(asRequest(data), payload, voter, now);
        // A reply to the vote email: its approve or reject is a vote.
        if (
          payload.event === "decision" &&
          (payload.decision === "approve" || payload.decision === "reject")
        )
          return applyVote(
            asRequest(data),
            { event: "vote", vote: payload.decision, comment: payload.comment, via: "email" },
            voter,
            now,
          );
        return withdrawOrOwner(data, input);
      },
    }),
    "vote-chair": waiting("ask-chair", {
      events: { ...withdrawOrOwnerEvents, ...eventsOf("decision") },
      // The applicants and the committee hear the outcome with the tally, as after a vote.
      outcomes: {
        approved: "vote-decided",
        rejected: "vote-decided",
        "needs-info": "needs-info",
        ...withdrawOrOwnerOutcomes,
      },
      onCallback: (data, input) => {
        const { payload, token, now } = input;
        const chair = asRequest(data).vote?.chair;
        if (payload.event !== "decision" || String(token.meta.email).toLowerCase() !== chair)
          return withdrawOrOwner(data, input);
        return applyDecision(asRequest(data), payload, chair, now);
      },
    }),
    "vote-decided": { type: "task", step: "announce-vote", next: "vote-outcome" },
    "vote-outcome": {
      type: "choice",
      choices: [{ when: (d) => asRequest(d).status === "rejected", next: "rejected" }],
      default: "approved",
    },
  };
}

import type { CallbackResult } from "../engine/definition";
import { EntraideError, type ErrorCode } from "../errors";
import type { CommitteeVotePolicy, Majority } from "../plan/approvals";
import type { RequestEvent } from "./events";
import type { RequestData } from "./record";

export type { Tally, VoteChoice } from "../committees/tally";

import type { Tally, VoteChoice } from "../committees/tally";

/** Where a vote waits for people (the members, then the chair): a member may still withdraw. */
export const VOTE_WAITING_STATES = ["committee-vote", "vote-chair"] as const;
/** What a decided vote passes through in moments, on its way to `approved` or `rejected`. */
export const VOTE_PASSING_STATES = ["vote-decided", "vote-outcome"] as const;

export interface CastVote {
  member: string;
  vote: VoteChoice;
  comment?: string;
  via: "page" | "email";
  at: string;
}

/**
 * A committee's vote on a request (§4): who may vote (the committee's members minus the
 * applicants, fixed when the vote opens), what each cast, who declared a conflict of interest.
 * Every vote is a conditional transition of the request's execution, so it counts exactly once.
 */
export interface CommitteeVote {
  committee: string;
  round: number;
  quorum: number;
  majority: Majority;
  openedAt: string;
  deadline: string;
  /** Decides alone when the deadline passes without a decision. */
  chair: string;
  /** Who may vote. */
  members: string[];
  /** Members who are applicants of the request: they neither vote nor count. */
  applicants: string[];
  votes: CastVote[];
  conflicts: { member: string; comment?: string; at: string }[];
}

export function tallyOf(vote: CommitteeVote): Tally {
  const count = (choice: VoteChoice) => vote.votes.filter((v) => v.vote === choice).length;
  return {
    approve: count("approve"),
    reject: count("reject"),
    abstain: count("abstain"),
    cast: vote.votes.length,
    quorum: vote.quorum,
    eligible: eligibleOf(vote).length,
  };
}

const eligibleOf = (vote: CommitteeVote) =>
  vote.members.filter((m) => !vote.conflicts.some((c) => c.member === m));

/** Does `side` of `side + other` votes reach the majority? Abstentions count for neither. */
function reaches(majority: Majority, side: number, other: number): boolean {
  if (side === 0) return false;
  if (majority === "simple") return side > other;
  const [n, d] = majority.split("/").map(Number) as [number, number];
  return side * d >= n * (side + other);
}

/**
 * What the votes decide: once the quorum has voted, the side whose share of the for and
 * against votes reaches the majority wins; otherwise (a tie, nothing but abstentions) the vote
 * stays open for those who have not voted, and goes to the chair when nobody is left.
 */
export function verdictOf(vote: CommitteeVote): "approve" | "reject" | "chair" | undefined {
  const t = tallyOf(vote);
  if (t.cast >= t.quorum) {
    if (reaches(vote.majority, t.approve, t.reject)) return "approve";
    if (reaches(vote.majority, t.reject, t.approve)) return "reject";
  }
  const voted = new Set(vote.votes.map((v) => v.member));
  return eligibleOf(vote).every((m) => voted.has(m)) ? "chair" : undefined;
}

/** The vote's opening: members who are applicants are set aside, the chair is named. */
export function openVote(input: {
  policy: CommitteeVotePolicy;
  round: number;
  members: string[];
  committee: { members: string[]; backups: string[] };
  applicants: string[];
  now: string;
  deadline: string;
}): CommitteeVote {
  const norm = (e: string) => e.trim().toLowerCase();
  const applicants = new Set(input.applicants.map(norm));
  const everyone = [...input.committee.members, ...input.committee.backups].map(norm);
  return {
    committee: input.policy.committee,
    round: input.round,
    quorum: input.policy.quorum,
    majority: input.policy.majority,
    openedAt: input.now,
    deadline: input.deadline,
    // The first member given to `committees set` chairs; an applicant never does.
    chair: everyone.find((e) => !applicants.has(e)) ?? input.members[0] ?? "",
    members: input.members.map(norm),
    applicants: input.committee.members.map(norm).filter((m) => applicants.has(m)),
    votes: [],
    conflicts: [],
  };
}

/** What a refused vote tells the member: the request's status and the tally as it stands. */
export function voteState(data: RequestData) {
  const vote = data.vote;
  return {
    status: data.status,
    ...(vote
      ? {
          tally: tallyOf(vote),
          votes: vote.votes.map(({ member, vote, at }) => ({ member, vote, at })),
          deadline: vote.deadline,
        }
      : {}),
  };
}

export type VotePayload = RequestEvent<"vote"> | RequestEvent<"conflict">;

/** Where a vote leads: decided (approved or rejected), or to the chair. */
type VoteOutcome = "decided" | "to-chair";

/**
 * A committee member's vote or conflict declaration on a request under vote. Refused without
 * any change: an applicant (403), a member who voted or declared a conflict already (409, with
 * the tally). When the vote is decided, the request leaves the vote with its outcome.
 */
export function applyVote(
  data: RequestData,
  payload: VotePayload,
  voter: string,
  now: string,
): CallbackResult<VoteOutcome> {
  const vote = data.vote;
  const member = voter.toLowerCase();
  if (!vote)
    throw new EntraideError("vote.closed", "this request is not under vote", { status: 409 });
  const refuse = (code: ErrorCode, message: string, status = 409) =>
    new EntraideError(code, message, { status, details: voteState(data) });
  if (vote.applicants.includes(member) || !vote.members.includes(member))
    throw refuse("vote.applicant", "an applicant of the request does not vote on it", 403);
  if (vote.conflicts.some((c) => c.member === member))
    throw refuse("vote.conflict-declared", "you declared a conflict of interest on this request");
  if (vote.votes.some((v) => v.member === member))
    throw refuse("vote.already-voted", "you have already voted on this request");
  if (payload.event === "conflict") {
    const next: CommitteeVote = {
      ...vote,
      conflicts: [...vote.conflicts, { member, comment: payload.comment, at: now }],
    };
    return concluded(data, next, now, [{ type: "ConflictDeclared", detail: { member } }]);
  }
  const cast: CastVote = {
    member,
    vote: payload.vote,
    comment: payload.comment,
    via: payload.via,
    at: now,
  };
  const next: CommitteeVote = { ...vote, votes: [...vote.votes, cast] };
  return concluded(data, next, now, [
    { type: `Vote.${payload.vote}`, detail: { member, via: payload.via } },
  ]);
}

function concluded(
  data: RequestData,
  vote: CommitteeVote,
  now: string,
  events: NonNullable<CallbackResult["events"]>,
): CallbackResult<VoteOutcome> {
  const verdict = verdictOf(vote);
  const tally = tallyOf(vote);
  if (verdict === "approve") {
    const approvedBy = vote.votes.filter((v) => v.vote === "approve").map((v) => v.member);
    return {
      data: {
        vote,
        status: "approved",
        approvedAmountCents: data.amountCents,
        approvedAt: now,
        approvedBy,
      },
      events: [...events, { type: "VoteApproved", detail: { ...tally } }],
      outcome: "decided",
    };
  }
  if (verdict === "reject") {
    const reasons = vote.votes
      .filter((v) => v.vote === "reject" && v.comment)
      .map((v) => v.comment);
    return {
      data: {
        vote,
        status: "rejected",
        rejection: { reason: reasons.join("\n"), by: `${vote.committee} committee`, at: now },
      },
      events: [...events, { type: "VoteRejected", detail: { ...tally } }],
      outcome: "decided",
    };
  }
  if (verdict === "chair")
    return {
      data: { vote },
      events: [...events, { type: "VoteToChair", detail: { ...tally } }],
      outcome: "to-chair",
    };
  return { data: { vote }, events };
}

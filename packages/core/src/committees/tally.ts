/** How a committee member votes (§4), and the counts a vote stands at: what emails and pages show. */
export type VoteChoice = "approve" | "reject" | "abstain";

export interface Tally {
  approve: number;
  reject: number;
  abstain: number;
  /** Votes cast, abstentions included: what the quorum counts. */
  cast: number;
  quorum: number;
  /** Members who may still vote or have voted (conflicts and applicants excluded). */
  eligible: number;
}

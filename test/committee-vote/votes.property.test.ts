import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EntraideError } from "../../packages/core/src/errors";
import type { RequestData } from "../../packages/core/src/requests/record";
import {
  applyVote,
  type CommitteeVote,
  openVote,
  tallyOf,
  type VotePayload,
} from "../../packages/core/src/requests/votes";
import { voteOutcomes } from "../../packages/core/src/workflows/committee-vote";

const members = ["a@x.be", "b@x.be", "c@x.be", "d@x.be", "e@x.be"];
const applicant = "e@x.be";

function opened(quorum: number, majority: CommitteeVote["majority"]): RequestData {
  const vote = openVote({
    policy: {
      kind: "committee-vote",
      committee: "initiatives",
      quorum,
      majority,
      votingSeconds: 864_000,
      reminderEverySeconds: 259_200,
    },
    round: 1,
    members: members.filter((m) => m !== applicant),
    committee: { members, backups: [] },
    applicants: [applicant],
    now: "2031-01-01T00:00:00.000Z",
    deadline: "2031-01-11T00:00:00.000Z",
  });
  return { status: "awaiting-approval", amountCents: 50_000, vote } as unknown as RequestData;
}

const action = fc.record({
  member: fc.constantFrom(...members, "stranger@x.be"),
  payload: fc.oneof(
    fc
      .constantFrom("approve", "reject", "abstain")
      .map((vote): VotePayload => ({ event: "vote", vote, via: "page" })),
    fc.constant<VotePayload>({ event: "conflict" }),
  ),
});

describe("the committee vote, against a model", () => {
  it("any sequence of votes, duplicates, conflicts and strangers: each member counts at most once, and the vote closes exactly when the model says", () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<CommitteeVote["majority"]>("simple", "2/3"),
        (actions, quorum, majority) => {
          let data = opened(quorum, majority);
          let next: string | undefined;
          // The model: who acted, what they cast.
          const acted = new Set<string>();
          const cast: Record<string, number> = { approve: 0, reject: 0, abstain: 0 };
          const conflicts = new Set<string>();
          for (const { member, payload } of actions) {
            if (next) break;
            const eligible = member !== applicant && member !== "stranger@x.be";
            let outcome: ReturnType<typeof applyVote> | undefined;
            let refused: EntraideError | undefined;
            try {
              outcome = applyVote(data, payload, member, "2031-01-02T00:00:00.000Z");
            } catch (error) {
              refused = error as EntraideError;
            }
            if (!eligible) {
              expect(refused?.status).toBe(403);
              continue;
            }
            if (acted.has(member)) {
              expect(refused?.status).toBe(409);
              continue;
            }
            expect(refused).toBeUndefined();
            acted.add(member);
            if (payload.event === "conflict") conflicts.add(member);
            else cast[payload.vote]! += 1;
            data = { ...data, ...outcome!.data } as RequestData;
            next = outcome!.outcome && voteOutcomes[outcome!.outcome];
          }
          const tally = tallyOf(data.vote!);
          expect(tally).toMatchObject({
            ...cast,
            cast: cast.approve! + cast.reject! + cast.abstain!,
          });
          expect(tally.eligible).toBe(4 - conflicts.size);
          // Every vote is counted once: no member twice among the votes.
          const voters = data.vote!.votes.map((v) => v.member);
          expect(new Set(voters).size).toBe(voters.length);
          const [a, r] = [cast.approve!, cast.reject!];
          const reaches = (side: number, other: number) =>
            side > 0 && (majority === "simple" ? side > other : side * 3 >= 2 * (side + other));
          const quorate = tally.cast >= quorum;
          const everyone = acted.size === 4;
          const expected =
            quorate && reaches(a, r)
              ? "approved"
              : quorate && reaches(r, a)
                ? "rejected"
                : everyone
                  ? "chair"
                  : undefined;
          if (expected === "chair") expect(next).toBe("vote-chair");
          else if (expected) {
            expect(next).toBe("vote-decided");
            expect(data.status).toBe(expected);
          } else expect(next).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses an applicant's vote with a 403, changing nothing", () => {
    // Prepare
    const data = opened(3, "simple");
    // Act
    const act = () =>
      applyVote(
        data,
        { event: "vote", vote: "approve", via: "page" },
        applicant,
        "2031-01-02T00:00:00Z",
      );
    // Assess
    expect(act).toThrow(expect.objectContaining({ code: "vote.applicant", status: 403 }));
    expect(data.vote!.votes).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { setCommitteeOf } from "../../packages/core/src/committees/committee";
import { getExecution } from "../../packages/core/src/engine/store";
import { DAY_MS } from "../engine/fixtures";
import { coApplicant, committee, lead, projectStack } from "./project-support";
import { subjectsTo } from "./support";

/**
 * The acceptance cases for the vote, on the real `initiative-support` type of the
 * default plan (quorum 3 of the demo's five, simple majority, 10 days, reminders every 3 days).
 */
let f: Awaited<ReturnType<typeof projectStack>>;
beforeAll(async () => {
  f = await projectStack();
});

const [chair, jan, ola, lucie, wim] = committee as [string, string, string, string, string];
const statusOf = async (id: string) => (await f.dataOf(id)).status;
/** A project of the lead applicant alone: the vote opens at once. */
const submitAlone = async () =>
  (await f.submit(f.projectBody({ coApplicants: [] }))).body.id as string;

describe("an initiative project decided by the initiatives committee's vote", () => {
  it("passes with the quorum: two for, one against; the first tranche is reserved, later votes refused", async () => {
    // Prepare
    const before = await f.initiatives();
    const id = await submitAlone();
    const opened = await f.dataOf(id);
    // Act
    const first = await f.vote(chair, id, { vote: "approve", comment: "Beau projet" });
    const second = await f.vote(jan, id, { vote: "reject", comment: "Te duur" });
    const third = await f.vote(ola, id, { vote: "approve" });
    const late = await f.vote(lucie, id, { vote: "approve" });
    // Assess
    expect(opened.status).toBe("awaiting-approval");
    expect(opened.vote).toMatchObject({ committee: "initiatives", quorum: 3, chair });
    expect(opened.vote!.members).toEqual(committee);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(second.body).toMatchObject({ status: "awaiting-approval" });
    expect(third.body.tally).toMatchObject({ approve: 2, reject: 1, cast: 3, quorum: 3 });
    expect(late.status).toBe(409);
    expect(late.body.error.details).toMatchObject({ tally: { approve: 2, reject: 1 } });
    expect(await statusOf(id)).toBe("scheduled");
    expect(before - (await f.initiatives())).toBe(1_000_000);
    expect(await subjectsTo(f.stack, lead.email, id)).toContainEqual(
      expect.stringMatching(/^Vote du comité : approuvée/),
    );
  });

  it("fails when the majority rejects: nothing reserved, the applicant told the outcome", async () => {
    // Prepare
    const before = await f.initiatives();
    const id = await submitAlone();
    // Act
    await f.vote(lucie, id, { vote: "reject", comment: "Budget flou" });
    await f.vote(wim, id, { vote: "abstain" });
    await f.vote(jan, id, { vote: "reject" });
    const data = await f.dataOf(id);
    // Assess
    expect(data.status).toBe("rejected");
    expect(data.vote!.votes.map((v) => [v.member, v.vote])).toEqual([
      [lucie, "reject"],
      [wim, "abstain"],
      [jan, "reject"],
    ]);
    expect(await f.initiatives()).toBe(before);
    expect(await subjectsTo(f.stack, lead.email, id)).toContainEqual(
      expect.stringMatching(/^Vote du comité : refusée/),
    );
  });

  it("without a quorum by the deadline, reminds those who did not vote, then the chair decides", async () => {
    // Prepare
    const id = await submitAlone();
    await f.vote(jan, id, { vote: "approve" });
    // Act: ten days pass with one vote
    for (let d = 1; d <= 10; d++) await f.harness.advance(DAY_MS);
    const waiting = await f.dataOf(id);
    const waitingState = (await getExecution(f.stack, id))!.state;
    const decided = await f.decide(chair, id, { decision: "approve" });
    // Assess
    expect(await subjectsTo(f.stack, ola, id)).toEqual([
      expect.stringMatching(/^Committee vote — /),
      expect.stringMatching(/^Reminder 1: committee vote — /),
      expect.stringMatching(/^Reminder 2: committee vote — /),
      expect.stringMatching(/^Reminder 3: committee vote — /),
      expect.stringMatching(/^Committee vote: approved/),
    ]);
    expect((await subjectsTo(f.stack, jan, id)).filter((s) => s.includes("Herinnering"))).toEqual(
      [],
    );
    expect(waiting.status).toBe("awaiting-approval");
    expect(waitingState).toBe("vote-chair");
    expect(await subjectsTo(f.stack, chair, id)).toContainEqual(
      expect.stringMatching(/^Présidence : demande à décider/),
    );
    expect(decided.status).toBe(200);
    expect(await statusOf(id)).toBe("scheduled");
    expect((await f.dataOf(id)).approvedBy).toEqual([chair]);
  });

  it("a member who declares a conflict of interest votes no more and does not count toward the quorum", async () => {
    // Prepare
    const id = await submitAlone();
    // Act
    const declared = await f.vote(wim, id, { conflict: true, comment: "Ik ken de aanvrager" });
    const refused = await f.vote(wim, id, { vote: "approve" });
    await f.vote(chair, id, { vote: "approve" });
    await f.vote(jan, id, { vote: "approve" });
    const beforeThird = await statusOf(id);
    await f.vote(lucie, id, { vote: "approve" });
    const data = await f.dataOf(id);
    // Assess
    expect(declared.status).toBe(200);
    expect(declared.body.tally).toMatchObject({ cast: 0, eligible: 4 });
    expect(refused.status).toBe(409);
    expect(data.vote!.conflicts).toEqual([
      expect.objectContaining({ member: wim, comment: "Ik ken de aanvrager" }),
    ]);
    expect(beforeThird).toBe("awaiting-approval");
    expect(data.vote!.votes.map((v) => v.member)).toEqual([chair, jan, lucie]);
    expect(data.status).toBe("scheduled");
  });
});

describe("a co-applicant who sits on the committee", () => {
  it("confirms as an applicant, gets no vote and does not count toward the quorum", async () => {
    // Prepare: operations put Sarah (M0003) on the committee; she asks with Camille
    await setCommitteeOf(f.stack, {
      committee: "initiatives",
      members: [chair, `${coApplicant.email}:en`, jan, ola, lucie],
      backups: [],
    });
    const id = (await f.submit(f.projectBody())).body.id as string;
    // Act
    await f.confirm(id, "confirm");
    const opened = await f.dataOf(id);
    const approved = await f.approveByVote(id, [chair, jan, ola]);
    // Assess
    expect(opened.vote!.applicants).toEqual([coApplicant.email]);
    expect(opened.vote!.members).toEqual([chair, jan, ola, lucie]);
    await expect(f.voteToken(coApplicant.email, id)).rejects.toThrow(/no vote link/);
    expect(approved.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(approved[0]!.body.tally).toMatchObject({ eligible: 4 });
    expect(await statusOf(id)).toBe("scheduled");
  });
});

// First: every module imported after this reads the test plan when it loads.
import "./use-vote-plan";
import { Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { getExecution } from "../../packages/core/src/engine/store";
import { createBatch } from "../../packages/core/src/finance/batches";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { fundReport } from "../../packages/core/src/finance/report";
import { handleInboundEmail } from "../../packages/core/src/notifications/replies/inbound";
import { decide } from "../../packages/core/src/requests/approver-actions";
import { setNow, subjectsTo } from "../requests-flow/support";
import { cliDataDir, runCli } from "../support/cli";
import { aidBody, applicants, committee, committeeEntries, DAY_SECONDS } from "./plan";
import { voteStack } from "./support";

let f: Awaited<ReturnType<typeof voteStack>>;
beforeAll(async () => {
  f = await voteStack();
});

/** Each test starts a hundred days after the last, so the aid-per-period check stays quiet. */
let day = Date.parse("2031-01-05T09:00:00Z");
const nextPeriod = () => {
  day += 100 * DAY_SECONDS * 1000;
  setNow(f.stack, new Date(day).toISOString());
};
const statusOf = async (id: string) => (await f.dataOf(id)).status;
const exported = async (batchId: string, format: "csv" | "sepa") => {
  let text = "";
  const out = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  await exportBatch(f.stack, batchId, format, out);
  return text;
};
const replyFrom = async (from: string, requestId: string, text: string) => {
  const mail = (await f.inbox(from))
    .filter((m) => m.subject.includes(requestId))
    .at(-1) as unknown as {
    replyTo: string[];
  };
  const raw = [`From: ${from}`, `To: ${mail.replyTo[0]}`, "Subject: Re: vote", "", text].join(
    "\r\n",
  );
  const outcome = await handleInboundEmail(f.stack, raw, (token, input, context) =>
    decide(f.stack, f.engine, token, input, context),
  );
  await f.harness.drain();
  return outcome;
};

describe("a request decided by a committee vote, of the initiatives committee under a test plan", () => {
  it("passes with the quorum, is paid from the initiatives fund: batched, in the CSV and SEPA files, in the funds report", async () => {
    // Prepare
    nextPeriod();
    const submitted = await f.submit(aidBody("M0001"));
    const id = submitted.body.id as string;
    const opened = await f.dataOf(id);
    // Act: two for, one against
    const first = await f.vote(committee.chair, id, { vote: "approve", comment: "Projet utile" });
    const second = await f.vote(committee.nl, id, { vote: "reject", comment: "Te duur" });
    const third = await f.vote(committee.en, id, { vote: "approve" });
    const late = await f.vote(committee.fr, id, { vote: "approve" });
    const { batch } = await createBatch(f.stack, "initiatives");
    const csv = await exported(batch!.batchId, "csv");
    const sepa = await exported(batch!.batchId, "sepa");
    const report = await fundReport(f.stack);
    // Assess
    expect(opened.status).toBe("awaiting-approval");
    expect(opened.vote).toMatchObject({
      committee: "initiatives",
      quorum: 3,
      chair: committee.chair,
      applicants: [],
    });
    expect(opened.vote!.members).toHaveLength(5);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toMatchObject({
      status: "awaiting-approval",
      tally: { approve: 1, reject: 1, abstain: 0, cast: 2, quorum: 3 },
    });
    expect(third.status).toBe(200);
    expect(third.body.tally).toMatchObject({ approve: 2, reject: 1, cast: 3 });
    // The vote is over: a late vote is refused with where the vote stands.
    expect(late.status).toBe(409);
    expect(late.body.error.details).toMatchObject({ tally: { approve: 2, reject: 1 } });
    expect(await statusOf(id)).toBe("scheduled");
    expect(batch).toMatchObject({ fund: "initiatives", payoutCount: 1, totalCents: 60_000 });
    expect(batch!.batchId).toMatch(/^ENT-INI-/);
    expect(csv).toContain("initiatives");
    expect(csv).toContain(applicants.M0001.iban);
    expect(sepa).toContain(applicants.M0001.iban);
    expect(sepa).toContain('<InstdAmt Ccy="EUR">600.00</InstdAmt>');
    expect(report.find((l) => l.fund === "initiatives")).toMatchObject({
      configured: true,
      envelopeCents: 5_000_000,
      reservedCents: 60_000,
      payouts: { batched: 1 },
    });
  });

  it("tells the applicant the outcome with the counts, and the committee who voted what", async () => {
    // Prepare
    nextPeriod();
    const id = (await f.submit(aidBody("M0001"))).body.id as string;
    // Act
    await f.vote(committee.chair, id, { vote: "approve", comment: "Projet utile" });
    await f.vote(committee.nl, id, { vote: "abstain" });
    await f.vote(committee.en, id, { vote: "approve" });
    const toApplicant = (await f.inbox(applicants.M0001.email)).filter(
      (m) => m.subject.includes(id) && m.subject.includes("Vote"),
    );
    const toMember = (await f.inbox(committee.fr)).filter(
      (m) => m.subject.includes(id) && m.subject.includes("Vote du comité :"),
    );
    const toNl = (await f.inbox(committee.nl)).filter(
      (m) => m.subject.includes(id) && m.subject.includes("Stemming van het comité:"),
    );
    // Assess
    expect(toApplicant).toHaveLength(1);
    expect(toApplicant[0]!.body.text).toContain("2 pour, 0 contre, 1 abstention ; quorum 3.");
    expect(toApplicant[0]!.body.text).not.toContain(committee.chair);
    expect(toMember).toHaveLength(1);
    expect(toMember[0]!.body.text).toContain(`${committee.chair} : pour — Projet utile`);
    expect(toMember[0]!.body.text).toContain(`${committee.nl} : abstention`);
    expect(toNl).toHaveLength(1);
    expect(toNl[0]!.body.text).toContain("2 voor, 0 tegen, 1 onthouding;");
  });

  it("fails when the majority rejects, a vote sent by email reply counting like one from the page", async () => {
    // Prepare
    nextPeriod();
    const id = (await f.submit(aidBody("M0003"))).body.id as string;
    // Act
    const byReply = await replyFrom(committee.nl, id, "Je refuse : le budget n'est pas détaillé.");
    await f.vote(committee.en, id, { vote: "reject", comment: "No budget lines" });
    const abstained = await f.vote(committee.fr, id, { vote: "abstain" });
    const data = await f.dataOf(id);
    // Assess
    expect(byReply.outcome).toBe("decided");
    expect(abstained.status).toBe(200);
    expect(data.status).toBe("rejected");
    expect(data.vote!.votes.map((v) => [v.member, v.vote, v.via])).toEqual([
      [committee.nl, "reject", "email"],
      [committee.en, "reject", "page"],
      [committee.fr, "abstain", "page"],
    ]);
    expect(await subjectsTo(f.stack, applicants.M0003.email, id)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Vote du comité : refusée/)]),
    );
  });

  it("a member votes once: a second vote by page or by reply is refused with the tally, and counts nothing", async () => {
    // Prepare
    nextPeriod();
    const id = (await f.submit(aidBody("M0005"))).body.id as string;
    const token = await f.voteToken(committee.en, id);
    await f.api.call("POST", "/api/votes", { token, body: { vote: "approve" } });
    // Act
    const again = await f.api.call("POST", "/api/votes", { token, body: { vote: "reject" } });
    const byReply = await replyFrom(committee.en, id, "Rejected, sorry");
    const data = await f.dataOf(id);
    // Assess
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({
      status: "awaiting-approval",
      tally: { approve: 1, reject: 0, cast: 1 },
      votes: [{ member: committee.en, vote: "approve" }],
    });
    expect(byReply).toMatchObject({ outcome: "refused", code: "vote.already-voted" });
    expect(data.vote!.votes).toHaveLength(1);
  });

  it("an applicant who sits on the committee gets no vote, and a member who declares a conflict votes no more; neither counts", async () => {
    // Prepare: Pieter (M0002) asks, and sits on the committee
    nextPeriod();
    const id = (await f.submit(aidBody("M0002"))).body.id as string;
    const opened = await f.dataOf(id);
    // Act
    const declared = await f.vote(committee.fr, id, {
      conflict: true,
      comment: "Je connais le projet",
    });
    const afterConflict = await f.vote(committee.fr, id, { vote: "approve" });
    await f.vote(committee.chair, id, { vote: "approve" });
    await f.vote(committee.nl, id, { vote: "approve" });
    const beforeLast = await statusOf(id);
    await f.vote(committee.en, id, { vote: "approve" });
    const data = await f.dataOf(id);
    // Assess
    expect(opened.vote!.applicants).toEqual([committee.pieter]);
    expect(opened.vote!.members).not.toContain(committee.pieter);
    // He hears of his request as its applicant, with the outcome's counts, and nothing to vote on.
    expect(
      (await subjectsTo(f.stack, committee.pieter, id)).filter((s) => s.includes(" — ")),
    ).toEqual([]);
    expect(await subjectsTo(f.stack, committee.pieter, id)).toContainEqual(
      expect.stringMatching(/^Vote du comité : approuvée/),
    );
    expect(declared.status).toBe(200);
    expect(declared.body.tally).toMatchObject({ cast: 0, eligible: 3 });
    expect(afterConflict.status).toBe(409);
    expect(beforeLast).toBe("awaiting-approval");
    expect(data.vote!.conflicts).toEqual([
      expect.objectContaining({ member: committee.fr, comment: "Je connais le projet" }),
    ]);
    expect(data.vote!.votes.map((v) => v.member)).toEqual([
      committee.chair,
      committee.nl,
      committee.en,
    ]);
    expect(data.status).toBe("scheduled");
  });

  it("without a quorum by the deadline, reminds those who did not vote, then the chair decides alone", async () => {
    // Prepare
    nextPeriod();
    const id = (await f.submit(aidBody("M0006"))).body.id as string;
    await f.vote(committee.nl, id, { vote: "approve" });
    // Act: ten days pass with one vote
    for (let d = 1; d <= 10; d++) await f.harness.advance(DAY_SECONDS * 1000);
    const waiting = await f.dataOf(id);
    const decided = await f.decide(committee.chair, id, { decision: "approve" });
    // Assess
    expect(await subjectsTo(f.stack, committee.en, id)).toEqual([
      expect.stringMatching(/^Committee vote — /),
      expect.stringMatching(/^Reminder 1: committee vote — /),
      expect.stringMatching(/^Reminder 2: committee vote — /),
      expect.stringMatching(/^Reminder 3: committee vote — /),
      expect.stringMatching(/^Committee vote: approved/),
    ]);
    expect(
      (await subjectsTo(f.stack, committee.nl, id)).filter((s) => s.includes("Herinnering")),
    ).toEqual([]);
    expect(waiting.status).toBe("awaiting-approval");
    expect((await getExecution(f.stack, id))!.state).not.toBe("committee-vote");
    expect(waiting.vote!.votes).toHaveLength(1);
    expect(await subjectsTo(f.stack, committee.chair, id)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Présidence : demande à décider/)]),
    );
    expect(decided.status).toBe(200);
    expect(await statusOf(id)).toBe("scheduled");
    expect((await f.dataOf(id)).approvedBy).toEqual([committee.chair]);
  });
});

describe("the applicant during the vote", () => {
  it("may withdraw while the committee votes: the vote closes, a later vote is refused with the tally", async () => {
    // Prepare
    nextPeriod();
    const submitted = await f.submit(aidBody("M0005"));
    const id = submitted.body.id as string;
    await f.vote(committee.chair, id, { vote: "approve" });
    // Act
    const withdrawn = await f.api.call("POST", `/api/requests/${id}/withdraw`, {
      token: decodeURIComponent(f.tokenOf(submitted.body.statusUrl)),
    });
    await f.harness.drain();
    const late = await f.vote(committee.nl, id, { vote: "approve" });
    // Assess
    expect(withdrawn.status).toBe(200);
    expect(await statusOf(id)).toBe("withdrawn");
    expect(late.status).toBe(409);
    expect(late.body.error.details).toMatchObject({ status: "withdrawn", tally: { approve: 1 } });
  });
});

describe("votes at the same instant", () => {
  it("every member voting at once, twice each: each vote counts exactly once, the others are told 409", async () => {
    // Prepare
    nextPeriod();
    const id = (await f.submit(aidBody("M0003"))).body.id as string;
    const members = [committee.chair, committee.nl, committee.en, committee.fr, committee.pieter];
    const tokens = await Promise.all(members.map((m) => f.voteToken(m, id)));
    // Act: all five, each twice, in the same instant
    const answers = await Promise.all(
      [...tokens, ...tokens].map((token, i) =>
        f.api.call("POST", "/api/votes", {
          token,
          body: { vote: i % 5 === 0 ? "reject" : "approve" },
        }),
      ),
    );
    await f.harness.drain();
    const data = await f.dataOf(id);
    // Assess
    const accepted = answers.filter((a) => a.status === 200).length;
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect(data.vote!.votes.length).toBe(accepted);
    expect(new Set(data.vote!.votes.map((v) => v.member)).size).toBe(data.vote!.votes.length);
    // The vote closed at the quorum, with a majority for: the rest came too late.
    expect(accepted).toBe(3);
    expect(data.status).toBe("scheduled");
  });
});

describe("the vote link", () => {
  it("shows the request, the tally and who voted what to a member, and never votes on a GET", async () => {
    // Prepare
    nextPeriod();
    const id = (await f.submit(aidBody("M0005"))).body.id as string;
    await f.vote(committee.chair, id, { vote: "approve", comment: "Oui" });
    const token = await f.voteToken(committee.en, id);
    // Act
    const page = await f.api.call("GET", "/api/votes/current", { token });
    const again = await f.api.call("GET", "/api/votes/current", { token });
    const forged = await f.api.call("GET", "/api/votes/current", { token: "x".repeat(43) });
    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      open: true,
      member: committee.en,
      memberLanguage: "en",
      committee: "initiatives",
      request: { id, amountCents: 60_000 },
      tally: { approve: 1, cast: 1, quorum: 3, eligible: 5 },
      votes: [{ member: committee.chair, vote: "approve" }],
    });
    expect(again.body.open).toBe(true);
    expect(forged.status).toBe(404);
    expect((await f.dataOf(id)).vote!.votes).toHaveLength(1);
  });

  it.each([
    {
      member: committee.chair,
      body: { vote: "peut-être" },
      path: "vote",
      message: /^« Vote » doit valoir l'une de ces valeurs : approve, reject ou abstain\.$/,
    },
    { member: committee.nl, body: {}, path: "vote", message: /^Het veld ‘Stem’ is verplicht\.$/ },
    {
      member: committee.en,
      body: { vote: "approve", conflict: true },
      path: "conflict",
      message: /^Vote or declare a conflict of interest, not both\.$/,
    },
    {
      member: committee.fr,
      body: { vote: "approve", comment: "x".repeat(2001) },
      path: "comment",
      message: /^« Commentaire » doit contenir au plus 2\s000 caractères\.$/,
    },
  ])(
    "refuses $body with a 400 in the member's language ($path), storing nothing",
    async ({ member, body, path, message }) => {
      // Prepare
      nextPeriod();
      const id = (await f.submit(aidBody("M0006"))).body.id as string;
      const before = await getExecution(f.stack, id);
      // Act
      const answer = await f.vote(member, id, body);
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ path, message: expect.stringMatching(message) }),
      ]);
      expect((await getExecution(f.stack, id))!.rev).toBe(before!.rev);
      // The link still works.
      expect((await f.vote(member, id, { vote: "abstain" })).status).toBe(200);
    },
  );
});

describe("committees set and funds set, for the plan's own names", () => {
  it("sets the third committee and fund from the CLI, and refuses a committee the plan does not have", async () => {
    // Prepare
    const env = { ENTRAIDE_DATA_DIR: await cliDataDir(f.stack) };
    // Act
    const committeeSet = await runCli(
      ["committees", "set", "initiatives", ...committeeEntries, "--json"],
      env,
    );
    const fundSet = await runCli(["funds", "set", "initiatives", "50000", "--json"], env);
    const unknown = await runCli(["committees", "set", "culture", "a@x.be"], env);
    // Assess
    expect(committeeSet.code).toBe(0);
    expect(JSON.parse(committeeSet.stdout)).toMatchObject({
      committee: { committee: "initiatives", members: expect.arrayContaining([committee.chair]) },
    });
    expect(fundSet.code).toBe(0);
    expect(JSON.parse(fundSet.stdout)).toMatchObject({
      fund: "initiatives",
      envelopeCents: 5_000_000,
    });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/solidarity, credit, moderators, initiatives/);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { readToken } from "../../packages/core/src/engine/callbacks";
import { getExecution } from "../../packages/core/src/engine/store";
import { handleInboundEmail } from "../../packages/core/src/notifications/replies/inbound";
import { planConfig } from "../../packages/core/src/plan/config";
import { decide } from "../../packages/core/src/requests/approver-actions";
import { DAY_MS } from "../engine/fixtures";
import { admins, contractBody, credit, flowStack, loanBody, member, pdf } from "./support";

/**
 * Decision links (§4): they expire after the plan's validity, every reminder and escalation
 * carries fresh ones, and a closed link shows who decided what and when, nothing private.
 */

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

const VALIDITY_MS = planConfig.approvals.tokenValiditySeconds * 1000;
const BACKUP = "backup.spectacle@smart.example.org";

/** Every approval email `to` received about request `id`, oldest first, with its two links. */
async function mailsAbout(to: string, id: string) {
  const mails = (await f.inbox(to)).filter((m) => m.subject.includes(id)) as unknown as {
    subject: string;
    replyTo: string[];
    body: { text: string };
  }[];
  return mails.map((m) => ({
    subject: m.subject,
    replyTo: m.replyTo[0]!,
    token: m.body.text.match(/decision\.html#token=([A-Za-z0-9_-]{43})/)![1]!,
  }));
}

const execution = async (id: string) => (await getExecution(f.stack, id))!;
const statusOf = async (id: string) => ((await execution(id)).data as { status: string }).status;
const view = (token: string) => f.api.call("GET", "/api/decisions/current", { token });
const post = async (token: string, body: Record<string, unknown>) => {
  const answer = await f.api.call("POST", "/api/decisions", { token, body });
  await f.harness.drain();
  return answer;
};
const reply = (to: string, from: string, text: string) =>
  handleInboundEmail(
    f.stack,
    [`From: ${from}`, `To: ${to}`, "Subject: Re: demande", "", text].join("\r\n"),
    (token, input, context) => decide(f.stack, f.engine, token, input, context),
  );

/** What a closed link may tell: the request's reference, and who decided what and when. */
function expectNothingPrivate(json: unknown, also: string[] = []) {
  const text = JSON.stringify(json);
  for (const secret of [
    "Camille",
    "Dubois",
    member.email,
    member.iban,
    "BE21 0012",
    "http",
    "contrat.pdf",
    "Confinement",
    "Théâtre",
    ...also,
  ])
    expect(text, `a closed link leaks "${secret}"`).not.toContain(secret);
}

describe("decision links expire", () => {
  it("a decision link older than the validity is refused", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const id = submitted.body.id as string;
    const [first] = await mailsAbout(admins[0]!, id);
    const issued = await readToken(f.stack, first!.token);
    // Act: just past the link's validity (the reminders and the escalation went out meanwhile)
    await f.harness.advance(VALIDITY_MS + 60_000);
    const before = await execution(id);
    const page = await view(first!.token);
    const posted = await post(first!.token, { decision: "approve" });
    const replied = await reply(first!.replyTo, admins[0]!, "APPROUVÉ");
    await f.harness.drain();
    // Assess: the link was valid for exactly the plan's validity from its email
    expect(Date.parse(issued!.expiresAt!) - Date.parse(before.startedAt)).toBeGreaterThanOrEqual(
      VALIDITY_MS - 60_000,
    );
    expect(Date.parse(issued!.expiresAt!) - Date.parse(before.startedAt)).toBeLessThanOrEqual(
      VALIDITY_MS + 60_000,
    );
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      open: false,
      request: { id, status: "awaiting-approval" },
      decisions: [],
      closedReason: { decision: "expired", at: issued!.expiresAt },
    });
    expect(posted.status).toBe(410);
    expect(posted.body.error.code).toBe("token.expired");
    expect(replied).toMatchObject({ outcome: "refused", code: "token.expired" });
    const after = await execution(id);
    expect(after.rev).toBe(before.rev);
    expect(await statusOf(id)).toBe("awaiting-approval");
    expect((await readToken(f.stack, first!.token))?.usedAt).toBeUndefined();
  });

  it("a 400-day-old request decides nothing from any of its links", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const id = submitted.body.id as string;
    // Act: the reminders and the escalation go out as days pass, then a year and more
    for (let day = 0; day < 8; day++) await f.harness.advance(DAY_MS);
    await f.harness.advance(400 * DAY_MS);
    const links = [...(await mailsAbout(admins[0]!, id)), ...(await mailsAbout(BACKUP, id))];
    const answers = [];
    for (const link of links)
      answers.push((await post(link.token, { decision: "approve" })).status);
    // Assess: the request, three reminders, the escalation
    expect(links).toHaveLength(5);
    expect(answers).toEqual([410, 410, 410, 410, 410]);
    expect(await statusOf(id)).toBe("awaiting-approval");
  });
});

describe("reminders and escalations carry fresh links", () => {
  it("a reminder carries a different, working link, valid from the reminder on", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const id = submitted.body.id as string;
    // Act: the first reminder goes out on day 2
    await f.harness.advance(2 * DAY_MS + 60_000);
    const [first, reminder] = await mailsAbout(admins[1]!, id);
    const firstRecord = await readToken(f.stack, first!.token);
    const reminderRecord = await readToken(f.stack, reminder!.token);
    const open = await view(reminder!.token);
    const replied = await reply(reminder!.replyTo, admins[1]!, "APPROUVÉ");
    await f.harness.drain();
    const oldLink = await view(first!.token);
    const oldPost = await post(first!.token, { decision: "reject", comment: "non" });
    // Assess
    expect(reminder!.subject).not.toBe(first!.subject);
    expect(reminder!.token).not.toBe(first!.token);
    expect(reminder!.replyTo).not.toBe(first!.replyTo);
    const fresher = Date.parse(reminderRecord!.expiresAt!) - Date.parse(firstRecord!.expiresAt!);
    expect(fresher).toBeGreaterThanOrEqual(planConfig.approvals.reminderEverySeconds * 1000);
    expect(fresher).toBeLessThan(planConfig.approvals.reminderEverySeconds * 1000 + 5 * 60_000);
    expect(open.body.open).toBe(true);
    expect(replied).toMatchObject({ outcome: "decided", decision: "approve" });
    expect(await statusOf(id)).toBe("scheduled");
    // The earlier link of the same approver now says who decided, and decides nothing more.
    expect(oldLink.body).toMatchObject({
      open: false,
      closedReason: { decision: "approve", by: admins[1] },
    });
    expect(oldPost.status).toBe(409);
    expect(await statusOf(id)).toBe("scheduled");
  });

  it("an earlier link still decides while the decision is open; the same approver's later link then decides nothing", async () => {
    // Prepare: a loan needs two approvers of the credit committee
    const submitted = await f.submit(loanBody([await f.upload(pdf)]));
    const id = submitted.body.id as string;
    await f.harness.advance(2 * DAY_MS + 60_000);
    const [inesFirst, inesReminder] = await mailsAbout(credit[0]!, id);
    const [, tomReminder] = await mailsAbout(credit[1]!, id);
    // Act
    const byOldLink = await post(inesFirst!.token, { decision: "approve" });
    const inesAgain = await view(inesReminder!.token);
    const inesTwice = await post(inesReminder!.token, { decision: "approve" });
    const stillWaiting = await statusOf(id);
    const tom = await post(tomReminder!.token, { decision: "approve" });
    // Assess
    expect(byOldLink.status).toBe(200);
    expect(inesAgain.body).toMatchObject({
      open: false,
      closedReason: { decision: "approve", by: credit[0] },
    });
    expect(inesTwice.status).toBe(409);
    expect(stillWaiting).toBe("awaiting-approval");
    expect(tom.status).toBe(200);
    expect(await statusOf(id)).toBe("scheduled");
  });

  it("after the member's answer, the new round's reminders reach the approver who asked, with new links", async () => {
    // Prepare: the first approver asks for more information; the member answers
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const id = submitted.body.id as string;
    const [roundOne] = await mailsAbout(admins[0]!, id);
    await post(roundOne!.token, { decision: "request-info", comment: "Le contrat signé ?" });
    await f.api.call("POST", `/api/requests/${id}/info`, {
      token: decodeURIComponent(f.tokenOf(submitted.body.statusUrl)),
      body: { comment: "Le voici", documents: [await f.upload(pdf)] },
    });
    await f.harness.drain();
    // Act: the new round's first reminder
    await f.harness.advance(2 * DAY_MS + 60_000);
    const links = (await mailsAbout(admins[0]!, id)).map((m) => m.token);
    const approved = await post(links.at(-1)!, { decision: "approve" });
    // Assess: round one's request, round two's request and its reminder, each its own link
    expect(links).toHaveLength(3);
    expect(new Set(links).size).toBe(3);
    expect(approved.status).toBe(200);
    expect(await statusOf(id)).toBe("scheduled");
  });

  it("the escalation's links are fresh: valid for the plan's validity from the escalation", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const id = submitted.body.id as string;
    const created = (await execution(id)).startedAt;
    // Act
    await f.harness.advance(planConfig.approvals.escalateAfterSeconds * 1000 + 60_000);
    const [escalation] = await mailsAbout(BACKUP, id);
    const record = await readToken(f.stack, escalation!.token);
    // Assess
    expect(Date.parse(record!.expiresAt!) - Date.parse(created)).toBeGreaterThanOrEqual(
      (planConfig.approvals.escalateAfterSeconds + planConfig.approvals.tokenValiditySeconds) *
        1000,
    );
    expect((await view(escalation!.token)).body.open).toBe(true);
  });
});

describe("a closed link shows who decided what and when, and nothing more", () => {
  it("used, superseded and expired links answer no member name, email, IBAN, summary or document URL", async () => {
    // Prepare: approved at a lower amount with a comment; another request withdrawn
    const decided = await f.submit(contractBody([await f.upload(pdf)]));
    const withdrawn = await f.submit(contractBody([await f.upload(pdf)]));
    const [decidedLink] = await mailsAbout(admins[0]!, decided.body.id);
    const [otherAdmin] = await mailsAbout(admins[1]!, decided.body.id);
    const [withdrawnLink] = await mailsAbout(admins[0]!, withdrawn.body.id);
    const comment = "Vu avec Mme Dubois au téléphone";
    const openView = await view(decidedLink!.token);
    await post(decidedLink!.token, { decision: "approve", amountCents: 80_000, comment });
    await f.api.call("POST", `/api/requests/${withdrawn.body.id}/withdraw`, {
      token: decodeURIComponent(f.tokenOf(withdrawn.body.statusUrl)),
    });
    await f.harness.drain();
    // Act
    const used = await view(decidedLink!.token);
    const superseded = await view(otherAdmin!.token);
    const usedAgain = await post(decidedLink!.token, { decision: "approve" });
    const late = await post(otherAdmin!.token, { decision: "reject", comment: "trop tard" });
    const afterWithdrawal = await view(withdrawnLink!.token);
    await f.harness.advance(VALIDITY_MS + 60_000);
    const expired = await view(withdrawnLink!.token);
    // Assess: the open link shows what there is to decide (the check has teeth)
    expect(JSON.stringify(openView.body)).toContain("Camille");
    expect(JSON.stringify(openView.body)).toContain("contrat.pdf");
    expect(used.body).toEqual({
      open: false,
      request: { id: decided.body.id, status: "scheduled" },
      decisions: [{ approver: admins[0], decision: "approve", at: expect.any(String) }],
      closedReason: { decision: "approve", by: admins[0], at: expect.any(String) },
    });
    expect(superseded.body).toMatchObject({
      open: false,
      closedReason: { decision: "approve", by: admins[0] },
    });
    expect(afterWithdrawal.body).toMatchObject({
      open: false,
      request: { id: withdrawn.body.id, status: "withdrawn" },
      closedReason: { decision: "withdrawn" },
    });
    expect(usedAgain.status).toBe(409);
    expect(late.status).toBe(409);
    // A refusal says who decided what and when, as the closed page does.
    expect(usedAgain.body.error.details).toEqual(used.body);
    expect(late.body.error.details).toEqual(superseded.body);
    for (const answer of [used, superseded, afterWithdrawal, expired, usedAgain, late])
      expectNothingPrivate(answer.body, [comment, "80000", "800,00"]);
    expect(await statusOf(decided.body.id)).toBe("scheduled");
    expect(await statusOf(withdrawn.body.id)).toBe("withdrawn");
  });
});

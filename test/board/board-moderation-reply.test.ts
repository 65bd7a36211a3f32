import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moderationReplies, parseModerationReply } from "../../packages/core/src/board/replies";
import {
  handleInboundFromS3,
  inboundKey,
} from "../../packages/core/src/notifications/replies/inbound-from-s3";
import { encodeReplyToken } from "../../packages/core/src/notifications/replies/reply-token";
import { decide } from "../../packages/core/src/requests/approver-actions";
import { sentEmail } from "../notifications/inbox";
import { boardStack, moderator } from "./support";

let s: Awaited<ReturnType<typeof boardStack>>;
beforeAll(async () => {
  s = await boardStack();
}, 60_000);
afterAll(async () => {
  await s?.api.server.stop();
});

const DAY = 86_400_000;

/** A published post reported to the moderators, and the email Léa (who reads Dutch) got. */
async function reported() {
  const post = await s.publish();
  await s.api.call("POST", `/api/board/posts/${post.id}/reports`, {
    body: { language: "fr", reason: "commercial" },
  });
  await s.harness.drain();
  const mail = (await s.mails(post.title)).find((m) => m.destination.to.includes(moderator))!;
  return { post, mail };
}

/** A reply as SES receiving stores it in S3, then handed to the inbound path like the Lambda. */
async function receive(raw: string, from: string) {
  const messageId = `board-${crypto.randomUUID()}`;
  await s.stack.clients.s3.send(
    new PutObjectCommand({ Bucket: s.stack.config.bucket, Key: inboundKey(messageId), Body: raw }),
  );
  const verdicts = { spf: "PASS", dkim: "PASS", dmarc: "PASS", spam: "PASS", virus: "PASS" };
  const handle = () =>
    handleInboundFromS3(
      s.stack,
      messageId,
      (token, input, context) => decide(s.stack, s.engine, token, input, context),
      { mailFrom: from, verdicts },
      [moderationReplies(s.stack, s.engine)],
    );
  return { handle, outcome: await handle() };
}

const reply = (from: string, to: string, text: string) =>
  [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: Re: Zoekertje gemeld`,
    `Message-ID: <${crypto.randomUUID()}@mail.example.org>`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    text,
    "",
    "Op ma 4 mei 2020 om 10:00 schreef Entraide <entraide@smart.test>:",
    "> Er werd een zoekertje gemeld",
  ].join("\r\n");

const statusOf = async (postId: string, token: string) =>
  (await s.api.call("GET", `/api/board/posts/${postId}/manage`, { token })).body.status;

describe("moderation by email reply", () => {
  it("a reply decides once; a second reply is answered in the moderator's language and the page is a 409", async () => {
    // Prepare
    const { post, mail } = await reported();
    const replyTo = mail.replyTo[0]!;
    const [, pageToken] = mail.body.text!.match(
      /moderate&token=([A-Za-z0-9_-]{43})&decision=keep/,
    )!;
    // The page's link shows the post in Léa's language when her browser asks for none.
    const view = await s.api.call("GET", "/api/board/moderation/current", { token: pageToken });
    expect(view.body).toMatchObject({ open: true, moderatorLanguage: "nl" });
    // Act
    const first = await receive(
      reply(moderator, replyTo, "Verwijderen, dit is reclame."),
      moderator,
    );
    await s.harness.drain();
    const second = await receive(reply(moderator, replyTo, "Behouden"), moderator);
    const page = await s.api.call("POST", "/api/board/moderation", {
      token: pageToken,
      body: { decision: "keep" },
    });
    await s.harness.drain();
    // Assess
    expect(mail.subject).toContain("Zoekertje gemeld");
    expect(replyTo).toMatch(/^decisions\+[a-z2-7]{52}@smart\.test$/);
    expect(first.outcome).toMatchObject({ outcome: "decided", decision: "hide" });
    expect(await statusOf(post.id, post.manageToken)).toBe("hidden");
    expect((await s.listed()).posts.map((p) => p.id)).not.toContain(post.id);
    expect(second.outcome).toMatchObject({ outcome: "answered", code: "decided" });
    const answer = await sentEmail((second.outcome as { answer: string }).answer);
    expect(answer?.destination.to).toEqual([moderator]);
    expect(answer?.subject).toBe(`Uw antwoord heeft niets beslist: ${post.title}`);
    expect(answer?.body.text).toContain("verwijderen, door moderation.lea@smart.example.org");
    expect(page.status).toBe(409);
    expect(page.body.error.details).toMatchObject({
      status: "hidden",
      decisions: [{ decision: "hide", by: moderator }],
    });
    // Still hidden: neither the second reply nor the page changed anything.
    expect(await statusOf(post.id, post.manageToken)).toBe("hidden");
  });

  it("after a page decision, a reply decides nothing and says who decided what", async () => {
    // Prepare
    const { post, mail } = await reported();
    const [, pageToken] = mail.body.text!.match(
      /moderate&token=([A-Za-z0-9_-]{43})&decision=warn/,
    )!;
    await s.api.call("POST", "/api/board/moderation", {
      token: pageToken,
      body: { decision: "warn" },
    });
    await s.harness.drain();
    // Act
    const late = await receive(reply(moderator, mail.replyTo[0]!, "Verwijderen"), moderator);
    // Assess
    expect(late.outcome).toMatchObject({ outcome: "answered", code: "decided" });
    expect((await s.listed()).posts.map((p) => p.id)).toContain(post.id);
  });

  it("answers an unclear reply once per mail, from the same reply address, deciding nothing", async () => {
    // Prepare
    const { post, mail } = await reported();
    // Act
    const unclear = await receive(
      reply(moderator, mail.replyTo[0]!, "Behouden? Ik weet het niet."),
      moderator,
    );
    const retried = await unclear.handle();
    await s.harness.drain();
    // Assess
    expect(unclear.outcome).toMatchObject({ outcome: "answered", code: "not-understood" });
    expect((retried as { answer: string }).answer).toBe(
      (unclear.outcome as { answer: string }).answer,
    );
    const answer = await sentEmail((unclear.outcome as { answer: string }).answer);
    expect(answer?.subject).toBe(`Uw antwoord heeft niets beslist: ${post.title}`);
    expect(answer?.body.text).toContain("Behouden? Ik weet het niet.");
    expect(answer?.body.text).toContain("VERWIJDEREN");
    expect(answer?.replyTo).toEqual([mail.replyTo[0]]);
    expect((await s.listed()).posts.map((p) => p.id)).toContain(post.id);
    // The same address then decides, once understood.
    const clear = await receive(reply(moderator, mail.replyTo[0]!, "Behouden"), moderator);
    expect(clear.outcome).toMatchObject({ outcome: "decided", decision: "keep" });
  });

  it("answers a reply past the post's expiry, and a reply to an address we do not know", async () => {
    // Prepare
    const { mail } = await reported();
    const unknownAddress = `decisions+${encodeReplyToken(Buffer.alloc(32, 7).toString("base64url"))}@smart.test`;
    // Act
    s.stack.clock.advance(31 * DAY);
    const expired = await receive(reply(moderator, mail.replyTo[0]!, "Verwijderen"), moderator);
    const unknown = await receive(reply(moderator, unknownAddress, "Verwijderen"), moderator);
    const stranger = await receive(
      reply("someone@example.net", unknownAddress, "Verwijderen"),
      "someone@example.net",
    );
    const forged = await receive(
      reply("someone@example.net", mail.replyTo[0]!, "Verwijderen"),
      "someone@example.net",
    );
    await s.harness.drain();
    // Assess
    expect(expired.outcome).toMatchObject({ outcome: "answered", code: "expired" });
    expect((await sentEmail((expired.outcome as { answer: string }).answer))?.body.text).toContain(
      "De termijn om te beslissen is voorbij",
    );
    expect(unknown.outcome).toMatchObject({ outcome: "answered", code: "unknown" });
    const answer = await sentEmail((unknown.outcome as { answer: string }).answer);
    expect(answer?.destination.to).toEqual([moderator]);
    expect(answer?.subject).toBe("Uw antwoord heeft niets beslist");
    // Strangers are not told the address works.
    expect(stranger.outcome).toEqual({ outcome: "ignored", reason: "unknown-token" });
    expect(forged.outcome).toEqual({ outcome: "ignored", reason: "wrong-sender" });
  });
});

describe("parseModerationReply", () => {
  it.each([
    ["Retirer svp", "hide"],
    ["Bonjour,\nGARDER", "keep"],
    ["Garder et avertir", "warn"],
    ["Keep and warn", "warn"],
    ["hide", "hide"],
    ["Waarschuwen", "warn"],
    ["Behouden.", "keep"],
    ["Masquer", "hide"],
  ])("reads %j as %s", (text, decision) => {
    expect(parseModerationReply(text).decision).toBe(decision);
  });

  it.each([
    ["", "empty"],
    ["Je ne sais pas", "no word"],
    ["Garder ? ou retirer", "two decisions"],
    ["Keep, not sure", "a negation"],
    ["> Retirer\n", "only quoted"],
  ])("decides nothing for %j (%s)", (text) => {
    expect(parseModerationReply(text).decision).toBeUndefined();
  });
});

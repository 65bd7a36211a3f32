import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { setLanguages } from "../../packages/core/src/contacts/language";
import { keys } from "../../packages/core/src/db/layout";
import { TokenError } from "../../packages/core/src/engine/callbacks";
import { hashToken } from "../../packages/core/src/engine/tokens";
import {
  type Decide,
  handleInboundEmail,
  type ReplyInput,
} from "../../packages/core/src/notifications/replies/inbound";
import {
  handleInboundFromS3,
  inboundKey,
} from "../../packages/core/src/notifications/replies/inbound-from-s3";
import {
  decodeReplyToken,
  encodeReplyToken,
} from "../../packages/core/src/notifications/replies/reply-token";
import { createTestStack, type TestStack } from "../support/stack";
import { sentEmail } from "./inbox";
import { outlookFr, quotedFr } from "./replies";

// nodemailer's MailComposer (installed with aws-ses-v2-local) builds real MIME; it has no types.
const MailComposer = createRequire(import.meta.url)("nodemailer/lib/mail-composer") as new (
  mail: Record<string, unknown>,
) => { compile(): { build(): Promise<Buffer> } };

const approver = "Jean.Dupont@Activity.example.org";
let stack: TestStack;
let seq = 0;

beforeAll(async () => {
  stack = await createTestStack();
});

/** A reply token as the workflow issues it: key `reply:<approver>`, meta.email the approver. */
async function issueReplyToken(
  email = approver.toLowerCase(),
  key = `reply:${email}`,
): Promise<string> {
  const token = Buffer.from(
    `reply-token-${++seq}-${Math.random()}`.padEnd(32, "x").slice(0, 32),
  ).toString("base64url");
  await stack.clients.ddb.send(
    new PutCommand({
      TableName: stack.config.table,
      Item: {
        ...keys.callbackToken(hashToken(token)),
        executionId: `req-${seq}`,
        workflow: "w",
        state: "awaiting-approval",
        visit: 1,
        key,
        meta: { email, role: "activity-admin" },
      },
    }),
  );
  return token;
}

const replyAddress = (token: string) => `decisions+${encodeReplyToken(token)}@smart.test`;

function mime(mail: {
  from?: string;
  to: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
}): Promise<Buffer> {
  return new MailComposer({
    from: `Jean Dupont <${approver}>`,
    subject: "Re: Demande à approuver [req-7f3a]",
    ...mail,
  })
    .compile()
    .build();
}

/** A small real decide: it records what it was asked, and refuses a token twice like the engine. */
function recordingDecide() {
  const calls: { token: string; input: ReplyInput; sender: string }[] = [];
  const used = new Set<string>();
  const decide: Decide = async (token, input, context) => {
    if (used.has(token)) throw new TokenError("token.used", "this link was already used");
    used.add(token);
    calls.push({ token, input, sender: context.sender });
    return { status: input.decision === "approve" ? "granting" : "rejected" };
  };
  return { calls, decide };
}

describe("reply addresses", () => {
  it("carry a token through a lower-cased local part", () => {
    // Prepare
    const token = randomBytes(32).toString("base64url");

    // Act
    const local = encodeReplyToken(token);

    // Assess
    expect(local).toMatch(/^[a-z2-7]{52}$/);
    expect(`decisions+${local}`.length).toBeLessThanOrEqual(64);
    expect(decodeReplyToken(local.toUpperCase())).toBe(token);
    expect(decodeReplyToken("not-a-token")).toBeUndefined();
  });
});

describe("handleInboundEmail", () => {
  it("decides an OK reply from the bound approver, whatever the case of the address", async () => {
    // Prepare
    const token = await issueReplyToken();
    const raw = await mime({ to: replyAddress(token), text: `OK\n\n${quotedFr}` });
    const { calls, decide } = recordingDecide();

    // Act
    const outcome = await handleInboundEmail(stack, raw, decide);

    // Assess
    expect(outcome).toMatchObject({ outcome: "decided", decision: "approve" });
    expect(calls).toEqual([
      { token, input: { decision: "approve" }, sender: approver.toLowerCase() },
    ]);
  });

  it("decides a rejection from an HTML-only Outlook reply with its reason", async () => {
    // Prepare
    const token = await issueReplyToken();
    const html = `<html><body><div>Refusé parce que le contrat n'est pas signé</div><div id="divRplyFwdMsg"><hr>${outlookFr
      .split("\n")
      .slice(1)
      .map((l) => `<div>${l.replace(/</g, "&lt;")}</div>`)
      .join("")}</div></body></html>`;
    const raw = await mime({ to: replyAddress(token), html });
    const { calls, decide } = recordingDecide();

    // Act
    const outcome = await handleInboundEmail(stack, raw, decide);

    // Assess
    expect(outcome).toMatchObject({ outcome: "decided", decision: "reject" });
    expect(calls[0]?.input).toEqual({ decision: "reject", comment: "le contrat n'est pas signé" });
  });

  it("reads the token from the envelope recipient when the headers lost it", async () => {
    // Prepare
    const token = await issueReplyToken();
    const raw = await mime({ to: "decisions@smart.test", text: "Goedgekeurd" });
    const { calls, decide } = recordingDecide();

    // Act
    const outcome = await handleInboundEmail(stack, raw, decide, {
      recipients: [replyAddress(token).toUpperCase()],
    });

    // Assess
    expect(outcome.outcome).toBe("decided");
    expect(calls).toHaveLength(1);
  });

  it("decides nothing for a mail forwarded and sent by someone else", async () => {
    // Prepare
    const token = await issueReplyToken();
    const raw = await mime({
      from: "Colleague <colleague@activity.example.org>",
      to: replyAddress(token),
      text: `OK\n\n---------- Forwarded message ---------\nFrom: Jean Dupont <${approver}>\nDate: Mon, 16 Mar 2020\nSubject: Demande à approuver\nTo: colleague@activity.example.org`,
    });
    const { calls, decide } = recordingDecide();

    // Act
    const outcome = await handleInboundEmail(stack, raw, decide);

    // Assess
    expect(outcome).toEqual({ outcome: "ignored", reason: "wrong-sender" });
    expect(calls).toEqual([]);
  });

  it.each([
    ["a Return-Path of someone else", { headers: { "Return-Path": "<mallory@example.org>" } }, {}],
    ["an envelope sender of someone else", {}, { mailFrom: "mallory@example.org" }],
  ])("decides nothing for a mail with %s", async (_name, extra, envelope) => {
    // Prepare
    const token = await issueReplyToken();
    const raw = await mime({ to: replyAddress(token), text: "OK", ...extra });
    const { calls, decide } = recordingDecide();

    // Act
    const outcome = await handleInboundEmail(stack, raw, decide, envelope);

    // Assess
    expect(outcome).toEqual({ outcome: "ignored", reason: "wrong-sender" });
    expect(calls).toEqual([]);
  });

  it.each([
    ["no reply token", () => Promise.resolve("decisions@smart.test"), "no-reply-token"],
    [
      "a forged reply token",
      () => Promise.resolve(replyAddress(Buffer.alloc(32, 7).toString("base64url"))),
      "unknown-token",
    ],
    [
      "a decision-page token instead of a reply token",
      async () =>
        replyAddress(
          await issueReplyToken(approver.toLowerCase(), `approver:${approver.toLowerCase()}`),
        ),
      "unknown-token",
    ],
  ] as const)("decides nothing for a reply with %s", async (_name, address, reason) => {
    // Prepare
    const raw = await mime({ to: await address(), text: "OK" });
    const { calls, decide } = recordingDecide();

    // Act
    const outcome = await handleInboundEmail(stack, raw, decide);

    // Assess
    expect(outcome).toEqual({ outcome: "ignored", reason });
    expect(calls).toEqual([]);
  });

  it("ignores an out-of-office answer without answering it", async () => {
    // Prepare
    const token = await issueReplyToken();
    const raw = await mime({
      to: replyAddress(token),
      text: "Je suis absent jusqu'au 20 mars.",
      headers: { "Auto-Submitted": "auto-replied" },
    });
    const { calls, decide } = recordingDecide();

    // Act
    const outcome = await handleInboundEmail(stack, raw, decide);

    // Assess
    expect(outcome).toEqual({ outcome: "ignored", reason: "automatic" });
    expect(calls).toEqual([]);
  });

  it("ignores a mail SES could not authenticate", async () => {
    // Prepare
    const token = await issueReplyToken();
    const raw = await mime({ to: replyAddress(token), text: "OK" });
    const { calls, decide } = recordingDecide();

    // Act
    const outcome = await handleInboundEmail(stack, raw, decide, {
      verdicts: { spf: "FAIL", dkim: "FAIL", dmarc: "FAIL" },
    });

    // Assess
    expect(outcome).toEqual({ outcome: "ignored", reason: "unauthenticated" });
    expect(calls).toEqual([]);
  });

  it("answers an ambiguous reply once, in the approver's language, and decides nothing", async () => {
    // Prepare
    const token = await issueReplyToken();
    const raw = await mime({
      to: replyAddress(token),
      text: `OK… en fait non, refusé\n\n${quotedFr}`,
    });
    const { calls, decide } = recordingDecide();

    // Act
    const first = await handleInboundEmail(stack, raw, decide);
    const again = await handleInboundEmail(stack, raw, decide);

    // Assess
    expect(calls).toEqual([]);
    expect(first).toMatchObject({
      outcome: "not-understood",
      ambiguity: { code: "contradictory" },
    });
    if (first.outcome !== "not-understood" || again.outcome !== "not-understood")
      throw new Error("not answered");
    expect(again.answer).toBe(first.answer);
    const answer = await sentEmail(first.answer);
    expect(answer?.destination.to).toEqual([approver.toLowerCase()]);
    expect(answer?.replyTo).toEqual([replyAddress(token)]);
    expect(answer?.subject).toContain("Réponse non comprise");
    expect(answer?.body.text).toContain("OK… en fait non, refusé");
  });

  it.each([
    ["nl", "piet.peeters@activity.example.org", "Antwoord niet begrepen: er werd niets beslist"],
    ["en", "ann.smith@activity.example.org", "Reply not understood: nothing was decided"],
  ] as const)(
    "answers an ambiguous reply of an approver registered in %s in that language",
    async (language, email, subject) => {
      // Prepare
      await setLanguages(stack, [{ email, language }]);
      const token = await issueReplyToken(email);
      const raw = await mime({
        from: email,
        to: replyAddress(token),
        text: `OK, maar nee / OK, but no\n\n${quotedFr}`,
      });
      const { calls, decide } = recordingDecide();

      // Act
      const outcome = await handleInboundEmail(stack, raw, decide);

      // Assess
      expect(calls).toEqual([]);
      if (outcome.outcome !== "not-understood") throw new Error(`not answered: ${outcome.outcome}`);
      const answer = await sentEmail(outcome.answer);
      expect(answer?.destination.to).toEqual([email]);
      expect(answer?.subject).toContain(subject);
      expect(answer?.subject).not.toContain("Réponse non comprise");
    },
  );

  it("tells an approver registered in en that the reply decided, and one in nl that a second reply decided nothing", async () => {
    // Prepare
    const en = "ann.jones@activity.example.org";
    const nl = "piet.claes@activity.example.org";
    await setLanguages(stack, [
      { email: en, language: "en" },
      { email: nl, language: "nl" },
    ]);
    const enToken = await issueReplyToken(en);
    const nlToken = await issueReplyToken(nl);
    const { decide } = recordingDecide();
    const enReply = await mime({ from: en, to: replyAddress(enToken), text: `OK\n\n${quotedFr}` });
    await handleInboundEmail(
      stack,
      await mime({ from: nl, to: replyAddress(nlToken), text: "OK" }),
      decide,
    );

    // Act
    const decided = await handleInboundEmail(stack, enReply, decide);
    const refused = await handleInboundEmail(
      stack,
      await mime({ from: nl, to: replyAddress(nlToken), text: "OK, goedgekeurd" }),
      decide,
    );

    // Assess
    if (decided.outcome !== "decided" || refused.outcome !== "refused")
      throw new Error(`${decided.outcome}, ${refused.outcome}`);
    const enAnswer = await sentEmail(decided.answer!);
    const nlAnswer = await sentEmail(refused.answer!);
    expect(enAnswer?.destination.to).toEqual([en]);
    expect(enAnswer?.subject).toContain("Your decision is recorded");
    expect(enAnswer?.body.text).toContain(
      "Your approval, sent as a reply to the email, is recorded.",
    );
    expect(nlAnswer?.destination.to).toEqual([nl]);
    expect(nlAnswer?.subject).toContain("Uw antwoord heeft niets beslist");
    expect(nlAnswer?.body.text).toContain("Met deze link werd al beslist");
  });

  it("reports a token already used as refused", async () => {
    // Prepare
    const token = await issueReplyToken();
    const raw = await mime({ to: replyAddress(token), text: "OK" });
    const { decide } = recordingDecide();
    await handleInboundEmail(stack, raw, decide);

    // Act
    const outcome = await handleInboundEmail(stack, raw, decide);

    // Assess
    expect(outcome).toMatchObject({ outcome: "refused", code: "token.used" });
  });

  it("lets any other failure of decide through, so the Lambda is retried", async () => {
    // Prepare
    const token = await issueReplyToken();
    const raw = await mime({ to: replyAddress(token), text: "OK" });

    // Act
    const handling = handleInboundEmail(stack, raw, () =>
      Promise.reject(new Error("DynamoDB throttled")),
    );

    // Assess
    await expect(handling).rejects.toThrow("DynamoDB throttled");
  });
});

describe("handleInboundFromS3", () => {
  it("reads the raw mail SES stored under inbound/<messageId>", async () => {
    // Prepare
    const token = await issueReplyToken();
    const messageId = "o3vlfvq6c0ecpbf3f8c2ujsbv4fl2mv5ml3l6l01";
    await stack.clients.s3.send(
      new PutObjectCommand({
        Bucket: stack.config.bucket,
        Key: inboundKey(messageId),
        Body: await mime({ to: replyAddress(token), text: "Plus d'infos : le devis signé ?" }),
      }),
    );
    const { calls, decide } = recordingDecide();

    // Act
    const outcome = await handleInboundFromS3(stack, messageId, decide, {
      recipients: [replyAddress(token)],
      mailFrom: approver,
    });

    // Assess
    expect(outcome).toMatchObject({ outcome: "decided", decision: "request-info" });
    expect(calls[0]?.input).toEqual({ decision: "request-info", comment: "le devis signé ?" });
    expect(inboundKey(messageId)).toBe(`inbound/${messageId}`);
    expect(() => inboundKey("../documents/x")).toThrow();
  });
});

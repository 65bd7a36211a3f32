import { beforeAll, describe, expect, it } from "vitest";
import { createClients } from "../../packages/core/src/aws/clients";
import { sendEmail } from "../../packages/core/src/notifications/send";
import { render } from "../../packages/core/src/notifications/templates/index";
import { createTestStack, type TestStack } from "../support/stack";
import { fixtures, plainText } from "./fixtures";
import { sentEmail } from "./inbox";

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});

describe("sendEmail", () => {
  it("sends both parts, the subject, the sender and the configured reply-to through SES", async () => {
    // Prepare
    const email = render("request-rejected", fixtures(plainText)["request-rejected"], "fr");

    // Act
    const messageId = await sendEmail(stack, { to: "anna@example.org", ...email });

    // Assess
    const stored = await sentEmail(messageId);
    expect(stored).toMatchObject({
      from: "entraide@smart.test",
      replyTo: ["decisions@smart.test"],
      destination: { to: ["anna@example.org"] },
      subject: "Demande refusée [req-7f3a]",
      body: { html: email.html, text: email.text },
    });
  });

  it("uses the message's own reply-to when it has one", async () => {
    // Prepare
    const email = render("approval-request", fixtures(plainText)["approval-request"], "nl");
    const replyTo = "decisions+abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst@smart.test";

    // Act
    const messageId = await sendEmail(stack, { to: ["approver@example.org"], replyTo, ...email });

    // Assess
    const stored = await sentEmail(messageId);
    expect(stored?.replyTo).toEqual([replyTo]);
    expect(stored?.subject).toBe(email.subject);
    expect(stored?.body.text).toContain("Goedkeuren");
  });

  it("strips line breaks from the subject so no header can be added", async () => {
    // Act
    const messageId = await sendEmail(stack, {
      to: "anna@example.org",
      subject: "Hello\r\nBcc: attacker@example.org",
      html: "<p>x</p>",
      text: "x",
    });

    // Assess
    const stored = await sentEmail(messageId);
    expect(stored?.subject).toBe("Hello Bcc: attacker@example.org");
    expect(stored?.destination.bcc).toEqual([]);
  });

  it.each([
    "anna@example.org\r\nBcc: attacker@example.org",
    "anna@example.org, attacker@example.org",
    "Anna <anna@example.org>",
    "",
  ])("refuses the recipient %j and sends nothing", async (to) => {
    // Act
    const sending = sendEmail(stack, { to, subject: "s", html: "<p>x</p>", text: "x" });

    // Assess
    await expect(sending).rejects.toThrow();
  });

  it("throws when SES fails, so that the engine retries the step", async () => {
    // Prepare
    const config = {
      ...stack.config,
      endpoints: { ...stack.config.endpoints, ses: "http://127.0.0.1:9" },
    };
    const broken = { ...stack, config, clients: createClients(config) };

    // Act
    const sending = sendEmail(broken, {
      to: "anna@example.org",
      subject: "s",
      html: "<p>x</p>",
      text: "x",
    });

    // Assess
    await expect(sending).rejects.toThrow();
  });
});

import { PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { inboundKey } from "../../packages/core/src/notifications/replies/inbound-from-s3";
import { useDeps } from "../../packages/functions/src/context";
import { handler } from "../../packages/functions/src/email/inbound";
import { createTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
  useDeps(stack);
});

/** An SES receipt event as the Lambda action delivers it (fields the handler does not read left out). */
const sesEvent = (messageId: string) => ({
  Records: [
    {
      eventSource: "aws:ses",
      eventVersion: "1.0",
      ses: {
        mail: {
          messageId,
          source: "jean@activity.example.org",
          destination: ["decisions@smart.test"],
          timestamp: "2020-03-16T10:05:00.000Z",
        },
        receipt: {
          recipients: ["decisions@smart.test"],
          spfVerdict: { status: "PASS" },
          dkimVerdict: { status: "PASS" },
          dmarcVerdict: { status: "PASS" },
          spamVerdict: { status: "PASS" },
          virusVerdict: { status: "PASS" },
          action: {
            type: "Lambda",
            functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:inbound",
            invocationType: "Event",
          },
        },
      },
    },
  ],
});

describe("the inbound email Lambda", () => {
  it("reads the stored mail of an SES receipt event and decides nothing without a reply token", async () => {
    // Prepare
    const messageId = "lambda0test0message0id";
    await stack.clients.s3.send(
      new PutObjectCommand({
        Bucket: stack.config.bucket,
        Key: inboundKey(messageId),
        Body: "From: jean@activity.example.org\r\nTo: decisions@smart.test\r\nSubject: Re\r\n\r\nOK\r\n",
      }),
    );

    // Act
    const handling = handler(sesEvent(messageId));

    // Assess
    await expect(handling).resolves.toBeUndefined();
  });

  it("fails on a mail SES did not store, so that the invocation is retried", async () => {
    await expect(handler(sesEvent("never0stored"))).rejects.toThrow();
  });

  it("refuses an event that is not an SES receipt", async () => {
    await expect(handler({ Records: [{ s3: {} }] })).rejects.toThrow();
  });
});

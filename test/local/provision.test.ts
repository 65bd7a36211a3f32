import { ReceiveMessageCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { createTestStack } from "../support/stack";

describe("local provisioning", () => {
  it("creates a table, a queue and a bucket that answer over the AWS wire protocols", async () => {
    // Prepare
    const { config, clients } = await createTestStack();
    // Act
    await clients.ddb.send(
      new PutCommand({ TableName: config.table, Item: { pk: "a", sk: "b", v: 1 } }),
    );
    await clients.sqs.send(
      new SendMessageCommand({ QueueUrl: config.queueUrl, MessageBody: "hi" }),
    );
    const got = await clients.ddb.send(
      new GetCommand({ TableName: config.table, Key: { pk: "a", sk: "b" } }),
    );
    const received = await clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: config.queueUrl, WaitTimeSeconds: 1 }),
    );
    // Assess
    expect(got.Item?.v).toBe(1);
    expect(received.Messages?.[0]?.Body).toBe("hi");
  });
});

import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { ReceiveMessageCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { keys, tableDefinition } from "../../packages/core/src/db/layout";
import { listExecutions } from "../../packages/core/src/engine/operations";
import { provision } from "../../packages/functions/src/local/provision";
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

  it("upgrades a table kept from before executions had their own index: their keys moved to it", async () => {
    // Prepare: a kept table holding an execution still listed under `byStatus`. (The table has
    // the new index already: DynamoDB Local builds an added index slowly while other suites
    // write to it, so adding it is left out of this test.)
    const stack = await createTestStack();
    const suffix = crypto.randomUUID().slice(0, 8);
    const names = { table: `kept-${suffix}`, queue: `kept-${suffix}`, bucket: `kept-${suffix}` };
    await stack.clients.ddb.send(new CreateTableCommand(tableDefinition(names.table)));
    const id = crypto.randomUUID();
    const at = "2026-01-05T10:00:00.000Z";
    await stack.clients.ddb.send(
      new PutCommand({
        TableName: names.table,
        Item: {
          ...keys.execution(id),
          gsi1pk: "EXEC#kept#running",
          gsi1sk: `${at}#${id}`,
          id,
          workflow: "kept",
          version: 1,
          status: "running",
          state: "a",
          startedAt: at,
          updatedAt: at,
          data: {},
        },
      }),
    );
    // Act
    await provision(stack.clients, names);
    // Assess
    const { Item } = await stack.clients.ddb.send(
      new GetCommand({ TableName: names.table, Key: keys.execution(id) }),
    );
    expect(Item).toMatchObject({ xpk: "EXEC#kept#running", xsk: `${at}#${id}` });
    expect(Item).not.toHaveProperty("gsi1pk");
    const listed = await listExecutions(
      { ...stack, config: { ...stack.config, table: names.table } },
      { workflows: ["kept"] },
    );
    expect(listed.map((e) => e.id)).toEqual([id]);
  });
});

import { randomUUID } from "node:crypto";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
} from "@aws-sdk/client-sqs";
import type { SQSRecord } from "aws-lambda";
import { afterEach, describe, expect, it } from "vitest";
import {
  type SqsHandler,
  startWorkerLoop,
  type WorkerLoop,
} from "../../packages/functions/src/local/worker-loop";
import { createTestStack } from "../support/stack";

const MAX_RECEIVES = 3;

/** A queue that makes failed messages visible again after one second, and its DLQ. */
async function fastQueue() {
  const { clients, config } = await createTestStack();
  const name = `worker-${randomUUID().slice(0, 8)}`;
  const dlq = await clients.sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const dlqArn = await clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ["QueueArn"] }),
  );
  const queue = await clients.sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: "1",
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqArn.Attributes!.QueueArn,
          maxReceiveCount: MAX_RECEIVES,
        }),
      },
    }),
  );
  const send = (...bodies: string[]) =>
    clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.QueueUrl,
        Entries: bodies.map((body, i) => ({ Id: String(i), MessageBody: body })),
      }),
    );
  return {
    sqs: clients.sqs,
    region: config.region,
    queueUrl: queue.QueueUrl!,
    dlqUrl: dlq.QueueUrl!,
    send,
  };
}

/** Every record the handler was given, in order, with what it decides for each batch. */
function recording(decide: (records: SQSRecord[], call: number) => string[] | "throw") {
  const seen: SQSRecord[] = [];
  let calls = 0;
  const handler: SqsHandler = async (event) => {
    seen.push(...event.Records);
    const failed = decide(event.Records, calls++);
    if (failed === "throw") throw new Error("the handler crashed");
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
  const times = (body: string) => seen.filter((r) => r.body === body);
  return { handler, seen, times };
}

async function waitFor(condition: () => boolean, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out waiting for the condition");
    await new Promise((r) => setTimeout(r, 100));
  }
}

let loop: WorkerLoop | undefined;
afterEach(async () => {
  await loop?.stop();
  loop = undefined;
});

describe("worker loop", () => {
  it("gives failed records back to the queue and deletes the ones that succeeded", async () => {
    // Prepare
    const q = await fastQueue();
    const rec = recording((records) =>
      records.filter((r) => r.body === "fail").map((r) => r.messageId),
    );
    await q.send("ok-1", "fail", "ok-2");
    // Act
    loop = await startWorkerLoop({
      ...q,
      handler: rec.handler,
      waitTimeSeconds: 1,
      log: () => undefined,
    });
    await waitFor(() => rec.times("fail").length >= 2);
    await new Promise((r) => setTimeout(r, 1500));
    // Assess
    expect(rec.times("ok-1")).toHaveLength(1);
    expect(rec.times("ok-2")).toHaveLength(1);
    const counts = rec.times("fail").map((r) => Number(r.attributes.ApproximateReceiveCount));
    expect(counts.slice(0, 2)).toEqual([1, 2]);
  });

  it("long-polls as Lambda's event source does: a message sent while it waits comes from the poll already waiting", async () => {
    // Prepare: the loop's receives, as it sends them
    const q = await fastQueue();
    const receives: { WaitTimeSeconds?: number }[] = [];
    q.sqs.middlewareStack.add(
      (next, context) => (args) => {
        if (context.commandName === "ReceiveMessageCommand")
          receives.push(args.input as { WaitTimeSeconds?: number });
        return next(args);
      },
      { step: "initialize", name: "receives" },
    );
    let receivesBeforeHandler: number | undefined;
    const rec = recording(() => {
      receivesBeforeHandler ??= receives.length;
      return [];
    });
    loop = await startWorkerLoop({ ...q, handler: rec.handler, waitTimeSeconds: 5, log: () => {} });
    await waitFor(() => receives.length === 1);
    // Act
    await q.send("late");
    await waitFor(() => rec.seen.length === 1);
    // Assess
    expect(receivesBeforeHandler).toBe(1);
    expect(receives[0]).toMatchObject({ WaitTimeSeconds: 5, MaxNumberOfMessages: 10 });
    q.sqs.middlewareStack.remove("receives");
  });

  it("hands the handler real SQS records", async () => {
    // Prepare
    const q = await fastQueue();
    const rec = recording(() => []);
    await q.send("hello");
    // Act
    loop = await startWorkerLoop({
      ...q,
      handler: rec.handler,
      waitTimeSeconds: 1,
      log: () => undefined,
    });
    await waitFor(() => rec.seen.length === 1);
    // Assess
    expect(rec.seen[0]).toMatchObject({
      body: "hello",
      eventSource: "aws:sqs",
      awsRegion: q.region,
      attributes: { ApproximateReceiveCount: "1" },
    });
    expect(rec.seen[0]!.eventSourceARN).toMatch(/^arn:aws:sqs:/);
    expect(rec.seen[0]!.receiptHandle).not.toBe("");
  });

  it("leaves the whole batch on the queue when the handler throws", async () => {
    // Prepare
    const q = await fastQueue();
    const rec = recording((_records, call) => (call === 0 ? "throw" : []));
    await q.send("a", "b");
    // Act
    loop = await startWorkerLoop({
      ...q,
      handler: rec.handler,
      waitTimeSeconds: 1,
      log: () => undefined,
    });
    await waitFor(() => rec.times("a").length === 2 && rec.times("b").length === 2);
    await new Promise((r) => setTimeout(r, 1500));
    // Assess
    expect(rec.times("a").map((r) => r.attributes.ApproximateReceiveCount)).toEqual(["1", "2"]);
    expect(rec.times("b").map((r) => r.attributes.ApproximateReceiveCount)).toEqual(["1", "2"]);
  });

  it("retries the whole batch when the handler reports an id that is not in it", async () => {
    // Prepare
    const q = await fastQueue();
    const rec = recording((_records, call) => (call === 0 ? ["not-a-message-id"] : []));
    await q.send("x");
    // Act
    loop = await startWorkerLoop({
      ...q,
      handler: rec.handler,
      waitTimeSeconds: 1,
      log: () => undefined,
    });
    await waitFor(() => rec.times("x").length === 2);
    // Assess
    expect(rec.times("x")[1]!.attributes.ApproximateReceiveCount).toBe("2");
  });

  it("moves a poison message to the dead-letter queue after maxReceiveCount receives", async () => {
    // Prepare
    const q = await fastQueue();
    const rec = recording((records) =>
      records.filter((r) => r.body === "poison").map((r) => r.messageId),
    );
    await q.send("poison");
    // Act
    loop = await startWorkerLoop({
      ...q,
      handler: rec.handler,
      waitTimeSeconds: 1,
      log: () => undefined,
    });
    await waitFor(() => rec.times("poison").length === MAX_RECEIVES);
    const dead = await q.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: q.dlqUrl, WaitTimeSeconds: 5 }),
    );
    // Assess
    expect(dead.Messages?.map((m) => m.Body)).toEqual(["poison"]);
    expect(rec.times("poison")).toHaveLength(MAX_RECEIVES);
  });
});

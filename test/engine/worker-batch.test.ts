import type { SQSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { defineWorkflow } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { workBatchHandler } from "../../packages/functions/src/queue/worker";
import { createTestStack } from "../support/stack";

const oneStep = defineWorkflow({
  name: "one-step",
  version: 1,
  startAt: "work",
  states: { work: { type: "task", step: "work" } },
});

/** A received record as Lambda hands it over, for the execution's first message. */
const recordOf = (executionId: string, messageId: string) => ({
  messageId,
  receiptHandle: messageId,
  body: JSON.stringify({ executionId, rev: 1 }),
  attributes: {
    ApproximateReceiveCount: "1",
    SentTimestamp: "0",
    SenderId: "local",
    ApproximateFirstReceiveTimestamp: "0",
  },
  messageAttributes: {},
  md5OfBody: "",
  eventSource: "aws:sqs",
  eventSourceARN: "arn:aws:sqs:eu-west-1:000000000000:work",
  awsRegion: "eu-west-1",
});

describe("the worker's batch response", () => {
  it("reports each record that failed, even when every record of the batch failed, rather than failing the batch", async () => {
    const stack = await createTestStack();
    // Commits of the executions named here crash, as a Lambda dying mid-record would.
    const crashing = new Set<string>();
    const engine = new Engine({
      deps: stack,
      workflows: [oneStep],
      steps: { work: async () => ({}) },
      faults: (point, where) => {
        if (point === "before-commit" && crashing.has(where.executionId))
          throw new Error(`crash in ${where.executionId}`);
      },
    });
    const handler = workBatchHandler(() => engine);
    const ids = await Promise.all(
      ["k-1", "k-2", "k-3"].map(
        async (key) => (await engine.start({ workflow: "one-step", key, input: {} })).id,
      ),
    );
    crashing.add(ids[0]!).add(ids[1]!);

    const all = await handler({ Records: [recordOf(ids[0]!, "m-0"), recordOf(ids[1]!, "m-1")] });
    expect(all.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(["m-0", "m-1"]);

    const mixed: SQSEvent = {
      Records: [recordOf(ids[0]!, "m-0"), recordOf(ids[2]!, "m-2")],
    };
    const some = await handler(mixed);
    expect(some.batchItemFailures).toEqual([{ itemIdentifier: "m-0" }]);
  });
});

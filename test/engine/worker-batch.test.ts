import type { SQSEvent } from "aws-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";
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

afterEach(() => vi.restoreAllMocks());

/** The worker's log lines (JSON, on stdout or stderr by level) while `run` runs. */
async function logged<T>(run: () => Promise<T>) {
  const lines: Record<string, unknown>[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation((chunk, ...rest) => {
      const text = String(chunk);
      if (!text.startsWith("{")) return write(chunk, ...(rest as []));
      for (const line of text.split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      return true;
    });
  }
  const result = await run();
  vi.restoreAllMocks();
  return { result, lines };
}

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

    const { result: all, lines } = await logged(() =>
      handler({ Records: [recordOf(ids[0]!, "m-0"), recordOf(ids[1]!, "m-1")] }),
    );
    expect(all.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(["m-0", "m-1"]);
    // Each failure's cause is logged once, with its execution: the batch's answer has only ids.
    const failures = lines.filter((l) => String(l.message).startsWith("record failed"));
    expect(failures.map((l) => l.executionId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(JSON.stringify(failures)).toContain("crash in");

    const mixed: SQSEvent = {
      Records: [recordOf(ids[0]!, "m-0"), recordOf(ids[2]!, "m-2")],
    };
    const some = await handler(mixed);
    expect(some.batchItemFailures).toEqual([{ itemIdentifier: "m-0" }]);
  });
});

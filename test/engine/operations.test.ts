import { ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { beforeAll, describe, expect, it } from "vitest";
import { listDeadLetters, redriveDeadLetters } from "../../packages/core/src/engine/dead-letters";
import { listExecutions, showExecution } from "../../packages/core/src/engine/operations";
import { getExecution } from "../../packages/core/src/engine/store";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";
import { opsEngine, poison, Switch } from "./ops-fixtures";

let stack: TestStack;
let fix: Switch;
let harness: Harness;
let ids: { ok: string; failing: string; waiting: string };

const start = (key: string, input: Record<string, unknown>) =>
  harness.engine.start({ workflow: "ops", key, input }).then((r) => r.id);

beforeAll(async () => {
  stack = await createTestStack();
  fix = new Switch();
  harness = new Harness(stack, opsEngine(stack, fix));
  // One second apart, so their start dates (the index's sort key) are distinct.
  ids = { ok: await start("ok", {}), failing: "", waiting: "" };
  stack.clock.advance(1000);
  ids.failing = await start("failing", { fail: true });
  stack.clock.advance(1000);
  ids.waiting = await start("waiting", { wait: true });
  await harness.drain();
});

describe("operations on executions", () => {
  it("lists executions by status from the index, and all of them oldest first without a status", async () => {
    // Act
    const byStatus = async (status: "running" | "succeeded" | "failed") =>
      (await listExecutions(stack, { workflows: ["ops"], status })).map((e) => e.id);
    const all = await listExecutions(stack, { workflows: ["ops", "ops"] });
    const otherWorkflow = await listExecutions(stack, { workflows: ["demo"] });
    // Assess
    expect(await byStatus("succeeded")).toEqual([ids.ok]);
    expect(await byStatus("failed")).toEqual([ids.failing]);
    expect(await byStatus("running")).toEqual([ids.waiting]);
    expect(all.map((e) => e.id)).toEqual([ids.ok, ids.failing, ids.waiting]);
    expect(all[1]).toMatchObject({
      workflow: "ops",
      version: 1,
      status: "failed",
      state: "work",
      error: { error: "upstream.down", cause: "the upstream service refused the call" },
    });
    expect(otherWorkflow).toEqual([]);
  });

  it("shows an execution with its history in order", async () => {
    // Act
    const { execution, history } = await showExecution(stack, ids.waiting);
    // Assess
    expect(execution).toMatchObject({ id: ids.waiting, status: "running", state: "pause" });
    expect(history.map((e) => (e.state ? `${e.type}:${e.state}` : e.type))).toEqual([
      "ExecutionStarted",
      "StateEntered:work",
      "TaskSucceeded:work",
      "StateEntered:route",
      "StateEntered:pause",
      "WaitStarted:pause",
    ]);
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("says an unknown execution is not found", async () => {
    // Act
    const shown = showExecution(stack, crypto.randomUUID());
    // Assess
    await expect(shown).rejects.toMatchObject({ code: "execution.not-found", status: 404 });
  });

  it("redrives a failed execution from the state it failed in, once the cause is fixed", async () => {
    // Prepare
    const own = await createTestStack();
    const switchOf = new Switch();
    const h = new Harness(own, opsEngine(own, switchOf));
    const { id } = await h.engine.start({ workflow: "ops", key: "redrive", input: { fail: true } });
    await h.drain();
    const failed = await getExecution(own, id);
    switchOf.fixed = true;
    // Act
    const redriven = await h.engine.redrive(id);
    await h.drain();
    // Assess
    expect(failed).toMatchObject({ status: "failed", state: "work" });
    expect(redriven).toMatchObject({ status: "running", state: "work" });
    expect(await getExecution(own, id)).toMatchObject({
      status: "succeeded",
      state: "done",
      data: { worked: true },
    });
    const { history } = await showExecution(own, id);
    expect(history.map((e) => e.type)).toEqual([
      "ExecutionStarted",
      "StateEntered",
      "TaskFailed",
      "ExecutionFailed",
      "ExecutionRedriven",
      "TaskSucceeded",
      "StateEntered",
      "StateEntered",
      "ExecutionSucceeded",
    ]);
    await expect(h.engine.redrive(id)).rejects.toMatchObject({ code: "execution.not-failed" });
  });
});

describe("the dead-letter queue", () => {
  it("lists poison messages without consuming them, then redrives them to the work queue where the worker moves the execution", async () => {
    // Prepare
    const own = await createTestStack();
    const h = new Harness(own, opsEngine(own, new Switch()));
    const { id } = await h.engine.start({ workflow: "ops", key: "lost", input: {} });
    // The execution's only message ends up in the dead-letter queue instead of being handled.
    await h.purge();
    await poison(own, JSON.stringify({ executionId: id, rev: 1 }));
    await poison(own, "not json");
    // Act
    const first = await listDeadLetters(own);
    const second = await listDeadLetters(own);
    const progress: number[] = [];
    const { moved } = await redriveDeadLetters(own, { onProgress: (n) => progress.push(n) });
    const after = await listDeadLetters(own);
    await h.drain({ sweep: false });
    // Assess
    expect(first).toHaveLength(2);
    expect(first.find((m) => m.work)).toMatchObject({
      work: { executionId: id, rev: 1 },
      receiveCount: 1,
    });
    expect(first.find((m) => !m.work)?.body).toBe("not json");
    expect(second.map((m) => m.messageId).sort()).toEqual(first.map((m) => m.messageId).sort());
    expect(moved).toBe(2);
    expect(progress.at(-1)).toBe(2);
    expect(after).toEqual([]);
    expect(await getExecution(own, id)).toMatchObject({ status: "succeeded" });
  });

  it("moves nothing and sends nothing when the dead-letter queue is empty", async () => {
    // Prepare
    const own = await createTestStack();
    // Act
    const { moved } = await redriveDeadLetters(own);
    // Assess
    expect(moved).toBe(0);
    const { Messages } = await own.clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: own.config.queueUrl, WaitTimeSeconds: 0 }),
    );
    expect(Messages ?? []).toEqual([]);
  });
});

import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { completeCallback } from "../../packages/core/src/engine/callbacks";
import { defineWorkflow } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";
import { DAY_MS, demo, demoSteps, Effects, FUND } from "./fixtures";

let stack: TestStack;
let effects: Effects;
let engine: Engine;
let harness: Harness;

beforeAll(async () => {
  stack = await createTestStack();
  effects = new Effects();
  engine = new Engine({
    deps: stack,
    workflows: [demo],
    steps: demoSteps(effects),
    random: () => 0.5,
  });
  harness = new Harness(stack, engine);
});

const start = (input: Record<string, unknown>) =>
  engine.start({ workflow: "demo", key: crypto.randomUUID(), input });
const execution = async (id: string) => (await getExecution(stack, id))!;
const types = async (id: string) =>
  (await readHistory(stack, id)).map((e) => (e.state ? `${e.type}:${e.state}` : e.type));

describe("workflow engine: state types", () => {
  it("runs task, choice and parallel states, then waits 30 days on the clock before it succeeds", async () => {
    // Prepare
    const { id } = await start({ mode: "auto", amount: 250 });
    // Act
    await harness.drain();
    const waiting = await execution(id);
    await harness.advance(29 * DAY_MS);
    const stillWaiting = await execution(id);
    await harness.advance(1 * DAY_MS + 1000);
    // Assess
    expect(waiting).toMatchObject({ status: "running", state: "cool-off", phase: "wait" });
    expect(stillWaiting.state).toBe("cool-off");
    const done = await execution(id);
    expect(done).toMatchObject({ status: "succeeded", state: "done" });
    expect(done.data).toMatchObject({ prepared: true, notified: "notify-sent", archived: true });
    expect(await types(id)).toEqual([
      "ExecutionStarted",
      "StateEntered:prepare",
      "Prepared:prepare",
      "TaskSucceeded:prepare",
      "StateEntered:route",
      "StateEntered:notify",
      "TaskSucceeded:notify",
      "StateEntered:pay",
      "TaskSucceeded:pay",
      "StateEntered:cool-off",
      "WaitStarted:cool-off",
      "WaitEnded:cool-off",
      "StateEntered:done",
      "ExecutionSucceeded:done",
    ]);
    const history = await readHistory(stack, id);
    expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
  });

  it("retries a failing step with exponential backoff, then moves on", async () => {
    // Prepare
    const { id } = await start({ mode: "flaky" });
    // Act
    await harness.drain();
    await harness.advance(2 * 60_000);
    await harness.advance(2 * 60_000);
    // Assess
    const history = await readHistory(stack, id);
    const retries = history
      .filter((e) => e.type === "TaskRetryScheduled")
      .map((e) => e.detail?.delaySeconds);
    expect(retries).toEqual([10, 20]);
    expect((await execution(id)).data.flakyAttempts).toBe(3);
    expect((await execution(id)).state).toBe("cool-off");
  });

  it("routes a business error to its catch, keeping the error in the data", async () => {
    // Prepare
    const { id } = await start({ mode: "refuse" });
    // Act
    await harness.drain();
    // Assess
    const done = await execution(id);
    expect(done).toMatchObject({ status: "succeeded", state: "refused" });
    expect(done.data.error).toEqual({ error: "not-eligible", cause: "the member is not eligible" });
    expect(await types(id)).toContain("TaskFailed:refuse");
  });

  it("fails the execution with error and cause when retries run out and a fail state is reached", async () => {
    // Prepare
    const own = await createTestStack();
    const failing = new Engine({
      deps: own,
      workflows: [demo],
      steps: demoSteps(effects, 99),
      random: () => 0.5,
    });
    const h = new Harness(own, failing);
    const { id } = await failing.start({
      workflow: "demo",
      key: crypto.randomUUID(),
      input: { mode: "flaky" },
    });
    // Act
    for (let i = 0; i < 5; i++) await h.advance(5 * 60_000);
    // Assess
    expect(await getExecution(own, id)).toMatchObject({
      status: "failed",
      state: "gave-up",
      error: { error: "GaveUp" },
    });
  });

  it("completes a callback: the token moves the waiting state, once", async () => {
    // Prepare
    const { id } = await start({ mode: "approve", amount: 700 });
    await harness.drain();
    const token = effects.tokens.get(id)![0]!;
    // Act
    const result = await completeCallback(engine, stack, token, {
      event: "decision",
      decision: "approve",
    });
    await harness.drain();
    const again = completeCallback(engine, stack, token, { event: "decision", decision: "reject" });
    // Assess
    expect(result.outcome).toBe("applied");
    await expect(again).rejects.toMatchObject({ code: "token.used", status: 409 });
    const done = await execution(id);
    expect(done).toMatchObject({ state: "cool-off", data: { approved: true } });
    expect(effects.count(`ask:${id}`)).toBe(1);
  });

  it("a rejecting callback leads to a fail state; a malformed one changes nothing", async () => {
    // Prepare
    const { id } = await start({ mode: "approve" });
    await harness.drain();
    const token = effects.tokens.get(id)![0]!;
    const before = await execution(id);
    // Act
    const malformed = completeCallback(engine, stack, token, {
      event: "decision",
      decision: "maybe",
    });
    await expect(malformed).rejects.toMatchObject({ code: "decision.invalid" });
    const unchanged = await execution(id);
    await completeCallback(engine, stack, token, { event: "decision", decision: "reject" });
    // Assess
    expect(unchanged.rev).toBe(before.rev);
    expect(await execution(id)).toMatchObject({
      status: "failed",
      state: "rejected",
      error: { error: "Rejected" },
    });
  });

  it("sends reminders every 2 days 3 times and escalates at day 7, then times out at day 14", async () => {
    // Prepare
    const { id } = await start({ mode: "approve" });
    await harness.drain();
    // Act
    for (let day = 1; day <= 15; day++) await harness.advance(DAY_MS);
    // Assess
    expect(effects.count(`remind:${id}`)).toBe(3);
    expect(effects.count(`escalate:${id}`)).toBe(1);
    const fired = (await readHistory(stack, id))
      .filter((e) => e.type === "TimerFired")
      .map((e) => e.detail);
    expect(fired).toEqual([
      { timer: "remind", count: 1 },
      { timer: "remind", count: 2 },
      { timer: "remind", count: 3 },
      { timer: "escalate", count: 1 },
    ]);
    expect(await execution(id)).toMatchObject({
      status: "succeeded",
      state: "expired",
      data: { error: { error: "States.Timeout" } },
    });
    const token = effects.tokens.get(id)![0]!;
    await expect(
      completeCallback(engine, stack, token, { event: "decision", decision: "approve" }),
    ).rejects.toMatchObject({ code: "token.expired" });
  });

  it("reminders stop once decided", async () => {
    // Prepare
    const { id } = await start({ mode: "approve" });
    await harness.drain();
    await harness.advance(2 * DAY_MS + 1000);
    // Act
    await completeCallback(engine, stack, effects.tokens.get(id)![0]!, {
      event: "decision",
      decision: "approve",
    });
    for (let day = 1; day <= 8; day++) await harness.advance(DAY_MS);
    // Assess
    expect(effects.count(`remind:${id}`)).toBe(1);
    expect(effects.count(`escalate:${id}`)).toBe(0);
  });

  it("refuses forged and unknown tokens", async () => {
    // Act
    const forged = await completeCallback(engine, stack, "A".repeat(43), {
      decision: "approve",
    }).catch((e) => e);
    const garbage = await completeCallback(engine, stack, "<script>", {
      decision: "approve",
    }).catch((e) => e);
    // Assess
    expect(forged).toMatchObject({ code: "token.invalid", status: 404 });
    expect(garbage).toMatchObject({ code: "token.invalid", status: 404 });
  });

  it("keeps a callback that arrives before its state is entered, and applies it on entry", async () => {
    // Prepare: a token issued ahead, for the approval state's first visit
    const early = defineWorkflow({
      name: "early",
      version: 1,
      startAt: "issue",
      states: {
        issue: { type: "task", step: "issue-ahead", next: "slow" },
        slow: { type: "wait", seconds: 3600, next: "approval" },
        approval: {
          type: "callback",
          events: { answer: z.object({ answer: z.number() }) },
          outcomes: { answered: "end" },
          onCallback: (_d, { payload }) => ({
            data: { answer: payload.answer },
            outcome: "answered",
          }),
        },
        end: { type: "succeed" },
      },
    });
    const tokens: string[] = [];
    const own = await createTestStack();
    const e = new Engine({
      deps: own,
      workflows: [early],
      steps: {
        "issue-ahead": async (_d, ctx) => {
          tokens.push(await ctx.issueToken("ahead", { target: { state: "approval", visit: 1 } }));
          return {};
        },
      },
    });
    const h = new Harness(own, e);
    const { id } = await e.start({ workflow: "early", key: crypto.randomUUID(), input: {} });
    await h.drain();
    // Act
    const result = await completeCallback(e, own, tokens[0]!, { event: "answer", answer: 42 });
    await h.advance(2 * 3600_000);
    // Assess
    expect(result.outcome).toBe("queued");
    expect(await getExecution(own, id)).toMatchObject({
      status: "succeeded",
      state: "end",
      data: { answer: 42 },
    });
    expect((await readHistory(own, id)).map((e) => e.type)).toContain("CallbackQueued");
  });

  it("of two concurrent callbacks for one state, exactly one wins", async () => {
    // Prepare
    const { id } = await start({ mode: "approve" });
    await harness.drain();
    const token = effects.tokens.get(id)![0]!;
    // Act
    const results = await Promise.allSettled([
      completeCallback(engine, stack, token, { event: "decision", decision: "approve" }),
      completeCallback(engine, stack, token, { event: "decision", decision: "reject" }),
    ]);
    // Assess
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(["token.used", "token.superseded"]).toContain(loser.reason.code);
    expect(
      (await readHistory(stack, id)).filter((e) => e.type === "CallbackReceived"),
    ).toHaveLength(1);
  });

  it("commits a step's atomic write with its transition, and routes a failed condition to a catch", async () => {
    // Prepare
    const { id: big } = await start({ mode: "auto", amount: 990_000 });
    await harness.drain();
    const before = await stack.clients.ddb.send(
      new GetCommand({ TableName: stack.config.table, Key: FUND }),
    );
    // Act
    const { id: over } = await start({ mode: "auto", amount: 990_000 });
    await harness.drain();
    // Assess
    const after = await stack.clients.ddb.send(
      new GetCommand({ TableName: stack.config.table, Key: FUND }),
    );
    expect(await execution(big)).toMatchObject({ state: "cool-off" });
    expect(await execution(over)).toMatchObject({ status: "succeeded", state: "short" });
    expect(after.Item?.paidCents).toBe(before.Item?.paidCents);
  });

  it("redrives a failed execution from the state it failed in", async () => {
    // Prepare
    let broken = true;
    const wf = defineWorkflow({
      name: "redrive",
      version: 1,
      startAt: "work",
      states: { work: { type: "task", step: "work", next: "end" }, end: { type: "succeed" } },
    });
    const own = await createTestStack();
    const e = new Engine({
      deps: own,
      workflows: [wf],
      steps: {
        work: async () => {
          if (broken) throw new Error("database is down");
          return { data: { worked: true } };
        },
      },
    });
    const h = new Harness(own, e);
    const { id } = await e.start({ workflow: "redrive", key: crypto.randomUUID(), input: {} });
    await h.drain();
    const failed = await getExecution(own, id);
    // Act
    broken = false;
    await e.redrive(id);
    await h.drain();
    // Assess
    expect(failed).toMatchObject({
      status: "failed",
      state: "work",
      error: { error: "Error", cause: "database is down" },
    });
    expect(await getExecution(own, id)).toMatchObject({
      status: "succeeded",
      data: { worked: true },
    });
    expect((await readHistory(own, id)).map((e) => `${e.type}:${e.state}`)).toContain(
      "ExecutionRedriven:work",
    );
    await expect(e.redrive(id)).rejects.toMatchObject({ code: "execution.not-failed" });
  });

  it("starts once per idempotency key, and refuses the key with another input", async () => {
    // Prepare
    const key = crypto.randomUUID();
    // Act
    const first = await engine.start({ workflow: "demo", key, input: { mode: "auto" } });
    const second = await engine.start({ workflow: "demo", key, input: { mode: "auto" } });
    const other = engine.start({ workflow: "demo", key, input: { mode: "refuse" } });
    // Assess
    expect(second).toEqual({ id: first.id, created: false });
    await expect(other).rejects.toMatchObject({ code: "idempotency.conflict", status: 409 });
  });

  it("keeps an execution on the definition version it started with", async () => {
    // Prepare
    const v1 = defineWorkflow({
      name: "versioned",
      version: 1,
      startAt: "pause",
      states: { pause: { type: "wait", seconds: 60, next: "end" }, end: { type: "succeed" } },
    });
    const v2 = defineWorkflow({
      name: "versioned",
      version: 2,
      startAt: "pause",
      states: {
        pause: { type: "wait", seconds: 60, next: "mark" },
        mark: { type: "task", step: "mark" },
        end: { type: "succeed" },
      },
    });
    const own = await createTestStack();
    const old = new Engine({ deps: own, workflows: [v1], steps: {} });
    const { id: early } = await old.start({
      workflow: "versioned",
      key: crypto.randomUUID(),
      input: {},
    });
    await new Harness(own, old).drain();
    // Act: a deploy brings v2; the old execution resumes under the new code
    const deployed = new Engine({
      deps: own,
      workflows: [v1, v2],
      steps: { mark: async () => ({ data: { v2: true } }) },
    });
    const { id: late } = await deployed.start({
      workflow: "versioned",
      key: crypto.randomUUID(),
      input: {},
    });
    const h = new Harness(own, deployed);
    await h.drain();
    await h.advance(5 * 60_000);
    // Assess
    expect(await getExecution(own, early)).toMatchObject({
      version: 1,
      status: "succeeded",
      state: "end",
    });
    expect(await getExecution(own, late)).toMatchObject({
      version: 2,
      status: "succeeded",
      data: { v2: true },
    });
  });
});

import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { addSeconds, OffsetClock } from "../../packages/core/src/clock";
import { keys } from "../../packages/core/src/db/layout";
import { defineWorkflow, type Step } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { INVOCATION_MARGIN_MS } from "../../packages/core/src/engine/run";
import { getExecution } from "../../packages/core/src/engine/store";
import { sweep } from "../../packages/core/src/engine/sweeper";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";

const GRACE = 60;

/** Five tasks in a row: one invocation runs them all, each step taking 10 s of the test's clock. */
const workflow = defineWorkflow({
  name: "chained",
  version: 1,
  startAt: "a",
  states: {
    a: { type: "task", step: "work", next: "b" },
    b: { type: "task", step: "work", next: "c" },
    c: { type: "task", step: "work", next: "d" },
    d: { type: "task", step: "work", next: "e" },
    e: { type: "task", step: "work", next: "done" },
    done: { type: "succeed" },
  },
});

/** A monotonic time source that moves `step` ms each time it is read: budgets proven without timing. */
function ticking(step: number): () => number {
  let at = 0;
  return () => {
    at += step;
    return at;
  };
}

/** The test's clock, still between its moves: the due times below are exact. */
class StillClock extends OffsetClock {
  private readonly at = Date.now();
  override now(): Date {
    return new Date(this.at + this.offsetMs);
  }
}

let stack: TestStack;
let engine: Engine;
let harness: Harness;
/** What each step saw: its state, the due entry stored when it ran, how often the register was read. */
const seen: { state: string; dueSk: string; now: string }[] = [];
const registerReads = new Map<string, number>();

const steps: Record<string, Step> = {
  work: async (_data, ctx) => {
    const { Item } = await stack.clients.ddb.send(
      new GetCommand({
        TableName: stack.config.table,
        Key: keys.execution(ctx.executionId),
        ConsistentRead: true,
      }),
    );
    seen.push({ state: ctx.state, dueSk: String(Item?.dueSk), now: ctx.now.toISOString() });
    const member = await ctx.read("member#1", async () => {
      registerReads.set(ctx.executionId, (registerReads.get(ctx.executionId) ?? 0) + 1);
      return { name: "Ada" };
    });
    stack.clock.advance(10_000);
    return { data: { [`by-${ctx.state}`]: member.name } };
  },
};

beforeAll(async () => {
  stack = { ...(await createTestStack()), clock: new StillClock() };
  // The default budget, in a time source that moves 10 ms per read: the whole run fits in it.
  engine = new Engine({
    deps: stack,
    workflows: [workflow],
    steps,
    graceSeconds: GRACE,
    monotonicMs: ticking(10),
  });
  harness = new Harness(stack, engine);
});

describe("a chain of states run in one invocation", () => {
  it("keeps its due entry while it leaves half the grace, never later than the grace after a commit", async () => {
    // Prepare
    seen.length = 0;
    const { id } = await engine.start({ workflow: "chained", key: crypto.randomUUID(), input: {} });
    const startedAt = stack.clock.now().toISOString();
    // Act
    await harness.drain();
    // Assess
    const execution = (await getExecution(stack, id))!;
    expect(execution).toMatchObject({ status: "succeeded", rev: 6 });
    expect(seen.map((s) => s.state)).toEqual(["a", "b", "c", "d", "e"]);
    const dueOf = (s: { dueSk: string }) => s.dueSk.split("#")[0]!;
    // Committed at start, +10 s, +20 s, +30 s: the start's due (start + 60 s) still leaves ≥ 30 s.
    const firstDue = addSeconds(startedAt, GRACE);
    expect(seen.slice(0, 4).map(dueOf)).toEqual([firstDue, firstDue, firstDue, firstDue]);
    // Committed at +40 s, it would leave 20 s: the next commit sets a new deadline, 60 s on.
    expect(seen[4]!.now).toBe(addSeconds(startedAt, 40));
    expect(dueOf(seen[4]!)).toBe(addSeconds(seen[4]!.now, GRACE));
    for (const s of seen) {
      const deadline = addSeconds(s.now, GRACE);
      expect(dueOf(s) <= deadline).toBe(true);
    }
    // Ended: no due entry is left for the sweeper.
    const { Item } = await stack.clients.ddb.send(
      new GetCommand({ TableName: stack.config.table, Key: keys.execution(id) }),
    );
    expect(Item?.dueSk).toBeUndefined();
  });

  it("reads a register once for the states one invocation runs, and again in another invocation or execution", async () => {
    // Prepare
    registerReads.clear();
    // Read at the start and after each commit, 10 ms apart: a budget of 15 ms chains two transitions.
    const chainOfTwo = new Engine({
      deps: stack,
      workflows: [workflow],
      steps,
      graceSeconds: GRACE,
      chainBudgetMs: 15,
      monotonicMs: ticking(10),
    });
    // Act: one execution after the other, so no other record reads the time source in between.
    const one = await engine.start({ workflow: "chained", key: crypto.randomUUID(), input: {} });
    await new Harness(stack, chainOfTwo).drain();
    const two = await engine.start({ workflow: "chained", key: crypto.randomUUID(), input: {} });
    await new Harness(stack, chainOfTwo).drain();
    // Assess: five states, chains of at most two transitions, so three invocations each.
    expect((await getExecution(stack, one.id))?.data).toEqual({
      "by-a": "Ada",
      "by-b": "Ada",
      "by-c": "Ada",
      "by-d": "Ada",
      "by-e": "Ada",
    });
    expect(registerReads.get(one.id)).toBe(3);
    expect(registerReads.get(two.id)).toBe(3);
  });

  it("a budget of 0 runs one state per invocation; a long one the whole synchronous run in one", async () => {
    // Prepare
    registerReads.clear();
    const engineWith = (chainBudgetMs: number) =>
      new Engine({
        deps: stack,
        workflows: [workflow],
        steps,
        graceSeconds: GRACE,
        chainBudgetMs,
        monotonicMs: ticking(10),
      });
    const oneByOne = new Harness(stack, engineWith(0));
    const allAtOnce = new Harness(stack, engineWith(60_000));
    // Act
    const short = await engine.start({ workflow: "chained", key: crypto.randomUUID(), input: {} });
    await oneByOne.drain();
    const long = await engine.start({ workflow: "chained", key: crypto.randomUUID(), input: {} });
    await allAtOnce.drain();
    // Assess: five tasks; one message per invocation, one register read per invocation.
    expect((await getExecution(stack, short.id))?.status).toBe("succeeded");
    expect(oneByOne.delivered).toBe(5);
    expect(registerReads.get(short.id)).toBe(5);
    expect((await getExecution(stack, long.id))?.status).toBe("succeeded");
    expect(allAtOnce.delivered).toBe(1);
    expect(registerReads.get(long.id)).toBe(1);
  });

  it("a chain stops short of the invocation's end, whatever the budget", async () => {
    // Prepare: a long budget, but the Lambda context leaves 15 ms past the margin (two transitions).
    registerReads.clear();
    const context = {
      getRemainingTimeInMillis: () => INVOCATION_MARGIN_MS + 15,
    } as Partial<Context> as Context;
    const harnessed = new Harness(
      stack,
      new Engine({
        deps: stack,
        workflows: [workflow],
        steps,
        graceSeconds: GRACE,
        chainBudgetMs: 60_000,
        monotonicMs: ticking(10),
      }),
      context,
    );
    const { id } = await engine.start({ workflow: "chained", key: crypto.randomUUID(), input: {} });
    // Act
    await harnessed.drain();
    // Assess: five states in chains of two, two and one.
    expect((await getExecution(stack, id))?.status).toBe("succeeded");
    expect(harnessed.delivered).toBe(3);
    expect(registerReads.get(id)).toBe(3);
  });

  it("a lost message is still found by the sweeper once the kept due time passes", async () => {
    // Prepare: started, its message lost (the queue is drained without a worker).
    const { id } = await engine.start({ workflow: "chained", key: crypto.randomUUID(), input: {} });
    await harness.purge();
    stack.clock.advance((GRACE + 1) * 1000);
    // Act
    const { sent } = await sweep(stack, { graceSeconds: GRACE });
    await harness.drain();
    // Assess
    expect(sent).toBeGreaterThanOrEqual(1);
    expect((await getExecution(stack, id))?.status).toBe("succeeded");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineWorkflow, waitingState } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";

/**
 * A waiting state declares the events it takes (zod-typed) and its named outcomes; the
 * definition maps each outcome to a state, and that map is checked at start-up.
 */
const answered = () =>
  waitingState({
    events: { answer: z.object({ amountCents: z.number().int() }), stop: z.object({}) },
    outcomes: { big: "big", small: "small" },
    onCallback: (_data, { payload }) => {
      if (payload.event === "stop") return { outcome: "nowhere" as "big" };
      return {
        data: { amountCents: payload.amountCents },
        outcome: payload.amountCents > 100 ? "big" : "small",
      };
    },
  });

const typed = defineWorkflow({
  name: "typed-outcomes",
  version: 1,
  startAt: "waiting",
  states: {
    waiting: answered(),
    big: { type: "succeed" },
    small: { type: "succeed" },
  },
});

let stack: TestStack;
let engine: Engine;
let harness: Harness;

beforeAll(async () => {
  stack = await createTestStack();
  engine = new Engine({ deps: stack, workflows: [typed], steps: {} });
  harness = new Harness(stack, engine);
});

afterAll(async () => {
  await harness.drain();
});

async function waiting() {
  const { id } = await engine.start({ workflow: typed.name, key: crypto.randomUUID(), input: {} });
  await harness.drain();
  return { id, before: (await getExecution(stack, id))! };
}

describe("typed callback outcomes", () => {
  it("refuses, at start-up, an outcome that names a state the workflow lacks", () => {
    const misspelt = () =>
      defineWorkflow({
        name: "misspelt",
        version: 1,
        startAt: "waiting",
        states: {
          waiting: waitingState({
            events: { go: z.object({}) },
            outcomes: { went: "gone" },
            onCallback: () => ({ outcome: "went" }),
          }),
          done: { type: "succeed" },
        },
      });
    expect(misspelt).toThrow("workflow misspelt v1 names unknown states: waiting (went) -> gone");
  });

  it("leads a callback's outcome to the state its definition maps it to, with the parsed payload", async () => {
    // Prepare
    const { id } = await waiting();
    // Act
    const result = await engine.signal(
      id,
      { state: "waiting" },
      { event: "answer", amountCents: 250 },
    );
    // Assess
    expect(result.outcome).toBe("applied");
    expect(await getExecution(stack, id)).toMatchObject({
      status: "succeeded",
      state: "big",
      data: { amountCents: 250 },
    });
  });

  it("refuses an event the state does not declare, changing nothing", async () => {
    // Prepare
    const { id, before } = await waiting();
    // Act
    const result = await engine.signal(
      id,
      { state: "waiting" },
      { event: "answr", amountCents: 1 },
    );
    const bare = await engine.signal(id, { state: "waiting" }, { amountCents: 1 });
    // Assess
    expect([result.outcome, bare.outcome]).toEqual(["refused", "refused"]);
    expect((await getExecution(stack, id))!.rev).toBe(before.rev);
  });

  it("refuses a payload its event's schema refuses, changing nothing", async () => {
    // Prepare
    const { id, before } = await waiting();
    // Act
    const result = await engine.signal(
      id,
      { state: "waiting" },
      { event: "answer", amountCents: "250" },
    );
    // Assess
    expect(result.outcome).toBe("refused");
    expect((await getExecution(stack, id))!.rev).toBe(before.rev);
    expect((await readHistory(stack, id)).map((e) => e.type)).not.toContain("CallbackReceived");
  });

  it("throws a programming error when a callback returns an outcome its state does not declare", async () => {
    // Prepare
    const { id, before } = await waiting();
    // Act
    const result = engine.signal(id, { state: "waiting" }, { event: "stop" });
    // Assess
    await expect(result).rejects.toThrow(
      'workflow typed-outcomes v1: state waiting has no outcome "nowhere"',
    );
    expect(await getExecution(stack, id)).toMatchObject({ rev: before.rev, state: "waiting" });
  });

  it("fails to compile a misspelt outcome or event where TypeScript sees the state", () => {
    const state = waitingState({
      events: { go: z.object({}) },
      outcomes: { went: "done" },
      // @ts-expect-error: "wnet" is not one of the state's outcomes
      onCallback: () => ({ outcome: "wnet" }),
    });
    waitingState({
      events: { go: z.object({}) },
      outcomes: { went: "done" },
      onCallback: (_data, { payload }) =>
        // @ts-expect-error: the state takes no "og" event
        payload.event === "og" ? { outcome: "went" } : undefined,
    });
    expect(state.outcomes).toEqual({ went: "done" });
  });
});

import { describe, expect, it } from "vitest";
import { defineWorkflow, type Step } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { ALL_ERRORS } from "../../packages/core/src/engine/retry";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { Harness } from "../support/engine-harness";
import { createTestStack } from "../support/stack";

/** Fails its first `failures` runs, then succeeds. */
function failing(failures: number): Step {
  let runs = 0;
  return async () => {
    runs++;
    if (runs <= failures) throw new Error(`blip ${runs}`);
    return { data: { done: true } };
  };
}

const workflow = (start: "inherits" | "own" | "never") =>
  defineWorkflow({
    name: `default-retry-${start}`,
    version: 1,
    startAt: start,
    defaultRetry: [{ errors: [ALL_ERRORS], intervalSeconds: 1, maxAttempts: 3, jitter: "none" }],
    states: {
      inherits: { type: "task", step: "twice" },
      own: {
        type: "task",
        step: "twice",
        retry: [{ errors: [ALL_ERRORS], intervalSeconds: 1, maxAttempts: 1, jitter: "none" }],
      },
      never: { type: "task", step: "twice", retry: [] },
    },
  });

async function run(start: "inherits" | "own" | "never") {
  const stack = await createTestStack();
  const def = workflow(start);
  const engine = new Engine({ deps: stack, workflows: [def], steps: { twice: failing(2) } });
  const { id } = await engine.start({ workflow: def.name, key: "k", input: {} });
  const harness = new Harness(stack, engine);
  await harness.drain();
  // A retry's delayed message is the queue's; moving the clock past the grace lets the sweeper drive it.
  for (let i = 0; i < 3; i++) await harness.advance((engine.graceSeconds + 60) * 1000);
  const history = await readHistory(stack, id);
  return {
    status: (await getExecution(stack, id))?.status,
    retries: history.filter((e) => e.type === "TaskRetryScheduled").length,
  };
}

describe("a workflow's default retry", () => {
  it("retries a state that names no retry of its own", async () => {
    expect(await run("inherits")).toEqual({ status: "succeeded", retries: 2 });
  });

  it("gives way to a state's own retry rules", async () => {
    expect(await run("own")).toEqual({ status: "failed", retries: 1 });
  });

  it("is not applied to a state that says `retry: []`", async () => {
    expect(await run("never")).toEqual({ status: "failed", retries: 0 });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { getItem, putItem } from "../../packages/core/src/db/items";
import { defineWorkflow, type Step } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { ALL_ERRORS } from "../../packages/core/src/engine/retry";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";

/** One state that needs a register entry; retried a second later, so in the same invocation. */
const workflow = defineWorkflow({
  name: "retry-reads",
  version: 1,
  startAt: "needs-entry",
  states: {
    "needs-entry": {
      type: "task",
      step: "needs-entry",
      next: "done",
      retry: [{ errors: [ALL_ERRORS], intervalSeconds: 1, maxAttempts: 1, jitter: "none" }],
    },
    done: { type: "succeed" },
  },
});

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});

const entryKey = (id: string) => ({ pk: `REGISTER#${id}`, sk: "ENTRY" });

describe("a state retried in the same invocation", () => {
  it("reads the registers afresh: what its failed attempt read is not kept for the retry", async () => {
    // Prepare: the entry is missing at the first attempt and lands while it fails (an import)
    const seen: (string | undefined)[] = [];
    const steps: Record<string, Step> = {
      "needs-entry": async (_data, ctx) => {
        const entry = await ctx.read("entry", () => getItem(stack, entryKey(ctx.executionId)));
        seen.push(entry?.value as string | undefined);
        if (!entry) {
          await putItem(stack, { Item: { ...entryKey(ctx.executionId), value: "landed" } });
          throw new Error("the register has no entry yet");
        }
        return { data: { value: entry.value } };
      },
    };
    const engine = new Engine({ deps: stack, workflows: [workflow], steps });
    const { id } = await engine.start({ workflow: "retry-reads", key: "k", input: {} });
    // Act: one drain; the retry is due within the second, so the invocation chains it
    await new Harness(stack, engine).drain({ sweep: false });
    // Assess
    const history = await readHistory(stack, id);
    expect(history.filter((e) => e.type === "TaskRetryScheduled")).toHaveLength(1);
    expect(seen).toEqual([undefined, "landed"]);
    expect(await getExecution(stack, id)).toMatchObject({
      status: "succeeded",
      data: { value: "landed" },
    });
  });
});

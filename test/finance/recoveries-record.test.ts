import { beforeAll, describe, expect, it } from "vitest";
import { defineWorkflow } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { getExecution } from "../../packages/core/src/engine/store";
import { recordRecovery } from "../../packages/core/src/finance/recoveries";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
let engine: Engine;

/** A request type reduced to its client follow-up, and one without a client. */
const probe = (name: string) =>
  defineWorkflow({
    name,
    version: 1,
    startAt: "recovery",
    states: {
      recovery: { type: "callback", onCallback: (_d, { payload }) => ({ data: { recovered: payload.amountCents }, next: "done" }) },
      done: { type: "succeed" },
    },
  });

beforeAll(async () => {
  stack = await createTestStack();
  engine = new Engine({ deps: stack, workflows: [probe("cancelled-contract"), probe("emergency-aid")], steps: {} });
});

const failure = (p: Promise<unknown>) => p.then(() => "no error", (error: Error) => error.message);

describe("recoveries record", () => {
  it("tells a cancelled-contract request what its client paid back, and refuses other types and unknown requests", async () => {
    // Prepare
    const { id } = await engine.start({ workflow: "cancelled-contract", key: "r1", input: {} });
    const { id: aid } = await engine.start({ workflow: "emergency-aid", key: "r2", input: {} });
    await new Harness(stack, engine).drain();

    // Act
    const signal = await recordRecovery(stack, engine, id, 12_500);
    const noClient = await failure(recordRecovery(stack, engine, aid, 12_500));
    const unknown = await failure(recordRecovery(stack, engine, "nope", 12_500));
    const closed = await failure(recordRecovery(stack, engine, id, 100));

    // Assess
    expect(signal.outcome).toBe("delivered");
    expect(await getExecution(stack, id)).toMatchObject({ status: "succeeded", data: { recovered: 12_500 } });
    expect(noClient).toContain("only cancelled-contract and incurred-expenses requests have a client");
    expect(unknown).toBe("request nope not found");
    expect(closed).toBe("the recovery was not recorded: the execution has succeeded");
  });
});

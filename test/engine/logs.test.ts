import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineWorkflow } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { TRANSIENT_RETRY } from "../../packages/core/src/engine/retry";
import { EntraideError } from "../../packages/core/src/errors";
import { lambdaContext } from "../../packages/functions/src/local/lambda-context";
import { logger, withInvocationLogger } from "../../packages/functions/src/logger";
import { Harness } from "../support/engine-harness";
import { fixtureCode } from "../support/error-codes";
import { captured } from "../support/log-lines";
import { createTestStack } from "../support/stack";

const traced = defineWorkflow({
  name: "traced",
  version: 1,
  startAt: "fetching",
  defaultRetry: TRANSIENT_RETRY,
  correlationId: (data) => String(data.caseId),
  states: {
    fetching: { type: "task", step: "flaky", next: "waiting" },
    waiting: {
      type: "callback",
      events: { go: z.object({}) },
      outcomes: { went: "checking" },
      onCallback: () => ({ outcome: "went" }),
    },
    checking: { type: "task", step: "refuse" },
  },
});

describe("the engine's log lines", () => {
  it("name the execution, its workflow, state and correlation id on every line, never its data", async () => {
    // Prepare
    const stack = await createTestStack();
    let calls = 0;
    const engine = new Engine({
      deps: stack,
      workflows: [traced],
      random: () => 0,
      log: logger,
      steps: {
        flaky: async () => {
          calls++;
          if (calls === 1) throw new Error("throttled");
          return { data: { fetched: true } };
        },
        refuse: async () =>
          Promise.reject(new EntraideError(fixtureCode("case.refused"), "not this one")),
      },
    });
    const harness = new Harness(stack, engine);
    let id = "";
    const submit = lambdaContext("POST /api/traced");
    const answer = lambdaContext("POST /api/traced/go");
    // Act
    const lines = await captured(async () => {
      await withInvocationLogger(submit, async () => {
        id = (
          await engine.start({
            workflow: "traced",
            key: "k1",
            input: { caseId: "case-7", email: "jeanne@example.org" },
          })
        ).id;
      });
      await harness.drain();
      await withInvocationLogger(answer, () =>
        engine.signal(id, { state: "waiting" }, { event: "go" }),
      );
      await harness.drain();
    });
    // Assess
    const own = lines.filter((l) => l.executionId === id);
    expect(own.map((l) => [l.level, l.state, l.status])).toEqual([
      ["INFO", "fetching", "running"],
      ["INFO", "fetching", "running"],
      ["INFO", "waiting", "running"],
      ["INFO", "waiting", "running"],
      ["INFO", "checking", "running"],
      ["ERROR", "checking", "failed"],
    ]);
    for (const line of own) {
      expect(line).toMatchObject({ workflow: "traced", correlationId: "case-7" });
    }
    expect(own[1]!.events).toEqual(["TaskRetryScheduled"]);
    expect(own[5]).toMatchObject({ message: "execution failed", error: "case.refused" });
    // Lines written inside an invocation carry its Lambda request id as well.
    expect(own[0]!.function_request_id).toBe(submit.awsRequestId);
    expect(own[4]!.function_request_id).toBe(answer.awsRequestId);
    expect(JSON.stringify(lines)).not.toContain("jeanne@example.org");
  });
});

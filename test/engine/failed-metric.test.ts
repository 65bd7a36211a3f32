import { describe, expect, it, vi } from "vitest";
import { defineWorkflow } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import type { Execution } from "../../packages/core/src/engine/execution";
import { recordExecutionFailed } from "../../packages/functions/src/metrics";
import { Harness } from "../support/engine-harness";
import { createTestStack } from "../support/stack";

const broken = defineWorkflow({
  name: "broken",
  version: 1,
  startAt: "work",
  states: { work: { type: "task", step: "work" } },
});

describe("failed executions are reported once", () => {
  it("tells onFailed once per failed execution, however often its messages are delivered", async () => {
    // Prepare
    const stack = await createTestStack();
    const failed: string[] = [];
    const engine = new Engine({
      deps: stack,
      workflows: [broken],
      steps: { work: async () => Promise.reject(new Error("no")) },
      onFailed: (e) => failed.push(e.id),
    });
    const ids = await Promise.all(
      ["a", "b", "c"].map((key) => engine.start({ workflow: "broken", key, input: {} })),
    );
    // Act
    await new Harness(stack, engine).drain({ copies: () => 3, shuffle: true });
    // Assess
    expect(failed.sort()).toEqual(ids.map((i) => i.id).sort());
  });

  it("publishes ExecutionsFailed as CloudWatch EMF in namespace Entraide with the service and stage dimensions", () => {
    // Prepare
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    // Act
    recordExecutionFailed({
      id: "x",
      workflow: "broken",
      error: { error: "Error", cause: "no" },
    } as Execution);
    write.mockRestore();
    // Assess
    const emf = lines.map((l) => JSON.parse(l)).find((j) => j._aws);
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: "Entraide",
      Dimensions: [["service", "stage"]],
      Metrics: [{ Name: "ExecutionsFailed", Unit: "Count" }],
    });
    expect(emf).toMatchObject({ ExecutionsFailed: 1, service: "entraide", stage: "local" });
  });
});

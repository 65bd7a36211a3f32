import { beforeAll, describe, expect, it } from "vitest";
import { defineWorkflow } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { getExecution } from "../../packages/core/src/engine/store";
import { EntraideError } from "../../packages/core/src/errors";
import { describeError as cliLine } from "../../packages/functions/src/cli/errors";
import { http } from "../../packages/functions/src/http/http";
import { toApiEvent } from "../../packages/functions/src/local/api-event";
import { Harness } from "../support/engine-harness";
import { captured } from "../support/log-lines";
import { createTestStack, type TestStack } from "../support/stack";

/** What a wrapped failure looks like: our error, and underneath the fault that caused it. */
const wrapped = () =>
  new EntraideError("import.aborted", "the import stopped at line 3", {
    cause: new Error("DynamoDB refused the write"),
  });

const failing = defineWorkflow({
  name: "failing-with-cause",
  version: 1,
  startAt: "importing",
  states: { importing: { type: "task", step: "import" } },
});

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});

describe("an error's cause", () => {
  it("is kept in the failed execution's recorded error", async () => {
    // Prepare
    const engine = new Engine({
      deps: stack,
      workflows: [failing],
      steps: {
        import: async () => {
          throw wrapped();
        },
      },
      random: () => 0.5,
    });
    const harness = new Harness(stack, engine);
    const { id } = await engine.start({
      workflow: failing.name,
      key: crypto.randomUUID(),
      input: {},
    });

    // Act
    await harness.drain();

    // Assess
    const execution = await getExecution(stack, id);
    expect(execution).toMatchObject({
      status: "failed",
      error: {
        error: "import.aborted",
        cause: "the import stopped at line 3: DynamoDB refused the write",
      },
    });
  });

  it("is kept in the http() wrapper's log line of a failed request, and never answered", async () => {
    // Prepare
    const route = http({}, async () => {
      throw wrapped();
    });
    const event = toApiEvent(
      {
        method: "GET",
        url: "/api/x",
        headers: {},
        body: Buffer.from(""),
        sourceIp: "127.0.0.1",
        httpVersion: "1.1",
        localPort: 3000,
      },
      { routeKey: "GET /api/x", pathParameters: {} },
      new Date(),
    );

    // Act
    let status = 0;
    let body = "";
    const lines = await captured(async () => {
      const result = await route(event);
      status = result.statusCode ?? 0;
      body = result.body ?? "";
    });

    // Assess
    const line = lines.find((l) => l.message === "request failed");
    expect(line?.error).toMatchObject({
      message: "the import stopped at line 3",
      cause: { name: "Error", message: "DynamoDB refused the write" },
    });
    expect(status).toBe(500);
    expect(body).not.toContain("DynamoDB");
  });

  it("is said in the CLI's error line", () => {
    // Act
    const line = cliLine(wrapped(), true);

    // Assess
    expect(line).toBe("the import stopped at line 3: DynamoDB refused the write");
  });

  it("is said once when the message already says it", () => {
    // Prepare
    const error = new EntraideError(
      "cli.stage-config",
      "ENTRAIDE_TABLE is missing: set the ENTRAIDE_* variables of that stage",
      { cause: new Error("ENTRAIDE_TABLE is missing") },
    );

    // Act
    const line = cliLine(error, false);

    // Assess
    expect(line).toBe("ENTRAIDE_TABLE is missing: set the ENTRAIDE_* variables of that stage");
  });
});

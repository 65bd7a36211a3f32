import { beforeAll, describe, expect, it } from "vitest";
import { updateItem } from "../../packages/core/src/db/items";
import { keys } from "../../packages/core/src/db/layout";
import { getExecution } from "../../packages/core/src/engine/store";
import { opsEngine, poison, Switch } from "../engine/ops-fixtures";
import { cliDataDir, runBin, runCli } from "../support/cli";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
let fix: Switch;
let harness: Harness;
let env: NodeJS.ProcessEnv;
let ok: string;
let failing: string;

beforeAll(async () => {
  stack = await createTestStack();
  env = { ENTRAIDE_DATA_DIR: await cliDataDir(stack) };
  fix = new Switch();
  harness = new Harness(stack, opsEngine(stack, fix));
  ok = (await harness.engine.start({ workflow: "ops", key: "ok", input: {} })).id;
  stack.clock.advance(1000);
  failing = (await harness.engine.start({ workflow: "ops", key: "failing", input: { fail: true } }))
    .id;
  await harness.drain();
});

const cli = (...args: string[]) => runCli(args, env);

describe("entraide executions", () => {
  it("list --status failed --json prints the failed executions of the workflow", async () => {
    // Act
    const { code, stdout, stderr } = await cli(
      "executions",
      "list",
      "--workflow",
      "ops",
      "--status",
      "failed",
      "--json",
    );
    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({
        id: failing,
        workflow: "ops",
        status: "failed",
        state: "work",
        error: expect.objectContaining({ error: "upstream.down" }),
      }),
    ]);
    expect(stderr).toBe("");
  });

  it("list without a status prints one line per execution, oldest first, and a count", async () => {
    // Act
    const { code, stdout } = await cli("executions", "list", "--workflow", "ops");
    // Assess
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${ok}  ops v1  succeeded  in done  started `));
    expect(lines[1]).toMatch(
      new RegExp(
        `^${failing}  ops v1  failed  in work  started .*  upstream.down: the upstream service refused the call$`,
      ),
    );
    expect(lines[2]).toBe("2 executions");
  });

  it("show prints the execution and its history in order", async () => {
    // Act
    const json = await cli("executions", "show", ok, "--json");
    const text = await cli("executions", "show", ok);
    // Assess
    expect(json.code).toBe(0);
    const { execution, history } = JSON.parse(json.stdout);
    expect(execution).toMatchObject({ id: ok, status: "succeeded" });
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      "ExecutionStarted",
      "StateEntered",
      "TaskSucceeded",
      "StateEntered",
      "StateEntered",
      "ExecutionSucceeded",
    ]);
    expect(text.stdout).toMatch(
      /history:\n +1 {2}\S+ {2}ExecutionStarted {2}\{"workflow":"ops","version":1\}\n +2 {2}\S+ {2}StateEntered \(work\)\n/,
    );
  });

  it("redrive resumes a failed execution, which the worker then finishes; a second redrive is refused in one line", async () => {
    // Prepare
    fix.fixed = true;
    // Act
    const redrive = await cli("executions", "redrive", failing);
    await harness.drain();
    const again = await cli("executions", "redrive", failing);
    // Assess
    expect(redrive).toEqual({
      code: 0,
      stdout: `execution ${failing} redriven: running again from state work\n`,
      stderr: "",
    });
    expect(await getExecution(stack, failing)).toMatchObject({ status: "succeeded" });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `error: execution ${failing} is succeeded: only a failed execution can be redriven\n`,
    );
  });

  it("show of an unknown id fails in one line, and a bad status is a usage error", async () => {
    // Act
    const unknown = await cli("executions", "show", "00000000-0000-8000-8000-000000000000");
    const badStatus = await cli("executions", "list", "--status", "paused");
    // Assess
    expect(unknown).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: execution 00000000-0000-8000-8000-000000000000 not found\n",
    });
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain("Allowed choices are running, succeeded, failed");
  });

  it("move-index-keys moves an execution written before executionsByStatus onto it, once", async () => {
    // Prepare: the item as a deployed table holds it before the migration (its index keys under byStatus's names)
    await updateItem(stack, {
      Key: keys.execution(ok),
      UpdateExpression: "SET gsi1pk = xpk, gsi1sk = xsk REMOVE xpk, xsk",
    });
    const listed = async () => {
      const { stdout } = await cli("executions", "list", "--workflow", "ops", "--json");
      return JSON.parse(stdout).map((e: { id: string }) => e.id);
    };
    expect(await listed()).not.toContain(ok);
    // Act
    const first = await cli("executions", "move-index-keys", "--json");
    const second = await cli("executions", "move-index-keys");
    // Assess
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ moved: 1 });
    expect(second).toEqual({
      code: 0,
      stdout: "0 executions moved onto the executionsByStatus index\n",
      stderr: "",
    });
    expect(await listed()).toContain(ok);
    expect(await getExecution(stack, ok)).toMatchObject({ status: "succeeded" });
  });

  it("the real bin answers executions list --json on the local stack", async () => {
    // Act
    const { code, stdout } = await runBin(
      ["executions", "list", "--workflow", "ops", "--status", "succeeded", "--json"],
      env,
    );
    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((e: { id: string }) => e.id)).toContain(ok);
  });
});

describe("entraide dlq", () => {
  it("list shows a poison message without consuming it; redrive moves it back with progress on stderr", async () => {
    // Prepare
    const execution = await getExecution(stack, ok);
    await poison(stack, JSON.stringify({ executionId: ok, rev: execution!.rev }));
    // Act
    const listed = await cli("dlq", "list", "--json");
    const text = await cli("dlq", "list");
    const redrive = await cli("dlq", "redrive");
    const after = await cli("dlq", "list");
    // Assess
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ work: { executionId: ok, rev: execution!.rev }, receiveCount: 1 }),
    ]);
    expect(text.stdout).toMatch(
      new RegExp(
        `execution ${ok} rev ${execution!.rev}  received 2 times  sent \\S+\\n1 message\\n$`,
      ),
    );
    expect(redrive).toEqual({
      code: 0,
      stdout: "1 message moved back to the work queue\n",
      stderr: "moving about 1 message back to the work queue\n",
    });
    expect(after.stdout).toBe("the dead-letter queue is empty\n");
    const moved = await harness.receive();
    expect(moved.map((m) => JSON.parse(m.Body!))).toEqual([
      { executionId: ok, rev: execution!.rev },
    ]);
  });
});

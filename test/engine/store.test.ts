import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { itemSize } from "../../packages/core/src/db/item-size";
import { keys } from "../../packages/core/src/db/layout";
import { defineWorkflow, type Step } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";

/** A body far larger than an execution item should be: 30 KB of text. */
const body = { text: "é".repeat(15_000), lines: Array.from({ length: 50 }, (_, i) => ({ i })) };

const workflow = defineWorkflow({
  name: "lean",
  version: 1,
  startAt: "check",
  detached: ["body", "checks"],
  states: {
    check: { type: "task", step: "check", next: "count" },
    count: { type: "task", step: "count", next: "amend" },
    amend: { type: "task", step: "amend", next: "done" },
    done: { type: "succeed" },
  },
});

/** What a test looks at in the commands the engine sends. */
interface Sent {
  TransactItems?: { Put?: { Item: { sk: string } } }[];
  Item?: { sk: string };
}

/**
 * The stack with a DynamoDB client that shows `seen` each command the engine sends, before
 * DynamoDB has it or after it answered: the commits as they go on the wire.
 */
function watchedDeps(
  seen: (input: Sent) => void | Promise<void>,
  when: "before" | "after" = "before",
) {
  const ddb = new Proxy(stack.clients.ddb, {
    get(target, name, receiver) {
      if (name !== "send") return Reflect.get(target, name, receiver);
      return async (command: { input: Sent }) => {
        if (when === "before") await seen(command.input);
        const answer = await target.send(command as never);
        if (when === "after") await seen(command.input);
        return answer;
      };
    },
  });
  return { ...stack, clients: { ...stack.clients, ddb } };
}

const steps: Record<string, Step> = {
  check: async () => ({
    data: { checks: { results: ["ok"] }, status: "checked" },
    events: [{ type: "Checked" }],
  }),
  count: async () => ({
    data: { count: 1 },
    events: [{ type: "Counted" }, { type: "CountedAgain" }],
  }),
  amend: async (data) => ({ data: { body: { ...(data.body as object), amended: true } } }),
};

let stack: TestStack;
let engine: Engine;
let harness: Harness;
beforeAll(async () => {
  stack = await createTestStack();
  engine = new Engine({ deps: stack, workflows: [workflow], steps, chainBudgetMs: 0 });
  harness = new Harness(stack, engine);
});

/** Every item of an execution as stored, by sort key. */
async function storedItems(id: string) {
  const { Items = [] } = await stack.clients.ddb.send(
    new QueryCommand({
      TableName: stack.config.table,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.execution(id).pk },
      ConsistentRead: true,
    }),
  );
  return Items;
}

describe("the execution item stays small", () => {
  it("keeps detached keys in items of their own, rewritten only when they change, and reads the whole data back", async () => {
    // Prepare
    const { id } = await engine.start({
      workflow: "lean",
      key: crypto.randomUUID(),
      input: { body, status: "new" },
    });
    const afterStart = await storedItems(id);
    // Act
    await harness.drain();
    // Assess
    const execution = (await getExecution(stack, id))!;
    expect(execution).toMatchObject({ status: "succeeded", rev: 4 });
    expect(execution.data).toEqual({
      body: { ...body, amended: true },
      checks: { results: ["ok"] },
      status: "checked",
      count: 1,
    });
    const items = await storedItems(id);
    const item = items.find((i) => i.sk === "EXEC")!;
    expect(item.data).toEqual({ status: "checked", count: 1 });
    expect(itemSize(item)).toBeLessThan(1024);
    const part = (items: Record<string, unknown>[], key: string) =>
      items.find((i) => i.sk === `DATA#${key}`);
    // The body was written by the start, then once more by the step that changed it.
    expect(part(afterStart, "body")?.value).toEqual(body);
    expect(part(items, "body")?.value).toEqual({ ...body, amended: true });
    expect(items.filter((i) => String(i.sk).startsWith("DATA#"))).toHaveLength(2);
  });

  it("writes a part once when the states that follow leave it unchanged, in one invocation or across several", async () => {
    // Prepare: every commit this engine sends, seen on the wire: a transaction, or the
    // execution put alone when nothing else changes with it; and the parts put ahead of one
    const sent: string[][] = [];
    const alone: number[] = [];
    const ahead: string[] = [];
    const deps = watchedDeps((input) => {
      const items = input.TransactItems;
      if (items) sent.push(items.flatMap((t) => (t.Put ? [t.Put.Item.sk] : [])));
      if (input.Item?.sk === "EXEC") alone.push(sent.push(["EXEC"]));
      else if (input.Item?.sk.startsWith("DATA#")) ahead.push(input.Item.sk);
    });
    const chained = new Engine({ deps, workflows: [workflow], steps });
    const { id } = await chained.start({
      workflow: "lean",
      key: crypto.randomUUID(),
      input: { body },
    });
    // Act
    await new Harness(deps, chained).drain();
    // Assess
    expect((await getExecution(stack, id))!.status).toBe("succeeded");
    const writesOf = (sk: string) =>
      sent.filter((items) => items.includes(sk)).length + ahead.filter((a) => a === sk).length;
    expect(sent).toHaveLength(4);
    expect(writesOf("DATA#body")).toBe(2); // the start, and the step that changed it
    expect(writesOf("DATA#checks")).toBe(1);
    // A part's first version is put ahead of its commit (body at the start, checks): only
    // "amend", which changes a part the execution names, needs a transaction.
    expect(ahead).toEqual(["DATA#body", "DATA#checks"]);
    expect(alone).toHaveLength(3);
  });

  it("carries a short run's events in the execution item, transactions included: no history item of its own, its history complete and in order", async () => {
    // Prepare
    const { id } = await engine.start({
      workflow: "lean",
      key: crypto.randomUUID(),
      input: { body },
    });
    // Act
    await harness.drain();
    // Assess
    const execution = (await getExecution(stack, id))!;
    const historyItems = (await storedItems(id)).filter((i) => String(i.sk).startsWith("HIST#"));
    // Fourteen events in a small item: they fit in its one write unit, so none is written twice.
    expect(historyItems).toHaveLength(0);
    expect(execution.pending?.map((e) => e.seq)).toEqual(upTo(execution.seq));
    const history = await readHistory(stack, id);
    expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
    expect(history.map((e) => e.type)).toEqual([
      "ExecutionStarted",
      "StateEntered",
      "Checked",
      "TaskSucceeded",
      "StateEntered",
      "Counted",
      "CountedAgain",
      "TaskSucceeded",
      "StateEntered",
      "TaskSucceeded",
      "StateEntered",
      "ExecutionSucceeded",
    ]);
  });

  it("a transition that lost the race writes none of its parts", async () => {
    // Prepare: a rival worker runs the same state; while its step runs, the engine commits first
    const { id } = await engine.start({
      workflow: "lean",
      key: crypto.randomUUID(),
      input: { body },
    });
    const before = (await getExecution(stack, id))!;
    const rival = new Engine({
      deps: stack,
      workflows: [workflow],
      chainBudgetMs: 0,
      steps: {
        ...steps,
        check: async () => {
          await engine.process({ executionId: id, rev: before.rev });
          return { data: { checks: { results: ["rival"] }, body: { rival: true } } };
        },
      },
    });
    // Act
    await rival.process({ executionId: id, rev: before.rev });
    // Assess
    const after = (await getExecution(stack, id))!;
    expect(after.rev).toBe(before.rev + 1);
    expect(after.data).toMatchObject({ checks: { results: ["ok"] }, body });
    const items = await storedItems(id);
    expect(items.find((i) => i.sk === "DATA#body")?.value).toEqual(body);
  });

  it("a part the execution does not name yet is put ahead of the commit, once, even when the worker crashes in between", async () => {
    // Prepare: the worker dies right after the parts put ahead of its first commit that has any
    const puts: string[] = [];
    const transacted: string[] = [];
    const deps = watchedDeps((input) => {
      if (input.Item) puts.push(input.Item.sk);
      for (const t of input.TransactItems ?? []) if (t.Put) transacted.push(t.Put.Item.sk);
    });
    let crashed = false;
    const crashing = new Engine({
      deps,
      workflows: [workflow],
      steps,
      chainBudgetMs: 0,
      faults: (point) => {
        if (point !== "after-parts" || crashed) return;
        crashed = true;
        throw new Error("power cut");
      },
    });
    const { id } = await engine.start({
      workflow: "lean",
      key: crypto.randomUUID(),
      input: { body },
    });
    const before = (await getExecution(stack, id))!;
    // Act
    await new Harness(deps, crashing).drain();
    // Assess: the checks were put outside a transaction (again by the retry, refused: the same
    // value is there), and are named from the commit that made them
    expect(crashed).toBe(true);
    const execution = (await getExecution(stack, id))!;
    expect(execution).toMatchObject({ status: "succeeded", data: { checks: { results: ["ok"] } } });
    expect(puts.filter((sk) => sk === "DATA#checks")).toHaveLength(2);
    expect(transacted.filter((sk) => sk === "DATA#checks")).toEqual([]);
    expect(before.parts?.checks).toBeUndefined();
    expect(execution.parts?.checks).toEqual(expect.any(String));
  });

  it("a part put ahead by a transition that then loses the race is replaced by the winner's, never named", async () => {
    // Prepare: a rival worker puts its checks first; right then, the engine runs the same state
    const { id } = await engine.start({
      workflow: "lean",
      key: crypto.randomUUID(),
      input: { body },
    });
    const before = (await getExecution(stack, id))!;
    const deps = watchedDeps(async (input) => {
      if (input.Item?.sk === "DATA#checks")
        await engine.process({ executionId: id, rev: before.rev });
    }, "after");
    const rival = new Engine({
      deps,
      workflows: [workflow],
      chainBudgetMs: 0,
      steps: { ...steps, check: async () => ({ data: { checks: { results: ["rival"] } } }) },
    });
    // Act
    await rival.process({ executionId: id, rev: before.rev });
    // Assess
    const after = (await getExecution(stack, id))!;
    expect(after.rev).toBe(before.rev + 1);
    expect(after.data).toMatchObject({ checks: { results: ["ok"] }, status: "checked" });
    const items = await storedItems(id);
    expect(items.find((i) => i.sk === "DATA#checks")?.value).toEqual({ results: ["ok"] });
  });
});

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

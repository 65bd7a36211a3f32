import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { itemSize } from "../../packages/core/src/db/item-size";
import { keys } from "../../packages/core/src/db/layout";
import { defineWorkflow, type Step } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { CARRY_BUDGET_BYTES } from "../../packages/core/src/engine/history";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { fromStored } from "../../packages/core/src/engine/stored-shape";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";

const GRACE = 60;
const TASKS = 12;

/** Twelve tasks in a row that change only the execution: every transition is a commit alone. */
const workflow = defineWorkflow({
  name: "lone",
  version: 1,
  startAt: "t0",
  states: {
    ...Object.fromEntries(
      Array.from({ length: TASKS }, (_, i) => [
        `t${i}`,
        { type: "task", step: "note", next: i + 1 < TASKS ? `t${i + 1}` : "done" },
      ]),
    ),
    done: { type: "succeed" },
  },
});

/** Each step explains itself at some length: the execution item fills up in a few transitions. */
const steps: Record<string, Step> = {
  note: async (_data, ctx) => ({
    data: { last: ctx.state },
    events: [{ type: "Noted", detail: { note: `${ctx.state} `.repeat(40) } }],
  }),
};

let stack: TestStack;
/** Every write request sent to DynamoDB, as the base client sends it (after marshalling). */
const sent: { op: string; items: Record<string, unknown>[] }[] = [];
beforeAll(async () => {
  stack = await createTestStack();
  stack.clients.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as {
        Item?: Parameters<typeof unmarshall>[0];
        TransactItems?: { Put?: { Item?: Parameters<typeof unmarshall>[0] } }[];
      };
      const op = String(context.commandName).replace(/Command$/, "");
      if (op === "PutItem" || op === "TransactWriteItems" || op === "UpdateItem")
        sent.push({
          op,
          items: [input.Item, ...(input.TransactItems ?? []).map((t) => t.Put?.Item)]
            .filter((i) => i !== undefined)
            .map((i) => unmarshall(i)),
        });
      return next(args);
    },
    { step: "build", name: "writeCounter" },
  );
});

/** The history items as stored, by sort key (not what the execution item carries). */
async function historyItems(id: string) {
  const { Items = [] } = await stack.clients.ddb.send(
    new QueryCommand({
      TableName: stack.config.table,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :h)",
      ExpressionAttributeValues: { ":pk": keys.execution(id).pk, ":h": "HIST#" },
      ConsistentRead: true,
    }),
  );
  return Items as { sk: string; events: { seq: number }[] }[];
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const of = (id: string) => (item: Record<string, unknown>) => item.pk === keys.execution(id).pk;

describe("a commit alone is one write", () => {
  it("a chain of lone transitions puts the execution once per transition, and its carried events in a history item only when the next would not fit", async () => {
    // Prepare
    const engine = new Engine({ deps: stack, workflows: [workflow], steps, graceSeconds: GRACE });
    const { id } = await engine.start({ workflow: "lone", key: crypto.randomUUID(), input: {} });
    sent.length = 0;
    // Act: one invocation runs the twelve tasks
    await new Harness(stack, engine).drain();
    // Assess
    const execution = (await getExecution(stack, id))!;
    expect(execution).toMatchObject({ status: "succeeded", rev: TASKS + 1 });
    const mine = sent.filter((r) => r.items.some(of(id)));
    // No transaction: nothing changes with the execution.
    expect(mine.map((r) => r.op)).toEqual(mine.map(() => "PutItem"));
    const executionPuts = mine.filter((r) => r.items[0]?.sk === "EXEC");
    const historyPuts = mine.filter((r) => String(r.items[0]?.sk).startsWith("HIST#"));
    expect(executionPuts).toHaveLength(TASKS);
    // k + k/n writes, not 2k: a lone commit that put its history item too would make this 12.
    expect(historyPuts.length).toBeGreaterThan(0);
    expect(historyPuts.length).toBeLessThanOrEqual(TASKS / 2);
    expect(mine).toHaveLength(TASKS + historyPuts.length);
    // A put that carries events of transitions before its own stays within one write unit.
    let carriedOver = 0;
    executionPuts.forEach(({ items: [item] }, i) => {
      const before = i === 0 ? 0 : (executionPuts[i - 1]!.items[0]!.sq as number);
      if (!fromStored(item!).pending?.some((e) => e.seq <= before)) return;
      carriedOver++;
      expect(itemSize(item!)).toBeLessThanOrEqual(CARRY_BUDGET_BYTES);
    });
    expect(carriedOver).toBeGreaterThanOrEqual(TASKS / 3);
    // Complete and ordered: stored items hold consecutive events, the execution carries the rest.
    const history = await readHistory(stack, id);
    expect(history.map((e) => e.seq)).toEqual(upTo(execution.seq));
    expect(history.filter((e) => e.type === "Noted")).toHaveLength(TASKS);
    const stored = (await historyItems(id)).flatMap((i) => i.events.map((e) => e.seq));
    const carried = (execution.pending ?? []).map((e) => e.seq);
    expect([...stored, ...carried].sort((a, b) => a - b)).toEqual(upTo(execution.seq));
  });

  it("a crash between the carried events' history item and the execution's put loses no event and stores none twice", async () => {
    // Prepare: the first time carried events are moved to their history item, the worker dies
    let crashedIn: string | undefined;
    const crashing = new Engine({
      deps: stack,
      workflows: [workflow],
      steps,
      graceSeconds: GRACE,
      faults: (point, where) => {
        if (point !== "after-carried" || crashedIn) return;
        crashedIn = where.state;
        throw new Error("power cut");
      },
    });
    const harness = new Harness(stack, crashing);
    const { id } = await crashing.start({ workflow: "lone", key: crypto.randomUUID(), input: {} });
    await harness.drain({ sweep: false });
    const stuck = (await getExecution(stack, id))!;
    expect(crashedIn).toBeDefined();
    // Stuck before the transition into the state where it crashed.
    expect(stuck.status).toBe("running");
    expect(`t${Number(stuck.state.slice(1)) + 1}`).toBe(crashedIn);
    // The moved events are stored and still carried: read once.
    const storedBefore = (await historyItems(id)).flatMap((i) => i.events.map((e) => e.seq));
    expect(storedBefore.length).toBeGreaterThan(0);
    expect(storedBefore.every((seq) => stuck.pending?.some((e) => e.seq === seq))).toBe(true);
    expect((await readHistory(stack, id)).map((e) => e.seq)).toEqual(upTo(stuck.seq));
    // Act: the sweeper finds it once its due time passes, and the chain goes on.
    await harness.advance((GRACE + 1) * 1000);
    // Assess
    const done = (await getExecution(stack, id))!;
    expect(done.status).toBe("succeeded");
    const history = await readHistory(stack, id);
    expect(history.map((e) => e.seq)).toEqual(upTo(done.seq));
    expect(history.filter((e) => e.type === "Noted")).toHaveLength(TASKS);
    const stored = (await historyItems(id)).flatMap((i) => i.events.map((e) => e.seq));
    expect(new Set(stored).size).toBe(stored.length);
    const carried = (done.pending ?? []).map((e) => e.seq);
    expect([...stored, ...carried].sort((a, b) => a - b)).toEqual(upTo(done.seq));
  });
});

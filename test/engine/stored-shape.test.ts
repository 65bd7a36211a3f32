import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { keys } from "../../packages/core/src/db/layout";
import { defineWorkflow } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import type { Execution, HistoryEvent } from "../../packages/core/src/engine/execution";
import { listExecutions } from "../../packages/core/src/engine/operations";
import { getExecution, hashOf, readHistory } from "../../packages/core/src/engine/store";
import { fromStored, toStored } from "../../packages/core/src/engine/stored-shape";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";

const workflow = defineWorkflow({
  name: "shapes",
  version: 1,
  startAt: "ask",
  states: {
    ask: {
      type: "callback",
      timers: [{ name: "reminder", afterSeconds: 3600, step: "remind" }],
      events: { answer: z.object({ answer: z.string() }) },
      outcomes: { answered: "done" },
      onCallback: (_data, input) => ({
        data: { answer: String(input.payload.answer) },
        outcome: "answered",
      }),
    },
    done: { type: "succeed" },
  },
});

let stack: TestStack;
let engine: Engine;
beforeAll(async () => {
  stack = await createTestStack();
  engine = new Engine({
    deps: stack,
    workflows: [workflow],
    steps: { remind: async () => ({}) },
  });
});

const MOVED_DUE = "2099-01-02T00:00:00.000Z";

/** An execution waiting for its callback, with a timer and the events its last lone commit carried. */
function waiting(id: string): { execution: Execution; carried: HistoryEvent[] } {
  const at = stack.clock.now().toISOString();
  const carried: HistoryEvent[] = [
    { seq: 3, at, type: "TaskSucceeded", state: "ask" },
    { seq: 4, at, type: "Noted", state: "ask", detail: { by: "test" } },
  ];
  const execution: Execution = {
    id,
    workflow: "shapes",
    version: 1,
    status: "running",
    state: "ask",
    visit: 1,
    visits: { ask: 1 },
    attempt: 0,
    phase: "wait",
    data: { status: "asked", amountCents: 1200 },
    inputHash: hashOf({ n: 1 }),
    rev: 2,
    seq: 4,
    enteredAt: at,
    startedAt: at,
    updatedAt: at,
    wakeAt: "2099-01-01T00:00:00.000Z",
    due: "2099-01-01T00:00:00.000Z",
    timers: [{ name: "reminder", at: "2099-01-01T00:00:00.000Z", fired: 0 }],
  };
  return { execution, carried };
}

describe("execution items written before the short names still read", () => {
  it("an item in the old shape (long names, ISO times, maps, events as maps) reads, lists and moves on", async () => {
    // Prepare: the item exactly as the engine wrote it before, and its first history item.
    const id = crypto.randomUUID();
    const { execution, carried } = waiting(id);
    await stack.clients.ddb.send(
      new PutCommand({
        TableName: stack.config.table,
        Item: {
          ...keys.execution(id),
          // Its index keys as the migration leaves them: the old ones, and the new ones backfilled.
          gsi1pk: "EXEC#shapes#running",
          gsi1sk: `${execution.startedAt}#${id}`,
          ...keys.executionStatus("shapes", "running", execution.startedAt, id),
          ...keys.due(execution.due!, id),
          ...execution,
          pending: carried,
          // The sweeper moved its due time since, writing it under the new name.
          du: Date.parse(MOVED_DUE),
        },
      }),
    );
    await stack.clients.ddb.send(
      new PutCommand({
        TableName: stack.config.table,
        Item: {
          ...keys.historyEvent(id, 1),
          events: [
            { seq: 1, at: execution.startedAt, type: "ExecutionStarted" },
            { seq: 2, at: execution.startedAt, type: "StateEntered", state: "ask" },
          ],
        },
      }),
    );
    // Act
    const read = await getExecution(stack, id);
    const history = await readHistory(stack, id);
    const listed = await listExecutions(stack, { workflows: ["shapes"], status: "running" });
    const delivery = await engine.signal(id, { state: "ask" }, { event: "answer", answer: "yes" });
    await new Harness(stack, engine).drain({ sweep: false });
    // Assess
    expect(read).toEqual({ ...execution, due: MOVED_DUE, pending: carried });
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(history.at(-1)).toEqual(carried[1]);
    expect(listed.find((e) => e.id === id)).toMatchObject({
      workflow: "shapes",
      version: 1,
      status: "running",
      state: "ask",
      startedAt: execution.startedAt,
      data: { status: "asked" },
    });
    expect(delivery.outcome).toBe("applied");
    const after = (await getExecution(stack, id))!;
    expect(after).toMatchObject({ status: "succeeded", inputHash: execution.inputHash });
    expect((await readHistory(stack, id)).map((e) => e.seq)).toEqual(
      Array.from({ length: after.seq }, (_, i) => i + 1),
    );
  });

  it("the short shape gives back exactly what was committed", async () => {
    // Prepare
    const { id } = await engine.start({ workflow: "shapes", key: crypto.randomUUID(), input: {} });
    // Act
    const read = (await getExecution(stack, id))!;
    const { Item } = await stack.clients.ddb.send(
      new GetCommand({
        TableName: stack.config.table,
        Key: keys.execution(id),
        ConsistentRead: true,
      }),
    );
    // Assess: the bookkeeping under short names, the times as numbers; the reader sees neither.
    expect(Item).toMatchObject({ wf: "shapes", st: "running", sn: "ask", sa: expect.any(Number) });
    expect(Item).not.toHaveProperty("workflow");
    expect(read).toMatchObject({
      id,
      workflow: "shapes",
      status: "running",
      state: "ask",
      visits: { ask: 1 },
      inputHash: hashOf({}),
    });
    expect(new Date(read.startedAt).toISOString()).toBe(read.startedAt);
    expect(read.startedAt).toBe(new Date(Item?.sa as number).toISOString());
  });

  it("events of several transitions, at different times, read back as they were committed, in one compact tuple list", () => {
    // Prepare: three transitions' events, the second with a detail, the third with a time that is not exact
    const at = (ms: number) => new Date(Date.UTC(2026, 11, 1, 12) + ms).toISOString();
    const pending: HistoryEvent[] = [
      { seq: 5, at: at(0), type: "TaskSucceeded", state: "a" },
      { seq: 6, at: at(0), type: "StateEntered", state: "b" },
      { seq: 7, at: at(1234), type: "Noted", state: "b", detail: { by: "test" } },
      { seq: 8, at: at(1234), type: "StateEntered", state: "c" },
      { seq: 9, at: at(86_400_000), type: "TimerFired", state: "c" },
    ];
    const { execution } = waiting(crypto.randomUUID());
    // Act
    const stored = toStored({ ...execution, pending });
    const read = fromStored({ ...keys.execution(execution.id), ...stored });
    // Assess: one time, then offsets only where the time changes
    expect(stored.pe).toEqual([
      5,
      Date.parse(at(0)),
      ["TaskSucceeded", "a"],
      ["StateEntered", "b"],
      1234,
      ["Noted", "b", { by: "test" }],
      ["StateEntered", "c"],
      86_400_000,
      ["TimerFired", "c"],
    ]);
    expect(read.pending).toEqual(pending);
    expect(read).toEqual({ ...execution, pending });
  });
});

import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { indexes, keys } from "../../packages/core/src/db/layout";
import { defineWorkflow } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { getExecution } from "../../packages/core/src/engine/store";
import { sweep } from "../../packages/core/src/engine/sweeper";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";

const GRACE = 60;
const HOUR_MS = 3_600_000;

/** A wait longer than the queue can delay: its wake-up is the sweeper's. */
const workflow = defineWorkflow({
  name: "timed",
  version: 1,
  startAt: "pause",
  states: {
    pause: { type: "wait", seconds: 2 * 3600, next: "work" },
    work: { type: "task", step: "work", next: "done" },
    done: { type: "succeed" },
  },
});

let stack: TestStack;
let engine: Engine;
let harness: Harness;
/** What each of the sweeper's writes set as the due index key (undefined: left as it was). */
const dueWrites: { op: string; dueSk: unknown }[] = [];
beforeAll(async () => {
  stack = await createTestStack();
  engine = new Engine({
    deps: stack,
    workflows: [workflow],
    steps: { work: async () => ({ data: { worked: true } }) },
    graceSeconds: GRACE,
  });
  harness = new Harness(stack, engine);
  stack.clients.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as {
        UpdateExpression?: string;
        ExpressionAttributeValues?: Record<string, { S?: string }>;
      };
      if (context.commandName === "UpdateItemCommand" && input.UpdateExpression?.includes("sweeps"))
        dueWrites.push({
          op: "sweep",
          dueSk: input.ExpressionAttributeValues?.[":due"]?.S,
        });
      return next(args);
    },
    { step: "build", name: "sweepSpy" },
  );
});

const stored = async (id: string) =>
  (
    await stack.clients.ddb.send(
      new GetCommand({
        TableName: stack.config.table,
        Key: keys.execution(id),
        ConsistentRead: true,
      }),
    )
  ).Item!;

describe("the sweeper moves a due entry only when its message must be sent again", () => {
  it("a timer's first sweep marks the revision and leaves its due entry; the worker's commit is its one move", async () => {
    // Prepare: waiting two hours, its due entry at the wake-up
    const { id } = await engine.start({ workflow: "timed", key: crypto.randomUUID(), input: {} });
    await harness.drain();
    const waiting = await stored(id);
    expect(waiting.dueSk).toMatch(/^\d{4}-/);
    dueWrites.length = 0;
    stack.clock.advance(2 * HOUR_MS + 1000);
    // Act
    const { sent } = await sweep(stack, { graceSeconds: GRACE });
    const marked = await stored(id);
    await harness.drain();
    // Assess
    expect(sent).toBe(1);
    expect(dueWrites).toEqual([{ op: "sweep", dueSk: undefined }]);
    expect(marked).toMatchObject({ rev: waiting.rev, sweeps: 1, dueSk: waiting.dueSk });
    const done = (await getExecution(stack, id))!;
    expect(done).toMatchObject({ status: "succeeded", data: { worked: true } });
    expect((await stored(id)).dueSk).toBeUndefined();
  });

  it("a message lost after the first sweep is sent again by the next one, then backed off; none is missed", async () => {
    // Prepare: its wake-up passed, and every message the sweeper sends is lost
    const { id } = await engine.start({ workflow: "timed", key: crypto.randomUUID(), input: {} });
    await harness.drain();
    const waiting = await stored(id);
    stack.clock.advance(2 * HOUR_MS + 1000);
    const lost = async () => {
      const { sent } = await sweep(stack, { graceSeconds: GRACE });
      await harness.purge();
      return sent;
    };
    // Act
    const first = await lost();
    stack.clock.advance(GRACE * 1000);
    const secondAt = stack.clock.now().getTime();
    const second = await lost();
    const pushed = await stored(id);
    stack.clock.advance(GRACE * 1000);
    const tooEarly = await sweep(stack, { graceSeconds: GRACE });
    stack.clock.advance(GRACE * 1000 + 1000);
    await harness.drain();
    // Assess: sent at each sweep until it is pushed back, by twice the grace, and still finished
    expect([first, second, tooEarly.sent]).toEqual([1, 1, 0]);
    expect(pushed.rev).toBe(waiting.rev);
    expect(pushed.sweeps).toBe(2);
    expect(String(pushed.dueSk) > String(waiting.dueSk)).toBe(true);
    const pushedBy = Date.parse(String(pushed.dueSk).split("#")[0]!) - secondAt;
    expect(pushedBy).toBeGreaterThanOrEqual(2 * GRACE * 1000);
    expect(pushedBy).toBeLessThan(2 * GRACE * 1000 + 5000);
    const done = (await getExecution(stack, id))!;
    expect(done).toMatchObject({ status: "succeeded", data: { worked: true } });
  });

  it("a sweep that dies after marking a revision, before sending its message, loses it not: the next sweep sends it", async () => {
    // Prepare: its wake-up passed; the sweep's batch send dies once (the Lambda cut off)
    const { id } = await engine.start({ workflow: "timed", key: crypto.randomUUID(), input: {} });
    await harness.drain();
    stack.clock.advance(2 * HOUR_MS + 1000);
    let cutOff = false;
    const name = `cut-${id}`;
    stack.clients.sqs.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "SendMessageBatchCommand" && !cutOff) {
          cutOff = true;
          throw new Error("power cut");
        }
        return next(args);
      },
      { step: "initialize", name },
    );
    // Act
    const died = await sweep(stack, { graceSeconds: GRACE }).catch((e: Error) => e.message);
    const marked = await stored(id);
    stack.clients.sqs.middlewareStack.remove(name);
    await harness.drain({ sweep: false });
    const lost = await getExecution(stack, id);
    stack.clock.advance(GRACE * 1000);
    const { sent } = await sweep(stack, { graceSeconds: GRACE });
    await harness.drain({ sweep: false });
    // Assess: nothing went to the queue at first; the next sweep sent it, and it finished
    expect(died).toBe("power cut");
    expect(marked.sweeps).toBe(1);
    expect(lost).toMatchObject({ status: "running", state: "pause" });
    expect(sent).toBeGreaterThanOrEqual(1);
    const done = (await getExecution(stack, id))!;
    expect(done).toMatchObject({ status: "succeeded", data: { worked: true } });
  });

  it("an index entry that lags behind its execution (already moved on) is neither sent nor given a due time again", async () => {
    // Prepare: a timer fires and the execution ends; the index still lists its old due entry
    const { id } = await engine.start({ workflow: "timed", key: crypto.randomUUID(), input: {} });
    await harness.drain();
    const waiting = await stored(id);
    stack.clock.advance(2 * HOUR_MS + 1000);
    await harness.drain();
    expect(await getExecution(stack, id)).toMatchObject({ status: "succeeded" });
    const name = `lag-${id}`;
    // A global secondary index is eventually consistent: a Query may still return a moved entry.
    stack.clients.ddb.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const input = args.input as { IndexName?: string };
        const output = result.output as { Items?: Record<string, unknown>[] };
        if (input.IndexName === indexes.byDue.name)
          output.Items = [
            ...(output.Items ?? []),
            {
              pk: waiting.pk,
              sk: waiting.sk,
              [indexes.byDue.pk]: waiting[indexes.byDue.pk],
              [indexes.byDue.sk]: waiting[indexes.byDue.sk],
            },
          ];
        return result;
      },
      { step: "build", name },
    );
    // Act: two sweeps while the index lags
    const first = await sweep(stack, { graceSeconds: GRACE });
    stack.clock.advance(GRACE * 1000);
    const second = await sweep(stack, { graceSeconds: GRACE });
    stack.clients.ddb.middlewareStack.remove(name);
    // Assess: the ended execution gained no due entry (which the sweeper would re-send daily)
    expect([first.sent, second.sent]).toEqual([0, 0]);
    const ended = await stored(id);
    expect(ended[indexes.byDue.sk]).toBeUndefined();
    expect(ended.sweeps).toBeUndefined();
  });
});

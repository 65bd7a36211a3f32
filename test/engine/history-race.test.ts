import {
  TransactionCanceledException,
  TransactionConflictException,
} from "@aws-sdk/client-dynamodb";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineWorkflow, waitingState } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import type { Execution, HistoryEvent } from "../../packages/core/src/engine/execution";
import {
  commit,
  getExecution,
  readHistory,
  StaleExecutionError,
  type Transition,
} from "../../packages/core/src/engine/store";
import { createTestStack, type TestStack } from "../support/stack";

/** An execution that waits: the transitions below are written straight through the store. */
const workflow = defineWorkflow({
  name: "history-race",
  version: 1,
  startAt: "waiting",
  detached: ["body"],
  states: {
    waiting: waitingState({
      events: { go: z.object({}) },
      outcomes: { done: "done" },
      onCallback: () => ({ outcome: "done" }),
    }),
    done: { type: "succeed" },
  },
});

let stack: TestStack;
let engine: Engine;
beforeAll(async () => {
  stack = await createTestStack();
  engine = new Engine({ deps: stack, workflows: [workflow], steps: {} });
});

/** One contender's transition: its events' sizes, and whether it commits in a transaction. */
const contender = fc.record({
  notes: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 3 }),
  transaction: fc.boolean(),
  // Its detached part: left as it is, removed (null), or set to one of a few values.
  body: fc.constantFrom(undefined, null, "x", "y", "z".repeat(2000)),
});

/** A round: two transitions drawn from the same revision, one after the other or at once. */
const round = fc.record({
  first: contender,
  second: contender,
  atOnce: fc.boolean(),
  // The next round starts from the winner's commit as returned (a worker's chain), or read again.
  reread: fc.boolean(),
  // A slow retry of a transition drawn rounds ago arrives now (its carried events put late).
  late: fc.option(fc.record({ back: fc.nat(), c: contender }), { nil: undefined }),
});

/** A transition from `base` with the given notes; a transaction when it writes a marker too. */
function transition(
  base: Execution,
  who: string,
  c: { notes: number[]; transaction: boolean; body: string | null | undefined },
): Transition {
  const { body: _, ...rest } = base.data;
  const data =
    c.body === undefined ? base.data : c.body === null ? rest : { ...rest, body: c.body };
  const at = new Date(Date.parse(base.updatedAt) + 1000).toISOString();
  const events = c.notes.map((n, i) => ({
    at,
    type: "Noted",
    state: base.state,
    detail: { who, i, note: "n".repeat(n) },
  }));
  return {
    expectedRev: base.rev,
    next: { ...base, data, rev: base.rev + 1, seq: base.seq + events.length, updatedAt: at },
    events,
    detached: workflow.detached,
    // An item of the engine's own besides the execution makes the commit a transaction.
    extra: c.transaction
      ? [{ item: { Put: { Item: { pk: `MARK#${base.id}`, sk: `${who}#${base.rev}` } } } }]
      : [],
  };
}

const numbered = (t: Transition): HistoryEvent[] =>
  t.events.map((e, i) => ({ ...e, seq: t.next.seq - t.events.length + 1 + i }));

/** The commit as stored, or undefined when it lost: to the revision, or to a transaction in flight. */
async function settle(t: Transition) {
  try {
    return await commit(stack, t);
  } catch (error) {
    if (error instanceof StaleExecutionError) return undefined;
    // Writes at once to the same item: DynamoDB refuses the one that meets a transaction in flight.
    const conflict =
      (error instanceof TransactionCanceledException &&
        error.CancellationReasons?.some((r) => r.Code === "TransactionConflict")) ||
      error instanceof TransactionConflictException;
    if (conflict) return undefined;
    throw error;
  }
}

describe("history under transitions that race from the same revision", () => {
  it("keeps exactly the winners' events, each once and in order, and the winner's detached part, whatever commits alone or in a transaction, first or at once", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 3, maxLength: 12 }), async (rounds) => {
        const { id } = await engine.start({
          workflow: "history-race",
          key: crypto.randomUUID(),
          input: {},
        });
        let base = (await getExecution(stack, id))!;
        // The revisions left behind: a transition drawn from one of them can only lose.
        const stale: Execution[] = [];
        const expected = await readHistory(stack, id);
        for (const [n, r] of rounds.entries()) {
          if (r.late && stale.length > 0) {
            const old = stale[stale.length - 1 - (r.late.back % stale.length)]!;
            expect(await settle(transition(old, `late${n}`, r.late.c))).toBeUndefined();
            expect(await readHistory(stack, id)).toEqual(expected);
          }
          const a = transition(base, `a${n}`, r.first);
          const b = transition(base, `b${n}`, r.second);
          // One after the other, the loser's carried events are put after the winner committed.
          const [wa, wb] = r.atOnce
            ? await Promise.all([settle(a), settle(b)])
            : [await settle(a), await settle(b)];
          const won = [wa, wb].filter((w) => w !== undefined);
          expect(won.length).toBeLessThanOrEqual(1);
          const now = (await getExecution(stack, id))!;
          // Both refused at once (a conflict each way): nothing was committed, the round is void.
          if (won.length === 0) {
            expect(now.rev).toBe(base.rev);
            continue;
          }
          const winner = wa ? a : b;
          expected.push(...numbered(winner));
          stale.push(base);
          base = r.reread ? now : won[0]!;
          const history = await readHistory(stack, id);
          expect(history).toEqual(expected);
          // The part the winner wrote is the one read back: never a loser's, never missing.
          expect((await getExecution(stack, id))!.data.body).toEqual(winner.next.data.body);
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});

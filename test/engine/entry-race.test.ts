import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  HandlerExecutionContext,
  MiddlewareStack,
} from "@smithy/types";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { completeCallback } from "../../packages/core/src/engine/callbacks";
import { defineWorkflow, type Step, waitingState } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { getExecution } from "../../packages/core/src/engine/store";
import { createTestStack } from "../support/stack";

const VOTERS = ["a", "b", "c"];

/** A committee vote in small: the entry step emails each voter a link; two votes decide. */
const vote = defineWorkflow({
  name: "entry-race",
  version: 1,
  startAt: "voting",
  states: {
    voting: waitingState({
      onEnter: "ask-voters",
      events: { vote: z.object({ member: z.string() }) },
      outcomes: { decided: "done" },
      onCallback: (data, { payload }) => {
        const votes = [...((data.votes as string[] | undefined) ?? []), payload.member];
        return votes.length >= 2 ? { data: { votes }, outcome: "decided" } : { data: { votes } };
      },
    }),
    done: { type: "succeed" },
  },
});

/** Resolves once `signal()` was called. */
function latch() {
  let signal!: () => void;
  const done = new Promise<void>((r) => {
    signal = r;
  });
  return { done, signal };
}

describe("a vote while the entry step is still sending its emails", () => {
  it("the invocation the vote starts waits for the email in flight: each email once, the vote kept, no failed record", async () => {
    const stack = await createTestStack();
    const sent: string[] = [];
    const links = new Map<string, string>();
    const bSending = latch();
    const bRelease = latch();
    const steps: Record<string, Step> = {
      "ask-voters": async (data, ctx) => {
        const voted = new Set((data.votes as string[] | undefined) ?? []);
        for (const member of VOTERS.filter((m) => !voted.has(m))) {
          const token = await ctx.issueToken(`voter:${member}`, { meta: { member } });
          links.set(member, token);
          await ctx.effect(`email:${member}`, async () => {
            sent.push(member);
            if (member === "b") {
              bSending.signal();
              await bRelease.done;
            }
            return member;
          });
        }
        return {};
      },
    };
    const engine = new Engine({ deps: stack, workflows: [vote], steps });
    // The second invocation's lease on b's email refused: it found the first one sending it.
    const leaseRefused = latch();
    const ddbStack = stack.clients.ddb.middlewareStack as unknown as MiddlewareStack<
      object,
      object
    >;
    ddbStack.add(
      (next: FinalizeHandler<object, object>, context: HandlerExecutionContext) =>
        async (args: FinalizeHandlerArguments<object>) => {
          try {
            return await next(args);
          } catch (error) {
            const input = JSON.stringify(args.input);
            if (context.commandName === "PutItemCommand" && input.includes("#email:b"))
              leaseRefused.signal();
            throw error;
          }
        },
      { step: "finalizeRequest", name: "leaseRefused" },
    );

    const { id } = await engine.start({ workflow: "entry-race", key: "race-1", input: {} });
    const first = engine.process({ executionId: id, rev: 1 });
    await bSending.done;
    // a votes from the email that reached them, while b's is on its way.
    await completeCallback(engine, stack, links.get("a")!, { event: "vote", member: "a" });
    const moved = await getExecution(stack, id);
    expect(moved?.rev).toBe(2);
    const second = engine.process({ executionId: id, rev: 2 });
    const secondFailed = second.then(
      () => undefined,
      (error: Error) => error,
    );
    // Before the fix, the second invocation failed here with `effect … is in progress elsewhere`.
    const early = await Promise.race([leaseRefused.done.then(() => "refused"), secondFailed]);
    expect(early).toBe("refused");
    bRelease.signal();
    await first;
    expect(await secondFailed).toBeUndefined();

    const execution = await getExecution(stack, id);
    expect(execution).toMatchObject({ state: "voting", phase: "wait", status: "running" });
    expect(execution?.data.votes).toEqual(["a"]);
    expect(sent.sort()).toEqual(["a", "b", "c"]);
  });
});

import { z } from "zod";
import { keys } from "../../packages/core/src/db/layout";
import {
  defineWorkflow,
  type Step,
  type StepContext,
} from "../../packages/core/src/engine/definition";
import { EntraideError } from "../../packages/core/src/errors";
import { fixtureCode } from "../support/error-codes";

const DAY = 86_400;

/** What the steps did, counted by the test: the side effects that must happen exactly once. */
export class Effects {
  readonly counts = new Map<string, number>();
  /** Tokens as an email would carry them, by execution id. */
  readonly tokens = new Map<string, string[]>();
  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  total(prefix: string): number {
    return [...this.counts].filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
  }
  record(name: string): void {
    this.counts.set(name, this.count(name) + 1);
  }
}

/** A workflow with every state type: task, choice, parallel, callback with timers, wait, succeed, fail. */
export const demo = defineWorkflow({
  name: "demo",
  version: 1,
  startAt: "prepare",
  states: {
    prepare: { type: "task", step: "prepare", next: "route" },
    route: {
      type: "choice",
      choices: [
        { when: (d) => d.mode === "approve", next: "approval" },
        { when: (d) => d.mode === "flaky", next: "flaky" },
        { when: (d) => d.mode === "refuse", next: "refuse" },
      ],
      default: "notify",
    },
    notify: { type: "parallel", steps: ["notify", "archive"], next: "pay" },
    flaky: {
      type: "task",
      step: "flaky",
      retry: [
        { errors: ["Flaky"], intervalSeconds: 10, maxAttempts: 3, backoffRate: 2, jitter: "none" },
      ],
      catch: [{ errors: ["States.ALL"], next: "gave-up" }],
      next: "pay",
    },
    refuse: {
      type: "task",
      step: "refuse",
      catch: [{ errors: ["not-eligible"], next: "refused" }],
    },
    approval: {
      type: "callback",
      onEnter: "ask",
      timeoutSeconds: 14 * DAY,
      timers: [
        { name: "remind", afterSeconds: 2 * DAY, everySeconds: 2 * DAY, times: 3, step: "remind" },
        { name: "escalate", afterSeconds: 7 * DAY, step: "escalate" },
      ],
      events: { decision: z.object({ decision: z.string() }) },
      outcomes: { approved: "pay", rejected: "rejected" },
      onCallback: (_data, { payload }) => {
        if (payload.decision === "approve")
          return { data: { approved: true }, outcome: "approved" };
        if (payload.decision === "reject")
          return { data: { approved: false }, outcome: "rejected" };
        throw new EntraideError(fixtureCode("decision.invalid"), "unknown decision", {
          status: 400,
        });
      },
      catch: [{ errors: ["States.Timeout"], next: "expired" }],
    },
    pay: {
      type: "task",
      step: "pay",
      catch: [{ errors: ["fund.insufficient"], next: "short" }],
      next: "cool-off",
    },
    "cool-off": { type: "wait", seconds: 30 * DAY, next: "done" },
    done: { type: "succeed" },
    short: { type: "succeed" },
    refused: { type: "succeed" },
    expired: { type: "succeed" },
    "gave-up": { type: "fail", error: "GaveUp", cause: "the flaky step never worked" },
    rejected: { type: "fail", error: "Rejected" },
  },
});

export const FUND = keys.fund("test");

/** Steps for {@link demo}: deterministic, and every external effect goes through `ctx.effect`. */
export function demoSteps(effects: Effects, flakyFailures = 2): Record<string, Step> {
  const email = (ctx: StepContext, what: string) =>
    ctx.effect(what, async () => {
      effects.record(`${what}:${ctx.executionId}`);
      return `${what}-sent`;
    });
  return {
    prepare: async (data) => ({
      data: { prepared: true, amount: data.amount ?? 100 },
      events: [{ type: "Prepared" }],
    }),
    notify: async (_d, ctx) => ({ data: { notified: await email(ctx, "notify") } }),
    archive: async () => ({ data: { archived: true } }),
    flaky: async (_d, ctx) => {
      if (ctx.attempt < flakyFailures) throw Object.assign(new Error("not yet"), { name: "Flaky" });
      return { data: { flakyAttempts: ctx.attempt + 1 } };
    },
    refuse: async () => {
      throw new EntraideError(fixtureCode("not-eligible"), "the member is not eligible");
    },
    ask: async (_d, ctx) => {
      const token = await ctx.issueToken("approver", { meta: { email: "approver@smart.test" } });
      await ctx.effect("ask", async () => {
        effects.record(`ask:${ctx.executionId}`);
        effects.tokens.set(ctx.executionId, [
          ...(effects.tokens.get(ctx.executionId) ?? []),
          token,
        ]);
      });
      return {};
    },
    remind: async (_d, ctx) => ({ data: { reminded: await email(ctx, "remind") } }),
    escalate: async (_d, ctx) => ({ data: { escalated: await email(ctx, "escalate") } }),
    pay: async (data, ctx) => {
      await email(ctx, "pay");
      return {
        writes: [
          {
            item: {
              Update: {
                Key: FUND,
                UpdateExpression: "ADD paidCents :amount",
                ConditionExpression: "attribute_not_exists(paidCents) OR paidCents <= :room",
                ExpressionAttributeValues: {
                  ":amount": data.amount as number,
                  ":room": 1_000_000 - (data.amount as number),
                },
              },
            },
            errorName: "fund.insufficient",
          },
        ],
      };
    },
  };
}

export const DAY_MS = DAY * 1000;

import { PutObjectCommand } from "@aws-sdk/client-s3";
import type { Deps } from "../../packages/core/src/deps";
import { defineWorkflow, type Step } from "../../packages/core/src/engine/definition";

/**
 * The benchmark's workflow, shaped like a request: a linear chain of tasks, a choice, one
 * external effect (a receipt written to S3 through `ctx.effect`) and a wait. The wait is 0 s so
 * the figures measure the engine, not the clock; it still costs its two transitions.
 */
export const benchWorkflow = defineWorkflow({
  name: "bench",
  version: 1,
  startAt: "receive",
  states: {
    receive: { type: "task", step: "receive", next: "check" },
    check: { type: "task", step: "check", next: "route" },
    route: {
      type: "choice",
      choices: [{ when: (d) => d.eligible === true, next: "notify" }],
      default: "refused",
    },
    notify: { type: "task", step: "notify", next: "cool-off" },
    "cool-off": { type: "wait", seconds: 0, next: "record" },
    record: { type: "task", step: "record", next: "done" },
    done: { type: "succeed" },
    refused: { type: "fail", error: "NotEligible" },
  },
});

/** Commits per execution: start, receive, check(+route), notify, wait start, wait end, record(+done). */
export const TRANSITIONS_PER_EXECUTION = 7;

export function benchSteps(deps: Deps): Record<string, Step> {
  return {
    receive: async (data) => ({
      data: { receivedAt: "2026-01-01T00:00:00.000Z", amountCents: data.amountCents ?? 25_000 },
    }),
    check: async () => ({ data: { eligible: true }, events: [{ type: "ChecksPassed" }] }),
    notify: async (_data, ctx) => ({
      data: {
        receipt: await ctx.effect("receipt", async () => {
          const Key = `receipts/${ctx.executionId}.txt`;
          await deps.clients.s3.send(
            new PutObjectCommand({
              Bucket: deps.config.bucket,
              Key,
              Body: `receipt ${ctx.executionId}`,
            }),
          );
          return Key;
        }),
      },
    }),
    record: async () => ({ data: { recorded: true } }),
  };
}

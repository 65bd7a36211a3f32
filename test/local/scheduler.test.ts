import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { ScheduledEvent } from "aws-lambda";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { OffsetClock } from "../../packages/core/src/clock";
import { keys } from "../../packages/core/src/db/layout";
import { loadPlanConfig } from "../../packages/core/src/plan/config";
import { batchRuns, schedules } from "../../packages/functions/src/cron/schedules";
import { refreshClockOffset } from "../../packages/functions/src/local/local-clock";
import { nextEvery, nextWeekly, wallClock } from "../../packages/functions/src/local/next-run";
import { type Scheduler, startScheduler } from "../../packages/functions/src/local/scheduler";
import { createTestStack } from "../support/stack";

const batches = schedules.createBatches.runs[0]!.weekly;
const DAY = 86_400_000;

describe("weekly schedule in Europe/Brussels", () => {
  it("always gives the next Monday or Thursday at 06:00 Brussels time, at most four days ahead", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }),
        (after) => {
          // Act
          const next = nextWeekly(after, batches);
          // Assess
          const local = wallClock(next.getTime(), "Europe/Brussels");
          const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
          expect(next.getTime()).toBeGreaterThan(after.getTime());
          expect(next.getTime() - after.getTime()).toBeLessThanOrEqual(4 * DAY + 3_600_000);
          expect([1, 4]).toContain(weekday);
          expect([local.hour, local.minute, local.second]).toEqual([6, 0, 0]);
        },
      ),
    );
  });

  it("follows daylight saving time: 05:00 UTC in winter, 04:00 UTC in summer", () => {
    // Act
    const winter = nextWeekly(new Date("2024-01-01T05:00:00Z"), batches);
    const acrossSpringChange = nextWeekly(new Date("2024-03-30T12:00:00Z"), batches);
    // Assess
    expect(winter.toISOString()).toBe("2024-01-04T05:00:00.000Z");
    expect(acrossSpringChange.toISOString()).toBe("2024-04-01T04:00:00.000Z");
  });
});

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

function jobs() {
  const runs: { name: string; event: ScheduledEvent }[] = [];
  const job = (name: string, next: (after: Date) => Date) => ({
    name,
    next,
    run: async (event: ScheduledEvent) => {
      runs.push({ name, event });
    },
  });
  return {
    runs,
    list: [
      job("sweeper", (after) => nextEvery(after, schedules.sweeper.local.everyMs)),
      job("create-batches", (after) => nextWeekly(after, batches)),
    ],
  };
}

describe("scheduler", () => {
  it("runs each job when its time comes on the clock, with an EventBridge scheduled event", async () => {
    // Prepare
    const clock = new OffsetClock();
    const { runs, list } = jobs();
    scheduler = startScheduler({ jobs: list, clock, region: "eu-west-1", tickMs: 60_000 });
    // Act
    await scheduler.tick();
    const atStart = runs.length;
    clock.advance(2500);
    await scheduler.tick();
    // Assess
    expect(atStart).toBe(0);
    expect(runs.map((r) => r.name)).toEqual(["sweeper"]);
    expect(runs[0]!.event).toMatchObject({
      version: "0",
      "detail-type": "Scheduled Event",
      source: "aws.events",
      region: "eu-west-1",
      detail: {},
    });
    expect(runs[0]!.event.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(runs[0]!.event.resources[0]).toMatch(/^arn:aws:events:eu-west-1:\d{12}:rule\//);
  });

  it("ticks on its own every tickMs", async () => {
    // Prepare
    const { runs, list } = jobs();
    const clock = new OffsetClock();
    // Act
    scheduler = startScheduler({ jobs: list, clock, region: "eu-west-1", tickMs: 50 });
    await new Promise((r) => setTimeout(r, 200));
    clock.advance(5000);
    await new Promise((r) => setTimeout(r, 200));
    // Assess
    expect(runs.filter((r) => r.name === "sweeper").length).toBeGreaterThanOrEqual(1);
  });

  it("fires create-batches once when `clock advance` moves the stored offset past its time", async () => {
    // Prepare
    const stack = await createTestStack();
    const clock = new OffsetClock();
    const { runs, list } = jobs();
    scheduler = startScheduler({
      jobs: list,
      clock,
      region: stack.config.region,
      tickMs: 60_000,
      beforeTick: () => refreshClockOffset(stack, clock),
    });
    await scheduler.tick();
    // Act
    await stack.clients.ddb.send(
      new PutCommand({
        TableName: stack.config.table,
        Item: { ...keys.clock(), offsetMs: 5 * DAY },
      }),
    );
    await scheduler.tick();
    await scheduler.tick();
    // Assess
    expect(clock.offsetMs).toBe(5 * DAY);
    const batchRuns = runs.filter((r) => r.name === "create-batches");
    expect(batchRuns).toHaveLength(1);
    const local = wallClock(Date.parse(batchRuns[0]!.event.time), "Europe/Brussels");
    expect([local.hour, local.minute]).toEqual([6, 0]);
  });
});

describe("local clock", () => {
  it("takes the offset stored by `clock advance`, and none when nothing is stored", async () => {
    // Prepare
    const stack = await createTestStack();
    const clock = new OffsetClock(1234);
    // Act
    await refreshClockOffset(stack, clock);
    const withoutItem = clock.offsetMs;
    await stack.clients.ddb.send(
      new PutCommand({
        TableName: stack.config.table,
        Item: { ...keys.clock(), offsetMs: 3_600_000 },
      }),
    );
    await refreshClockOffset(stack, clock);
    // Assess
    expect(withoutItem).toBe(0);
    expect(clock.offsetMs).toBe(3_600_000);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(3_599_000);
  });
});

describe("payout batch runs from the plan", () => {
  it("follow the plan's payouts.batchSchedule: one run per time of day, in its time zone", () => {
    // Prepare
    const plan = loadPlanConfig({
      payouts: {
        batchSchedule: {
          timeZone: "Europe/Paris",
          slots: [
            { weekday: "friday", time: "07:30" },
            { weekday: "tuesday", time: "07:30" },
            { weekday: "wednesday", time: "18:05" },
          ],
        },
      },
    });

    // Act
    const runs = batchRuns(plan);

    // Assess
    expect(runs.map((r) => [r.expression, r.timeZone, r.weekly.days])).toEqual([
      ["cron(30 7 ? * TUE,FRI *)", "Europe/Paris", [2, 5]],
      ["cron(5 18 ? * WED *)", "Europe/Paris", [3]],
    ]);
    expect(nextWeekly(new Date("2024-01-03T12:00:00Z"), runs[0]!.weekly).toISOString()).toBe(
      "2024-01-05T06:30:00.000Z",
    );
  });

  it("refuses a plan whose batch time zone does not exist", () => {
    // Act
    const load = () =>
      loadPlanConfig({ payouts: { batchSchedule: { timeZone: "Europe/Atlantis" } } });

    // Assess
    expect(load).toThrow(/payouts\.batchSchedule\.timeZone/);
  });
});

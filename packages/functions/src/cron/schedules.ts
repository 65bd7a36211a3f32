import { type PlanConfig, planConfig } from "@entraide/core/plan/config";

/** A weekly time of day in a time zone, e.g. Monday and Thursday 06:00 in Europe/Brussels. */
export interface Weekly {
  /** 0 = Sunday … 6 = Saturday. */
  days: readonly number[];
  hour: number;
  minute: number;
  timeZone: string;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** One EventBridge schedule of the payout batches: the plan's slots that share a time of day. */
export interface BatchRun {
  /** `cron(…)` fields, in the plan's time zone. */
  cron: { minute: string; hour: string; weekDay: string };
  expression: string;
  timeZone: string;
  /** The same run for the local scheduler: days are 0 = Sunday … 6 = Saturday, as `Date.getDay()`. */
  weekly: Weekly;
}

/**
 * The payout batch runs the plan's `payouts.batchSchedule` asks for: one per time of day (an
 * EventBridge cron has one time), each on the weekdays of the slots at that time.
 */
export function batchRuns(plan: PlanConfig): BatchRun[] {
  const { timeZone, slots } = plan.payouts.batchSchedule;
  const byTime = new Map<string, number[]>();
  for (const slot of slots) {
    const days = byTime.get(slot.time) ?? [];
    const day = WEEKDAYS.indexOf(slot.weekday);
    if (!days.includes(day)) days.push(day);
    byTime.set(slot.time, days);
  }
  return [...byTime].map(([time, days]) => {
    const [hour, minute] = time.split(":").map(Number) as [number, number];
    const sorted = [...days].sort((a, b) => a - b);
    const weekDay = sorted.map((d) => WEEKDAYS[d]!.slice(0, 3).toUpperCase()).join(",");
    return {
      cron: { minute: String(minute), hour: String(hour), weekDay },
      expression: `cron(${minute} ${hour} ? * ${weekDay} *)`,
      timeZone,
      weekly: { days: sorted, hour, minute, timeZone },
    };
  });
}

/**
 * When the scheduled handlers run: the EventBridge expressions the stacks deploy, and the same
 * schedules in a form the local scheduler computes (the sweeper runs more often locally, so a
 * developer does not wait a minute for a re-drive).
 */
export const schedules = {
  sweeper: {
    handler: "packages/functions/src/cron/sweeper.handler",
    expression: "rate(1 minute)",
    local: { everyMs: 2000 },
  },
  createBatches: {
    handler: "packages/functions/src/cron/create-batches.handler",
    /** From the plan's `payouts.batchSchedule` [Monday and Thursday 06:00 Europe/Brussels]. */
    runs: batchRuns(planConfig),
  },
  /** §10: members past the plan's retention, payout fields past the accounting retention. */
  erasure: {
    handler: "packages/functions/src/cron/erasure.handler",
    expression: "cron(0 3 * * ? *)",
    timeZone: "Europe/Brussels",
    local: {
      weekly: { days: [0, 1, 2, 3, 4, 5, 6], hour: 3, minute: 0, timeZone: "Europe/Brussels" },
    },
  },
} as const;

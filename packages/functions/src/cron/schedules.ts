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
    expression: "cron(0 6 ? * MON,THU *)",
    timezone: "Europe/Brussels",
    /** Days are 0 = Sunday … 6 = Saturday, as `Date.getDay()`. */
    local: { weekly: { days: [1, 4], hour: 6, minute: 0, timeZone: "Europe/Brussels" } },
  },
  /** §10: members past the plan's retention, payout fields past the accounting retention. */
  erasure: {
    handler: "packages/functions/src/cron/erasure.handler",
    expression: "cron(0 3 * * ? *)",
    timezone: "Europe/Brussels",
    local: {
      weekly: { days: [0, 1, 2, 3, 4, 5, 6], hour: 3, minute: 0, timeZone: "Europe/Brussels" },
    },
  },
} as const;

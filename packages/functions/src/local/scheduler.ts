import { randomUUID } from "node:crypto";
import type { Clock } from "@entraide/core/clock";
import type { ScheduledEvent } from "aws-lambda";

export interface ScheduledJob {
  name: string;
  /** The first run strictly after the given instant. */
  next(after: Date): Date;
  run(event: ScheduledEvent): Promise<unknown>;
}

export interface SchedulerOptions {
  jobs: ScheduledJob[];
  clock: Clock;
  region: string;
  tickMs?: number;
  /** Runs before each tick; the local stack refreshes the clock offset there. */
  beforeTick?: () => Promise<void>;
  log?: (message: string, error?: unknown) => void;
}

export interface Scheduler {
  /** One tick now: runs every job whose time has come on the clock. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Plays EventBridge's scheduled rules: invokes each job with a ScheduledEvent when its time
 * comes on the given clock, which may be shifted by `clock advance`. Runs missed while the clock
 * jumped are not replayed one by one; like a late rule, the job runs once.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ""));
  const due = new Map<ScheduledJob, Date>();
  let last = 0;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function tick() {
    try {
      await options.beforeTick?.();
    } catch (error) {
      log("scheduler: preparing the tick failed", error);
    }
    const now = options.clock.now();
    // A clock moved back (an offset reset) would otherwise leave runs far in the future.
    if (now.getTime() < last) due.clear();
    last = now.getTime();
    for (const job of options.jobs) {
      const at = due.get(job) ?? job.next(now);
      if (now < at) {
        due.set(job, at);
        continue;
      }
      due.set(job, job.next(now));
      try {
        await job.run(scheduledEvent(job.name, at, options.region));
      } catch (error) {
        log(`scheduler: ${job.name} failed`, error);
      }
    }
  }

  const serialTick = () => {
    running = running.then(tick);
    return running;
  };
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => serialTick().finally(loop), options.tickMs ?? 1000);
  };
  loop();

  return {
    tick: serialTick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** The event EventBridge sends for a scheduled rule; `time` is the run's scheduled instant. */
export function scheduledEvent(name: string, at: Date, region: string): ScheduledEvent {
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account: "123456789012",
    time: `${at.toISOString().slice(0, 19)}Z`,
    region,
    resources: [`arn:aws:events:${region}:123456789012:rule/entraide-${name}`],
    detail: {},
  };
}

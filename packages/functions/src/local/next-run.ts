import type { Weekly } from "../cron/schedules";

/** The first instant strictly after `after` that falls on the weekly schedule, DST included. */
export function nextWeekly(after: Date, weekly: Weekly): Date {
  const local = wallClock(after.getTime(), weekly.timeZone);
  for (let day = 0; day <= 8; day++) {
    const date = new Date(Date.UTC(local.year, local.month - 1, local.day + day));
    if (!weekly.days.includes(date.getUTCDay())) continue;
    const at = zonedToUtc(date, weekly.hour, weekly.minute, weekly.timeZone);
    if (at > after.getTime()) return new Date(at);
  }
  throw new Error(`no weekly run within 8 days of ${after.toISOString()}`);
}

export function nextEvery(after: Date, everyMs: number): Date {
  return new Date(after.getTime() + everyMs);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The calendar date and time an instant shows on the clocks of a time zone. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

function zonedToUtc(date: Date, hour: number, minute: number, timeZone: string): number {
  const asUtc = Date.UTC(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    hour,
    minute,
  );
  const offset = (t: number) => {
    const w = wallClock(t, timeZone);
    return (
      Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(t / 1000) * 1000
    );
  };
  // The offset at the guess may differ from the offset at the answer when DST changes between.
  const first = asUtc - offset(asUtc);
  return asUtc - offset(first);
}

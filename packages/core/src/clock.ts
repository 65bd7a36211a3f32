/** Every time the system reads goes through a Clock, so tests and `clock advance` can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that runs with real time, shifted by an offset that can be advanced. */
export class OffsetClock implements Clock {
  constructor(public offsetMs = 0) {}
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Parses "90s", "15m", "2h", "30d", "1w" (or sums like "1d12h") into milliseconds. */
export function parseDuration(text: string): number {
  const parts = [...text.trim().matchAll(/(\d+)\s*([smhdw])/g)];
  const consumed = parts.map((p) => p[0]).join("");
  if (parts.length === 0 || consumed.replace(/\s/g, "") !== text.replace(/\s/g, "")) {
    throw new Error(
      `"${text}" is not a duration: use a number and a unit among s, m, h, d, w (e.g. 7d)`,
    );
  }
  return parts.reduce((ms, p) => ms + Number(p[1]) * UNIT_MS[p[2] as keyof typeof UNIT_MS], 0);
}

export const seconds = {
  minutes: (n: number) => n * 60,
  hours: (n: number) => n * 3600,
  days: (n: number) => n * 86_400,
};

export function addSeconds(iso: string, s: number): string {
  return new Date(Date.parse(iso) + s * 1000).toISOString();
}

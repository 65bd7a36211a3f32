import { demoPlanOverrides, useDemoPlan } from "../../packages/core/src/plan/demo";

/**
 * Imported FIRST by a test whose stack runs the plan `npm start` runs (the demo plan of the day
 * the test runs): the plan is read once, when its module loads, so this must come before it.
 */
export const today = new Date().toISOString().slice(0, 10);
useDemoPlan(process.env, today);

/** The demo plan's window on the day the test runs. */
export const demoWindow = demoPlanOverrides(today).planWindow as { from: string; to: string };

/** `iso` moved by `days` (negative: earlier). */
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

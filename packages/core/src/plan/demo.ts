import type { PlanConfigOverrides } from "./schema";

/**
 * The local stack's demo plan: the 2020 Plan corona (crisis and window from 1 March 2020 to
 * 31 December 2021) moved by whole years so that its window ends on 31 December of `today`'s
 * year. Any day of this year, and the whole of last year from 1 March, are then work days the
 * plan covers, so the README's walkthrough works on the day it is followed.
 *
 * @example demoPlanOverrides("2026-12-01") // window 2025-03-01 – 2026-12-31
 */
export function demoPlanOverrides(today: string): PlanConfigOverrides {
  const year = Number(today.slice(0, 4));
  return {
    crisisStart: `${year - 1}-03-01`,
    planWindow: { from: `${year - 1}-03-01`, to: `${year}-12-31` },
  };
}

/**
 * `ENTRAIDE_PLAN` for a local stack started with the demo plan: the deployment's own overrides
 * with the demo's dates, unless those overrides give a `planWindow` or `crisisStart` (then their
 * dates are the plan's, untouched: the two go together).
 * Must run before `plan/config` is first imported: the plan is read once, at load.
 */
export function useDemoPlan(env: NodeJS.ProcessEnv, today: string): void {
  let own: PlanConfigOverrides = {};
  try {
    own = env.ENTRAIDE_PLAN ? (JSON.parse(env.ENTRAIDE_PLAN) as PlanConfigOverrides) : {};
  } catch {
    return; // left as it is: loading the plan says the overrides are not JSON
  }
  if (own.planWindow || own.crisisStart) return;
  env.ENTRAIDE_PLAN = JSON.stringify({ ...own, ...demoPlanOverrides(today) });
}

/**
 * How planned work days weigh in the daily cap (§2): a date alone is a full day, hours a share
 * of a day of the plan's length [8 h], and each cachet the plan's share of a day [1]. Pure and
 * free of zod, so the form computes the same daily amount the check does.
 */
export interface WorkDayWeights {
  hoursPerDay: number;
  daysPerCachet: number;
}

export interface PlannedDay {
  hours?: number;
  cachets?: number;
}

/** The days the planned work is worth, as paid: `[{}, { hours: 4 }]` is 1.5 days. */
export function workDayUnits(days: readonly PlannedDay[], weights: WorkDayWeights): number {
  let units = 0;
  for (const day of days) {
    if (day.cachets !== undefined) units += day.cachets * weights.daysPerCachet;
    else if (day.hours !== undefined) units += day.hours / weights.hoursPerDay;
    else units += 1;
  }
  // Shares such as 1/3 of a day are not exact in binary: keep what a person would write.
  return Math.round(units * 1e6) / 1e6;
}

/** The gross per day of work, in whole cents rounded up (undefined when no work is planned). */
export function dailyGrossCents(
  grossCents: number,
  days: readonly PlannedDay[],
  weights: WorkDayWeights,
): number | undefined {
  const units = workDayUnits(days, weights);
  if (units <= 0) return undefined;
  return Math.ceil(Math.round((grossCents / units) * 1e6) / 1e6);
}

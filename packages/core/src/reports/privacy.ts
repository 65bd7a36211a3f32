/**
 * Small groups are merged so that no member can be recognised in a figure: a group of fewer
 * than `threshold` requests (but more than none) is merged with the other small ones, and while
 * the merged group is still too small, with the smallest of the others.
 */
export function mergeSmall<T extends { size: number }>(
  groups: readonly T[],
  threshold: number,
): { kept: T[]; merged: T[] } {
  const small = (g: T) => g.size > 0 && g.size < threshold;
  const merged = groups.filter(small);
  const kept = groups.filter((g) => !small(g));
  if (merged.length === 0) return { kept, merged };
  const total = () => merged.reduce((n, g) => n + g.size, 0);
  while (total() < threshold) {
    const candidates = kept.filter((g) => g.size > 0).sort((a, b) => a.size - b.size);
    const smallest = candidates[0];
    if (!smallest) break;
    kept.splice(kept.indexOf(smallest), 1);
    merged.push(smallest);
  }
  return { kept, merged };
}

/**
 * Consecutive periods merged so that each one that changed anything holds at least `threshold`
 * movements: a small period joins the next one (the last, the previous one).
 */
export function mergeAdjacent<T extends { size: number }>(
  periods: readonly T[],
  threshold: number,
  join: (a: T, b: T) => T,
): T[] {
  const out: T[] = [];
  let pending: T | undefined;
  for (const period of periods) {
    const current: T = pending ? join(pending, period) : period;
    pending = undefined;
    if (current.size > 0 && current.size < threshold) pending = current;
    else out.push(current);
  }
  if (pending) {
    const last = out.pop();
    out.push(last ? join(last, pending) : pending);
  }
  return out;
}

/** The nearest-rank percentile (0 < p ≤ 1) of a histogram of whole days. */
export function percentileDays(
  histogram: ReadonlyMap<number, number>,
  p: number,
): number | undefined {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const days of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(days)!;
    if (seen >= rank) return days;
  }
  return undefined;
}

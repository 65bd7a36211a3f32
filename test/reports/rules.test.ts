import { describe, expect, it } from "vitest";
import type { Execution } from "../../packages/core/src/engine/execution";
import { loadPlanConfig } from "../../packages/core/src/plan/config";
import {
  counter,
  daysBetween,
  MAX_DAYS,
  SHARDS,
  shardOf,
  transitionCounts,
} from "../../packages/core/src/reports/counters";
import { loanState } from "../../packages/core/src/reports/loans";
import { mergeAdjacent, mergeSmall, percentileDays } from "../../packages/core/src/reports/privacy";

const plan = loadPlanConfig();
const g = (name: string, size: number) => ({ name, size });
const names = (groups: { name: string }[]) => groups.map((x) => x.name);

describe("small groups are merged", () => {
  it.each([
    { groups: [g("a", 5), g("b", 5)], kept: ["a", "b"], merged: [] },
    { groups: [g("a", 9), g("b", 3), g("c", 2)], kept: ["a"], merged: ["b", "c"] },
    // Still too small together: the smallest of the others joins them.
    { groups: [g("a", 9), g("b", 6), g("c", 2)], kept: ["a"], merged: ["c", "b"] },
    { groups: [g("a", 4)], kept: [], merged: ["a"] },
    // Empty groups reveal nothing and are left alone.
    { groups: [g("a", 0), g("b", 7)], kept: ["a", "b"], merged: [] },
    { groups: [g("a", 4), g("b", 1), g("c", 0)], kept: ["c"], merged: ["a", "b"] },
  ])("$groups.length groups: kept $kept, merged $merged", ({ groups, kept, merged }) => {
    const out = mergeSmall(groups, 5);
    expect(names(out.kept)).toEqual(kept);
    expect(names(out.merged)).toEqual(merged);
  });

  it("joins a small period to the next one, and a small last period to the one before", () => {
    const join = (a: { name: string; size: number }, b: { name: string; size: number }) =>
      g(`${a.name}${b.name}`, a.size + b.size);
    expect(
      names(mergeAdjacent([g("a", 2), g("b", 0), g("c", 4), g("d", 5), g("e", 1)], 5, join)),
    ).toEqual(["abc", "de"]);
    expect(names(mergeAdjacent([g("a", 0), g("b", 5)], 5, join))).toEqual(["a", "b"]);
    expect(names(mergeAdjacent([g("a", 3)], 5, join))).toEqual(["a"]);
  });

  it("takes percentiles by nearest rank over whole days", () => {
    const histogram = new Map([
      [1, 4],
      [3, 5],
      [10, 1],
    ]);
    expect(percentileDays(histogram, 0.5)).toBe(3);
    expect(percentileDays(histogram, 0.4)).toBe(1);
    expect(percentileDays(histogram, 0.9)).toBe(3);
    expect(percentileDays(histogram, 1)).toBe(10);
    expect(percentileDays(new Map(), 0.5)).toBeUndefined();
  });
});

const execution = (overrides: Partial<Execution> = {}): Execution => ({
  id: "req-1",
  workflow: "cancelled-contract",
  version: 1,
  status: "running",
  state: "granting",
  visit: 1,
  visits: { granting: 1 },
  attempt: 0,
  phase: "run",
  data: { amountCents: 50_000, approvedAmountCents: 40_000 },
  inputHash: "",
  rev: 3,
  seq: 9,
  enteredAt: "2020-04-03T10:00:00.000Z",
  startedAt: "2020-03-30T09:00:00.000Z",
  updatedAt: "2020-04-03T10:00:00.000Z",
  ...overrides,
});
const entered = (state: string, at = "2020-04-03T10:00:00.000Z") => ({
  at,
  type: "StateEntered",
  state,
});

describe("what a transition counts", () => {
  it("an approval counts in its fund and month, with what was granted and the whole days it took", () => {
    expect(transitionCounts(execution(), [entered("granting")], plan)).toEqual({
      fund: "solidarity",
      month: "2020-04",
      counts: {
        [counter.outcome("approved", "cancelled-contract")]: 1,
        [counter.grantedCents("cancelled-contract")]: 40_000,
        [counter.decisionDays(4)]: 1,
      },
    });
  });

  it("granting again after waiting for funds is not a second approval; the payout ends the wait", () => {
    const again = execution({ visits: { granting: 2, "awaiting-funds": 1, payout: 1 } });
    expect(transitionCounts(again, [entered("granting")], plan)).toBeUndefined();
    expect(transitionCounts(again, [entered("payout")], plan)?.counts).toEqual({
      [counter.outcome("awaiting-funds", "cancelled-contract")]: -1,
    });
  });

  it("counts nothing for workflows that are not requests, or transitions the report does not show", () => {
    expect(
      transitionCounts(execution({ workflow: "payout-probe" }), [entered("granting")], plan),
    ).toBeUndefined();
    expect(
      transitionCounts(
        execution(),
        [entered("checking"), { at: "2020-04-03T10:00:00.000Z", type: "TaskSucceeded" }],
        plan,
      ),
    ).toBeUndefined();
  });

  it("bounds days at zero and at the maximum, and keeps each execution on one shard", () => {
    expect(daysBetween("2020-04-02T00:00:00Z", "2020-04-01T00:00:00Z")).toBe(0);
    expect(daysBetween("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z")).toBe(MAX_DAYS);
    const shards = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`req-${i}`)));
    expect([...shards].every((s) => s >= 0 && s < SHARDS)).toBe(true);
    expect(shards.size).toBe(SHARDS);
    expect(shardOf("req-7")).toBe(shardOf("req-7"));
  });
});

describe("a loan's state on a day", () => {
  const loan = {
    principalCents: 30_000,
    repaidCents: 10_000,
    repayments: [],
    schedule: [
      { number: 1, dueDate: "2020-05-01", amountCents: 10_000 },
      { number: 2, dueDate: "2020-06-01", amountCents: 10_000 },
      { number: 3, dueDate: "2020-07-01", amountCents: 10_000 },
    ],
  };
  it.each([
    { now: "2020-06-05T12:00:00Z", state: "onTime" },
    { now: "2020-06-08T12:00:00Z", state: "onTime" },
    { now: "2020-06-09T12:00:00Z", state: "late" },
  ])(
    "on $now a loan that repaid its first installment of two due is $state (overdue after 7 days)",
    ({ now, state }) => {
      expect(loanState(loan, now, plan)).toBe(state);
    },
  );
  it("is repaid once the principal is covered", () => {
    expect(loanState({ ...loan, repaidCents: 30_000 }, "2020-06-09T12:00:00Z", plan)).toBe(
      "repaid",
    );
  });
});

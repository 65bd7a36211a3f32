import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonthsClamped, loanSchedule } from "../../packages/core/src/loans/schedule";
import { loadPlanConfig, planConfig } from "../../packages/core/src/plan/config";

const terms = fc.record({
  principalCents: fc.integer({ min: 50_000, max: 2_500_000 }),
  termMonths: fc.integer({ min: 6, max: 36 }),
  graceMonths: fc.integer({ min: 0, max: 6 }),
  disbursedOn: fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
});

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const lastDayOfMonth = (iso: string) =>
  new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0)).getUTCDate();

describe("loan schedule", () => {
  it("installments add up exactly to the principal, all equal but the last, which absorbs the remainder", () => {
    fc.assert(
      fc.property(terms, (loan) => {
        // Act
        const schedule = loanSchedule(loan);

        // Assess
        expect(schedule).toHaveLength(loan.termMonths);
        expect(schedule.map((i) => i.number)).toEqual(schedule.map((_, n) => n + 1));
        expect(schedule.reduce((sum, i) => sum + i.amountCents, 0)).toBe(loan.principalCents);
        const regular = schedule[0]!.amountCents;
        expect(schedule.slice(0, -1).every((i) => i.amountCents === regular)).toBe(true);
        const last = schedule.at(-1)!.amountCents;
        expect(last - regular).toBeGreaterThanOrEqual(0);
        expect(last - regular).toBeLessThan(loan.termMonths);
        expect(schedule.every((i) => Number.isInteger(i.amountCents))).toBe(true);
      }),
    );
  });

  it("due dates fall monthly from one month after the grace period, on the disbursement day or the month's end", () => {
    fc.assert(
      fc.property(terms, (loan) => {
        // Act
        const schedule = loanSchedule(loan);

        // Assess
        const day = Number(loan.disbursedOn.slice(8, 10));
        schedule.forEach((installment, n) => {
          const due = installment.dueDate;
          expect(monthIndex(due) - monthIndex(loan.disbursedOn)).toBe(loan.graceMonths + n + 1);
          expect(Number(due.slice(8, 10))).toBe(Math.min(day, lastDayOfMonth(due)));
        });
      }),
    );
  });

  it("a loan paid out on January 31st falls due on the last day of February, then on the 31st again", () => {
    // Act
    const schedule = loanSchedule({
      principalCents: 100_000,
      termMonths: 6,
      graceMonths: 0,
      disbursedOn: "2021-01-31",
    });

    // Assess
    expect(schedule).toEqual([
      { number: 1, dueDate: "2021-02-28", amountCents: 16_666 },
      { number: 2, dueDate: "2021-03-31", amountCents: 16_666 },
      { number: 3, dueDate: "2021-04-30", amountCents: 16_666 },
      { number: 4, dueDate: "2021-05-31", amountCents: 16_666 },
      { number: 5, dueDate: "2021-06-30", amountCents: 16_666 },
      { number: 6, dueDate: "2021-07-31", amountCents: 16_670 },
    ]);
  });

  it("a grace period shifts the first due date by as many months", () => {
    // Act
    const schedule = loanSchedule({
      principalCents: 2_500_000,
      termMonths: 36,
      graceMonths: 6,
      disbursedOn: "2020-08-31",
    });

    // Assess
    expect(schedule[0]).toEqual({ number: 1, dueDate: "2021-03-31", amountCents: 69_444 });
    expect(schedule[1]!.dueDate).toBe("2021-04-30");
    expect(schedule[5]!.dueDate).toBe("2021-08-31");
    expect(schedule[35]).toEqual({ number: 36, dueDate: "2024-02-29", amountCents: 69_460 });
  });

  it.each([
    ["2020-01-31", 1, "2020-02-29"],
    ["2021-01-31", 1, "2021-02-28"],
    ["2100-01-31", 1, "2100-02-28"],
    ["2000-01-30", 1, "2000-02-29"],
    ["2020-03-31", 1, "2020-04-30"],
    ["2020-12-15", 1, "2021-01-15"],
    ["2020-08-31", 18, "2022-02-28"],
  ])("%s plus %i month(s) is %s", (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it.each([
    ["a principal below €500", { principalCents: 49_999 }],
    ["a principal above €25,000", { principalCents: 2_500_001 }],
    ["a term under 6 months", { termMonths: 5 }],
    ["a term over 36 months", { termMonths: 37 }],
    ["a grace over 6 months", { graceMonths: 7 }],
    ["a fractional principal", { principalCents: 50_000.5 }],
    ["a date that is not a day", { disbursedOn: "2020-02-30" }],
  ])("refuses %s", (_, change) => {
    // Prepare
    const loan = {
      principalCents: 100_000,
      termMonths: 12,
      graceMonths: 0,
      disbursedOn: "2020-05-04",
      ...change,
    };

    // Act
    const schedule = () => loanSchedule(loan);

    // Assess
    expect(schedule).toThrow();
  });

  it.each([
    { name: "48 months under the default plan", plan: planConfig, termMonths: 48, ok: false },
    {
      name: "48 months under a plan of up to 60",
      plan: loadPlanConfig({ types: { "relaunch-loan": { termMonths: { min: 6, max: 60 } } } }),
      termMonths: 48,
      ok: true,
    },
    {
      name: "6 months under a plan of at least 12",
      plan: loadPlanConfig({ types: { "relaunch-loan": { termMonths: { min: 12, max: 36 } } } }),
      termMonths: 6,
      ok: false,
    },
  ])("takes its ranges from the plan: $name", ({ plan, termMonths, ok }) => {
    // Act
    const schedule = () =>
      loanSchedule(
        { principalCents: 480_000, termMonths, graceMonths: 0, disbursedOn: "2020-06-15" },
        plan,
      );

    // Assess
    if (ok) expect(schedule()).toHaveLength(termMonths);
    else expect(schedule).toThrow();
  });
});

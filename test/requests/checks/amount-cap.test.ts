import { describe, expect, it } from "vitest";
import { loadPlanConfig } from "../../../packages/core/src/plan/config";
import type { RequestBody } from "../../../packages/core/src/request-view/schemas";
import { amountCap } from "../../../packages/core/src/requests/checks/amount-cap";
import type { CheckContext } from "../../../packages/core/src/requests/checks/context";
import { unusualAmount } from "../../../packages/core/src/requests/checks/unusual-amount";
import { context, docA, requestOf } from "../fixtures";

type Row = { name: string; request: RequestBody; outcome: string; code: string };
const days = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ date: `2020-04-${String(i + 1).padStart(2, "0")}` }));
const line = (amountCents: number) => ({
  date: "2020-03-02",
  description: "Hall",
  amountCents,
  documentId: docA,
});

describe("the amount-cap check", () => {
  it.each<Row>([
    {
      name: "€600 per day",
      request: requestOf("cancelled-contract", { workDays: days(2), grossAmountCents: 120_000 }),
      outcome: "pass",
      code: "daily_rate_ok",
    },
    {
      name: "one cent above €600 per day",
      request: requestOf("cancelled-contract", { workDays: days(2), grossAmountCents: 120_001 }),
      outcome: "warn",
      code: "daily_rate_above_cap",
    },
    {
      name: "expenses totalling exactly €10,000",
      request: requestOf("incurred-expenses", { lines: [line(600_000), line(400_000)] }),
      outcome: "pass",
      code: "amount_within_cap",
    },
    {
      name: "expenses above €10,000",
      request: requestOf("incurred-expenses", { lines: [line(600_000), line(400_001)] }),
      outcome: "fail",
      code: "expenses_total_above_cap",
    },
    {
      name: "an aid of €1,500",
      request: requestOf("emergency-aid", { requestedAmountCents: 150_000 }),
      outcome: "pass",
      code: "amount_within_cap",
    },
    {
      name: "an aid above €1,500",
      request: requestOf("emergency-aid", { requestedAmountCents: 150_001 }),
      outcome: "fail",
      code: "aid_above_cap",
    },
    {
      name: "a loan inside the ranges",
      request: requestOf("relaunch-loan"),
      outcome: "pass",
      code: "loan_terms_ok",
    },
    {
      name: "a loan of €25,000.01",
      request: requestOf("relaunch-loan", { amountCents: 2_500_001 }),
      outcome: "fail",
      code: "loan_amount_out_of_range",
    },
    {
      name: "a loan over 5 months",
      request: requestOf("relaunch-loan", { termMonths: 5 }),
      outcome: "fail",
      code: "loan_term_out_of_range",
    },
    {
      name: "a loan with 7 months of grace",
      request: requestOf("relaunch-loan", { graceMonths: 7 }),
      outcome: "fail",
      code: "loan_grace_out_of_range",
    },
  ])("gives $outcome ($code) for $name", ({ request, outcome, code }) => {
    // Act
    const result = amountCap.run(request, context());

    // Assess
    expect(result).toMatchObject({ check: "amount-cap", outcome, reason: { code } });
  });
});

describe("the daily cap counts hours and cachets as they are paid", () => {
  type Day = { date: string; hours?: number; cachets?: number };
  type CapRow = { name: string; workDays: Day[]; grossAmountCents: number; outcome: string };
  const withPlan = (workDay: { hoursPerDay: number; daysPerCachet: number }) =>
    context({
      plan: loadPlanConfig({ types: { "cancelled-contract": { workDay } } }),
    });
  const rows = (ctx: CheckContext, table: CapRow[]) => table.map((row) => ({ ...row, ctx }));

  it.each([
    ...rows(context(), [
      {
        name: "a day of 2 hours at €150",
        workDays: [{ date: "2020-04-01", hours: 2 }],
        grossAmountCents: 15_000,
        outcome: "pass",
      },
      {
        name: "a day of 2 hours at €150.01",
        workDays: [{ date: "2020-04-01", hours: 2 }],
        grossAmountCents: 15_001,
        outcome: "warn",
      },
      {
        name: "a day of 8 hours at €600",
        workDays: [{ date: "2020-04-01", hours: 8 }],
        grossAmountCents: 60_000,
        outcome: "pass",
      },
      {
        name: "a day of 10 hours at €750",
        workDays: [{ date: "2020-04-01", hours: 10 }],
        grossAmountCents: 75_000,
        outcome: "pass",
      },
      {
        name: "a day of 10 hours at €750.01",
        workDays: [{ date: "2020-04-01", hours: 10 }],
        grossAmountCents: 75_001,
        outcome: "warn",
      },
      {
        name: "3 cachets at €1,800",
        workDays: [{ date: "2020-04-01", cachets: 3 }],
        grossAmountCents: 180_000,
        outcome: "pass",
      },
      {
        name: "3 cachets at €1,800.01",
        workDays: [{ date: "2020-04-01", cachets: 3 }],
        grossAmountCents: 180_001,
        outcome: "warn",
      },
      {
        name: "a full day and 4 hours at €900",
        workDays: [{ date: "2020-04-01" }, { date: "2020-04-02", hours: 4 }],
        grossAmountCents: 90_000,
        outcome: "pass",
      },
      {
        name: "a full day and 4 hours at €900.01",
        workDays: [{ date: "2020-04-01" }, { date: "2020-04-02", hours: 4 }],
        grossAmountCents: 90_001,
        outcome: "warn",
      },
    ]),
    ...rows(withPlan({ hoursPerDay: 10, daysPerCachet: 0.5 }), [
      {
        name: "5 hours of a 10-hour day at €300",
        workDays: [{ date: "2020-04-01", hours: 5 }],
        grossAmountCents: 30_000,
        outcome: "pass",
      },
      {
        name: "5 hours of a 10-hour day at €300.01",
        workDays: [{ date: "2020-04-01", hours: 5 }],
        grossAmountCents: 30_001,
        outcome: "warn",
      },
      {
        name: "3 half-day cachets at €900",
        workDays: [{ date: "2020-04-01", cachets: 3 }],
        grossAmountCents: 90_000,
        outcome: "pass",
      },
      {
        name: "3 half-day cachets at €900.01",
        workDays: [{ date: "2020-04-01", cachets: 3 }],
        grossAmountCents: 90_001,
        outcome: "warn",
      },
    ]),
  ])("$outcome for $name", ({ workDays, grossAmountCents, outcome, ctx }) => {
    // Act
    const result = amountCap.run(
      requestOf("cancelled-contract", { workDays, grossAmountCents }),
      ctx,
    );

    // Assess
    expect(result).toMatchObject({ check: "amount-cap", outcome });
  });

  it("says the daily amount and the days the work is worth", () => {
    // Act
    const result = amountCap.run(
      requestOf("cancelled-contract", {
        workDays: [
          { date: "2020-04-01" },
          { date: "2020-04-02", hours: 2 },
          { date: "2020-04-03", cachets: 2 },
        ],
        grossAmountCents: 195_000,
      }),
      context(),
    );

    // Assess: 1 + 0.25 + 2 days
    expect(result.reason.params).toEqual({ dailyCents: 60_000, capCents: 60_000, days: 3.25 });
  });
});

describe("the unusual-amount check", () => {
  it.each<Row>([
    {
      name: "an aid at the usual maximum",
      request: requestOf("emergency-aid", { requestedAmountCents: 80_000 }),
      outcome: "pass",
      code: "amount_usual",
    },
    {
      name: "an aid above it",
      request: requestOf("emergency-aid", { requestedAmountCents: 80_001 }),
      outcome: "warn",
      code: "amount_unusual",
    },
    {
      name: "expenses summing above it",
      request: requestOf("incurred-expenses", { lines: [line(150_000), line(50_001)] }),
      outcome: "warn",
      code: "amount_unusual",
    },
    {
      name: "a usual loan",
      request: requestOf("relaunch-loan"),
      outcome: "pass",
      code: "amount_usual",
    },
  ])("gives $outcome ($code) for $name", ({ request, outcome, code }) => {
    // Act
    const result = unusualAmount.run(request, context());

    // Assess
    expect(result).toMatchObject({ check: "unusual-amount", outcome, reason: { code } });
  });
});

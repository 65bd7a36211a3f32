import { describe, expect, it } from "vitest";
import type { RequestBody } from "../../../packages/core/src/request-view/schemas";
import { cancellationDate } from "../../../packages/core/src/requests/checks/cancellation-date";
import { expenseDates } from "../../../packages/core/src/requests/checks/expense-dates";
import { workDates } from "../../../packages/core/src/requests/checks/work-dates";
import { context, docA, requestOf } from "../fixtures";

type Row = { name: string; request: RequestBody; outcome: string; code: string };
const contract = (changes: Partial<ReturnType<typeof requestOf<"cancelled-contract">>>) =>
  requestOf("cancelled-contract", changes);
const expenses = (dates: string[]) =>
  requestOf("incurred-expenses", {
    lines: dates.map((date) => ({
      date,
      description: "Fabric",
      amountCents: 100,
      documentId: docA,
    })),
  });

describe.each([
  {
    check: cancellationDate,
    rows: [
      {
        name: "a cancellation on the crisis start",
        request: contract({ cancellationDate: "2020-03-01" }),
        outcome: "pass",
        code: "cancellation_date_ok",
      },
      {
        name: "a cancellation the day before",
        request: contract({ cancellationDate: "2020-02-29" }),
        outcome: "fail",
        code: "cancellation_before_crisis",
      },
      {
        name: "a cancellation tomorrow",
        request: contract({ cancellationDate: "2020-04-16" }),
        outcome: "fail",
        code: "cancellation_in_future",
      },
      {
        name: "expenses cancelled before the crisis",
        request: { ...expenses(["2020-01-10"]), cancellationDate: "2020-02-01" },
        outcome: "fail",
        code: "cancellation_before_crisis",
      },
    ] as Row[],
  },
  {
    check: workDates,
    rows: [
      {
        name: "days inside the window",
        request: contract({}),
        outcome: "pass",
        code: "work_dates_ok",
      },
      {
        name: "the window's last day",
        request: contract({ workDays: [{ date: "2021-12-31" }] }),
        outcome: "pass",
        code: "work_dates_ok",
      },
      {
        name: "a day after the window",
        request: contract({ workDays: [{ date: "2020-03-20" }, { date: "2022-01-01" }] }),
        outcome: "fail",
        code: "work_date_outside_window",
      },
      {
        name: "a day before the window",
        request: contract({ workDays: [{ date: "2020-02-28" }] }),
        outcome: "fail",
        code: "work_date_outside_window",
      },
      {
        name: "a day before the cancellation",
        request: contract({ workDays: [{ date: "2020-03-10" }] }),
        outcome: "warn",
        code: "work_date_before_cancellation",
      },
    ] as Row[],
  },
  {
    check: expenseDates,
    rows: [
      {
        name: "receipts before the cancellation",
        request: expenses(["2020-03-01", "2020-03-19"]),
        outcome: "pass",
        code: "expense_dates_ok",
      },
      {
        name: "a receipt the day before the cancellation",
        request: expenses(["2020-03-19"]),
        outcome: "pass",
        code: "expense_dates_ok",
      },
      {
        name: "a receipt on the cancellation day",
        request: expenses(["2020-03-20"]),
        outcome: "fail",
        code: "expense_after_cancellation",
      },
      {
        name: "a receipt after the cancellation",
        request: expenses(["2020-03-01", "2020-03-21"]),
        outcome: "fail",
        code: "expense_after_cancellation",
      },
    ] as Row[],
  },
])("the $check.name check", ({ check, rows }) => {
  it.each(rows)("gives $outcome ($code) for $name", ({ request, outcome, code }) => {
    // Act
    const result = check.run(request, context());

    // Assess
    expect(result).toMatchObject({ check: check.name, outcome, reason: { code } });
  });
});

it("names the line of the late receipt", () => {
  // Act
  const result = expenseDates.run(expenses(["2020-03-01", "2020-03-21"]), context());

  // Assess
  expect(result.reason.params).toEqual({
    line: 2,
    date: "2020-03-21",
    cancellationDate: "2020-03-20",
  });
});

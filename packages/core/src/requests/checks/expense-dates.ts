import { type Check, resultsOf } from "./context";

const { pass, fail } = resultsOf("expense-dates");

/**
 * Every receipt is dated strictly before the cancellation (§2): money spent on the day of the
 * cancellation or afterwards was not lost to it.
 */
export const expenseDates: Check = {
  name: "expense-dates",
  appliesTo: ["incurred-expenses"],
  run(request) {
    if (request.type !== "incurred-expenses") return pass("expense_dates_ok");
    const index = request.lines.findIndex((line) => line.date >= request.cancellationDate);
    const line = request.lines[index];
    if (line) {
      return fail("expense_after_cancellation", {
        line: index + 1,
        date: line.date,
        cancellationDate: request.cancellationDate,
      });
    }
    return pass("expense_dates_ok", { count: request.lines.length });
  },
};

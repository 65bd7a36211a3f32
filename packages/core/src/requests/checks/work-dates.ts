import { type Check, resultsOf } from "./context";

const { pass, warn, fail } = resultsOf("work-dates");

/**
 * Every planned work day lies inside the plan window. A day before the cancellation would
 * have been worked (and paid) already: a warning, since a cancellation may be backdated.
 */
export const workDates: Check = {
  name: "work-dates",
  appliesTo: ["cancelled-contract"],
  run(request, { plan }) {
    if (request.type !== "cancelled-contract") return pass("work_dates_ok");
    const dates = request.workDays.map((d) => d.date).sort();
    const { from, to } = plan.planWindow;
    const outside = dates.find((date) => date < from || date > to);
    if (outside)
      return fail("work_date_outside_window", { date: outside, fromDate: from, toDate: to });
    const early = dates.find((date) => date < request.cancellationDate);
    if (early) {
      return warn("work_date_before_cancellation", {
        date: early,
        cancellationDate: request.cancellationDate,
      });
    }
    return pass("work_dates_ok", { count: dates.length });
  },
};

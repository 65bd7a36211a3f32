import { type Check, resultsOf } from "./context";

const { pass, fail } = resultsOf("cancellation-date");

/** Cancelled on or after the crisis start, and not in the future. */
export const cancellationDate: Check = {
  name: "cancellation-date",
  appliesTo: ["cancelled-contract", "incurred-expenses"],
  run(request, { plan, today }) {
    if (!("cancellationDate" in request)) return pass("cancellation_date_ok");
    const { cancellationDate } = request;
    if (cancellationDate < plan.crisisStart) {
      return fail("cancellation_before_crisis", { cancellationDate, crisisDate: plan.crisisStart });
    }
    if (cancellationDate > today) return fail("cancellation_in_future", { cancellationDate });
    return pass("cancellation_date_ok", { cancellationDate });
  },
};

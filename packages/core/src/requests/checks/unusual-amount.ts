import { requestAmountCents } from "../amount";
import { allTypes, type Check, resultsOf } from "./context";

const { pass, warn } = resultsOf("unusual-amount");

/** Risk flag: an amount above the type's usual range (the plan's `usualMaxCents`). */
export const unusualAmount: Check = {
  name: "unusual-amount",
  appliesTo: allTypes,
  run(request, ctx) {
    const amountCents = requestAmountCents(request);
    const usualMaxCents = ctx.plan.types[request.type].usualMaxCents;
    const params = { amountCents, usualMaxCents };
    return amountCents > usualMaxCents
      ? warn("amount_unusual", params)
      : pass("amount_usual", params);
  },
};

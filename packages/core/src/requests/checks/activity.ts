import { activityIdOf, isWithoutActivity } from "../activity-of";
import { type Check, resultsOf } from "./context";

const { pass, fail } = resultsOf("activity");

/**
 * The activity exists and the member works in it (loans: "the activity is the member's"). A
 * member who invoices through the cooperative without an Activity has none to check.
 */
export const activity: Check = {
  name: "activity",
  appliesTo: ["cancelled-contract", "incurred-expenses", "relaunch-loan"],
  run(request, ctx) {
    if (isWithoutActivity(request)) return pass("activity_none");
    const activityId = activityIdOf(request) ?? "";
    if (!ctx.activity) return fail("activity_unknown", { activityId });
    if (!ctx.activity.memberNumbers.includes(request.memberNumber)) {
      return fail("activity_not_member", { activityId, memberNumber: request.memberNumber });
    }
    return pass("activity_member", { activityId });
  },
};

import { allTypes, type Check, resultsOf } from "./context";

const { pass, warn } = resultsOf("earlier-rejection");

/** Risk flag: the member had a request rejected before. */
export const earlierRejection: Check = {
  name: "earlier-rejection",
  appliesTo: allTypes,
  run(request, ctx) {
    const rejected = ctx.otherRequests.filter(
      (r) =>
        r.status === "rejected" &&
        r.memberNumber === request.memberNumber &&
        r.id !== ctx.requestId,
    );
    if (rejected.length === 0) return pass("no_earlier_rejection");
    return warn("earlier_rejection", { count: rejected.length });
  },
};

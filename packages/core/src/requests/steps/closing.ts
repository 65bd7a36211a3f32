import type { Step } from "../../engine/definition";
import { asRequest } from "../record";
import type { StepTools } from "./tools";

/** Closing: a request that ends without a payout says how, and its member is told why. */
export function closingSteps(t: StepTools): Record<string, Step> {
  return {
    "notify-rejected": async (d, ctx) => {
      const data = asRequest(d);
      await t.toMember(ctx, data, "request-rejected", {
        ...t.statusLink(ctx.executionId),
        type: data.request.type,
        reason: data.rejection?.reason ?? "",
      });
      return { data: { status: "rejected" }, events: [{ type: "Rejected" }] };
    },

    // No email: the member withdrew it themselves from the status page, which shows the event.
    "record-withdrawal": async () => ({
      data: { status: "withdrawn" },
      events: [{ type: "Withdrawn" }],
    }),

    "notify-expired": async (d, ctx) => {
      const data = asRequest(d);
      await t.toMember(ctx, data, "request-expired", {
        ...t.statusLink(ctx.executionId),
        type: data.request.type,
        cause: "no-answer",
      });
      return { data: { status: "expired" }, events: [{ type: "Expired" }] };
    },
  };
}

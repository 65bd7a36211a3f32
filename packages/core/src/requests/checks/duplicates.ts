import type { CheckResult } from "../../request-view/reasons";
import type { RequestOf } from "../../request-view/schemas";
import { endedWithoutGrant, grantedStatuses } from "../request-types";
import {
  addDays,
  allTypes,
  type Check,
  type CheckContext,
  type RequestSummary,
  resultsOf,
} from "./context";

const { pass, warn, fail } = resultsOf("duplicates");

/** "Théâtre  de la Ville" and "theatre de la ville" are one client. */
export function sameClient(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return a !== undefined && b !== undefined && norm(a) === norm(b);
}

/** Requests that still claim something: not rejected, withdrawn nor expired, and not this one. */
const claiming = (ctx: CheckContext, type: RequestSummary["type"]) =>
  ctx.otherRequests.filter(
    (r) => r.type === type && r.id !== ctx.requestId && !endedWithoutGrant.includes(r.status),
  );

function overlappingClaim(
  request: RequestOf<"cancelled-contract">,
  ctx: CheckContext,
): CheckResult {
  const dates = new Set(request.workDays.map((d) => d.date));
  for (const other of claiming(ctx, "cancelled-contract")) {
    if (other.memberNumber !== request.memberNumber) continue;
    if (!sameClient(other.clientName, request.client.name)) continue;
    const shared = (other.workDays ?? []).filter((date) => dates.has(date)).sort();
    if (shared.length > 0) {
      return fail("overlapping_claim", {
        requestId: other.id,
        date: shared[0] ?? "",
        count: shared.length,
      });
    }
  }
  return pass("no_duplicate");
}

function sameOrder(request: RequestOf<"incurred-expenses">, ctx: CheckContext): CheckResult {
  const other = claiming(ctx, "incurred-expenses").find(
    (r) =>
      r.memberNumber === request.memberNumber &&
      sameClient(r.clientName, request.client.name) &&
      sameClient(r.orderReference, request.orderReference),
  );
  return other
    ? fail("duplicate_order", { requestId: other.id, orderReference: request.orderReference })
    : pass("no_duplicate");
}

/** At most one granted aid per member per period; one still pending is the approvers' call. */
function recentAid(request: RequestOf<"emergency-aid">, ctx: CheckContext): CheckResult {
  const periodDays = Math.ceil(ctx.plan.types["emergency-aid"].periodSeconds / 86_400);
  const aids = claiming(ctx, "emergency-aid").filter(
    (r) => r.memberNumber === request.memberNumber,
  );
  for (const aid of aids) {
    const grantedAt = aid.grantedAt ?? aid.decidedAt;
    if (!grantedStatuses.includes(aid.status) || !grantedAt) continue;
    const nextDate = addDays(grantedAt, periodDays);
    if (nextDate > ctx.today) {
      return fail("aid_granted_recently", { grantedDate: grantedAt.slice(0, 10), nextDate });
    }
  }
  const pending = aids.find((r) => !grantedStatuses.includes(r.status));
  return pending ? warn("aid_pending", { requestId: pending.id }) : pass("no_duplicate");
}

/** One open loan per activity, whoever in the activity asked for it. */
function openLoan(request: RequestOf<"relaunch-loan">, ctx: CheckContext): CheckResult {
  const other = claiming(ctx, "relaunch-loan").find(
    (r) => r.activityId === request.activityId && r.status !== "repaid",
  );
  return other
    ? fail("open_loan", { requestId: other.id, activityId: request.activityId })
    : pass("no_duplicate");
}

/** The duplicates of §2, by type. */
export const duplicates: Check = {
  name: "duplicates",
  appliesTo: allTypes,
  run(request, ctx) {
    switch (request.type) {
      case "cancelled-contract":
        return overlappingClaim(request, ctx);
      case "incurred-expenses":
        return sameOrder(request, ctx);
      case "emergency-aid":
        return recentAid(request, ctx);
      case "relaunch-loan":
        return openLoan(request, ctx);
      // A project is judged on its own by the committee; members may carry several.
      case "initiative-support":
        return pass("no_duplicate");
    }
  },
};

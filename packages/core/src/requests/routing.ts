import type { PlanConfig } from "../plan/config";
import { isWithoutActivity } from "./activity-of";
import { requestAmountCents } from "./amount";
import type { ActivityRecord } from "./checks/context";
import type { ApproverGroup } from "./request-types";
import type { RequestBody } from "./schemas";

/** A committee of §4 (set with `committees set <solidarity|credit>`). */
export interface Committee {
  members: string[];
  backups: string[];
}

export interface RoutingInput {
  request: RequestBody;
  /** The member's email in the register, when it differs from the request's. */
  memberEmail?: string;
  /** The request's activity (types approved by activity administrators). */
  activity?: ActivityRecord;
  committees: { solidarity?: Committee; credit?: Committee };
  plan: PlanConfig;
  /** The amount to decide on, when not the requested one (e.g. after a lower approval). */
  amountCents?: number;
}

interface RoutingBase {
  group: ApproverGroup;
  /** Who is asked to decide, lowercased, distinct, never the member. */
  approvers: string[];
  /** Who is asked when the approvers do not answer (escalation, §4), never an approver. */
  backups: string[];
  /** Distinct approvals needed: two above the type's threshold, and always for loans. */
  requiredApprovals: 1 | 2;
}

export type Routing =
  | ({ status: "routed" } & RoutingBase)
  | ({
      /** Fewer eligible people than approvals required: operations must step in. */
      status: "needs-operations";
      reason: { code: "not_enough_approvers"; params: { eligible: number; required: number } };
    } & RoutingBase);

function candidates(input: RoutingInput, group: ApproverGroup): Committee {
  switch (group) {
    case "activity-administrators":
      return {
        members: input.activity?.administrators ?? [],
        backups: input.activity?.backupAdministrators ?? [],
      };
    case "solidarity-committee":
      return input.committees.solidarity ?? { members: [], backups: [] };
    case "credit-committee":
      return input.committees.credit ?? { members: [], backups: [] };
  }
}

/**
 * Who decides a request (§4): the approver group of its type (for a cancelled contract or
 * incurred expenses without an Activity, the group the plan names [solidarity committee]), minus the member themself,
 * with two distinct approvals above the type's four-eyes threshold. When the group has too
 * few eligible members, backups are promoted first (four eyes beat waiting); if that is not
 * enough, the answer is `needs-operations` so the workflow can route to operations.
 *
 * @example
 * const routing = routeApproval({ request, activity, committees, plan: planConfig });
 * if (routing.status === "needs-operations") // notify operations with routing.reason
 */
export function routeApproval(input: RoutingInput): Routing {
  const typePlan = input.plan.types[input.request.type];
  const amount = input.amountCents ?? requestAmountCents(input.request);
  const threshold = typePlan.fourEyesAboveCents;
  const requiredApprovals: 1 | 2 = threshold === "always" || amount > threshold ? 2 : 1;

  const norm = (email: string) => email.trim().toLowerCase();
  const excluded = new Set([input.request.email, input.memberEmail ?? ""].map(norm));
  const eligible = (emails: string[]) => {
    const out: string[] = [];
    for (const email of emails.map(norm)) {
      if (email && !excluded.has(email) && !out.includes(email)) out.push(email);
    }
    return out;
  };

  const group =
    isWithoutActivity(input.request) && "approversWithoutActivity" in typePlan
      ? typePlan.approversWithoutActivity
      : typePlan.approvers;
  const pool = candidates(input, group);
  const approvers = eligible(pool.members);
  let backups = eligible(pool.backups).filter((b) => !approvers.includes(b));
  while (approvers.length < requiredApprovals && backups.length > 0) {
    approvers.push(backups[0]!);
    backups = backups.slice(1);
  }

  const base = { group, approvers, backups, requiredApprovals };
  if (approvers.length >= requiredApprovals) return { status: "routed", ...base };
  return {
    status: "needs-operations",
    reason: {
      code: "not_enough_approvers",
      params: { eligible: approvers.length, required: requiredApprovals },
    },
    ...base,
  };
}

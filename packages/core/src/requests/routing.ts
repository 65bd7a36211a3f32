import { committeeOfGroup, requiredApprovalsOf } from "../plan/approvals";
import type { PlanConfig } from "../plan/config";
import type { RequestBody } from "../request-view/schemas";
import { isWithoutActivity } from "./activity-of";
import { requestAmountCents } from "./amount";
import type { ActivityRecord } from "./checks/context";
import type { ApproverGroup } from "./request-types";

/** A committee of §4 (set with `committees set <name>`). */
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
  /** The plan's committees by name, as set (those the request's group may name). */
  committees: Partial<Record<string, Committee>>;
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
  /** Distinct approvals needed, by the type's approval policy (a committee vote: its chair's one). */
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
  const committee = committeeOfGroup(group, input.plan.committees);
  if (committee === null)
    return {
      members: input.activity?.administrators ?? [],
      backups: input.activity?.backupAdministrators ?? [],
    };
  return (committee && input.committees[committee]) || { members: [], backups: [] };
}

/** The group that decides a request: its type's, or the plan's for a contract without Activity. */
export function approverGroupOf(request: RequestBody, plan: PlanConfig): ApproverGroup {
  const policy = plan.types[request.type].approval;
  if (policy.kind === "committee-vote") return `${policy.committee}-committee`;
  const typePlan = plan.types[request.type];
  return isWithoutActivity(request) && "approversWithoutActivity" in typePlan
    ? typePlan.approversWithoutActivity
    : typePlan.approvers;
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
  const requiredApprovals = requiredApprovalsOf(typePlan.approval, amount);

  const norm = (email: string) => email.trim().toLowerCase();
  // Nobody decides on a request they are part of: a project's co-applicants neither.
  const coApplicants = "coApplicants" in input.request ? (input.request.coApplicants ?? []) : [];
  const excluded = new Set(
    [input.request.email, input.memberEmail ?? "", ...coApplicants.map((c) => c.email)].map(norm),
  );
  const eligible = (emails: string[]) => {
    const out: string[] = [];
    for (const email of emails.map(norm)) {
      if (email && !excluded.has(email) && !out.includes(email)) out.push(email);
    }
    return out;
  };

  const group = approverGroupOf(input.request, input.plan);
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

import { indexes, keys } from "../db/layout";
import { queryItems } from "../db/query";
import { readItem } from "../db/records";
import type { Deps } from "../deps";
import { executionsInStatus } from "../engine/operations";
import { ConflictError } from "../errors";
import { type PlanConfig, planConfig } from "../plan/config";
import type { RequestData } from "../requests/record";
import { type ErasureReport, eraseMember } from "./erase";

export const SCHEDULED_ERASURE = "scheduled erasure";

/**
 * The scheduled erasure (§10): every member whose last request ended longer ago than the plan's
 * retention and who has none open, and the payout fields kept for accounting whose retention
 * has passed. A member with a request open is skipped, for a later run.
 */
export async function eraseDue(
  deps: Deps,
  workflows: string[],
  plan: PlanConfig = planConfig,
): Promise<ErasureReport[]> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - plan.erasure.retentionSeconds * 1000).toISOString();
  const lastEnded = new Map<string, string>();
  for (const workflow of workflows) {
    for await (const execution of executionsInStatus(deps, workflow, "succeeded")) {
      const memberNumber = (execution.data as RequestData | undefined)?.request?.memberNumber;
      if (!memberNumber) continue;
      if ((lastEnded.get(memberNumber) ?? "") < execution.updatedAt)
        lastEnded.set(memberNumber, execution.updatedAt);
    }
  }
  const due = new Set<string>();
  for (const [memberNumber, at] of lastEnded) {
    if (at > cutoff) continue;
    const member = await readItem(deps, keys.member(memberNumber));
    if (!member?.erased) due.add(memberNumber);
  }
  for await (const kept of queryItems(deps, {
    IndexName: indexes.byStatus.name,
    KeyConditionExpression: "#pk = :pk AND #sk <= :now",
    ExpressionAttributeNames: { "#pk": indexes.byStatus.pk, "#sk": indexes.byStatus.sk },
    ExpressionAttributeValues: {
      ":pk": keys.erasureKeptPartition(),
      ":now": `${now.toISOString()}#~`,
    },
  })) {
    if (String(kept.until) <= now.toISOString()) due.add(String(kept.memberNumber));
  }
  const reports: ErasureReport[] = [];
  for (const memberNumber of due) {
    try {
      reports.push(await eraseMember(deps, memberNumber, { by: SCHEDULED_ERASURE, plan }));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return reports;
}

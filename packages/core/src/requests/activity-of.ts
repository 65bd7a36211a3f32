import { getActivity } from "../activities/register";
import { type CommitteeName, getCommittee } from "../committees/committee";
import type { Deps } from "../deps";
import type { StepContext } from "../engine/definition";
import { getMember, getMemberWithRequests } from "../members/register";
import type { RequestBody } from "../request-view/schemas";

/**
 * The Activity a request is made in, if any: emergency aid has none, and a cancelled contract or
 * incurred expenses of a member who invoices through the cooperative without one have none either.
 */
export function activityIdOf(request: RequestBody): string | undefined {
  return "activityId" in request ? request.activityId : undefined;
}

/** A member who invoices through the cooperative without an Activity (occasional freelancer, §2). */
export function isWithoutActivity(request: RequestBody): boolean {
  return "withoutActivity" in request && request.withoutActivity === true;
}

/** The register's record of the request's Activity; undefined without one or when unknown. */
export async function activityOf(deps: Deps, request: RequestBody) {
  const activityId = activityIdOf(request);
  return activityId === undefined ? undefined : getActivity(deps, activityId);
}

/** The member's register entry, read once for the states one invocation runs (StepContext.read). */
export const memberOnce = (deps: Deps, read: StepContext["read"], memberNumber: string) =>
  read(`member#${memberNumber}`, () => getMember(deps, memberNumber));

/**
 * The member's register entry with their requests' summaries, in one read; the entry is kept
 * for the states that follow in the invocation (as {@link memberOnce} reads it).
 */
export async function memberWithRequestsOnce(
  deps: Deps,
  read: StepContext["read"],
  memberNumber: string,
) {
  const found = await getMemberWithRequests(deps, memberNumber);
  const member = await read(`member#${memberNumber}`, async () => found.member);
  return { member, requests: found.requests };
}

/** A committee's register entry, read once for the states one invocation runs (StepContext.read). */
export const committeeOnce = (deps: Deps, read: StepContext["read"], name: CommitteeName) =>
  read(`committee#${name}`, () => getCommittee(deps, name));

/** The request's Activity, read once for the states one invocation runs (StepContext.read). */
export const activityOnce = (deps: Deps, read: StepContext["read"], request: RequestBody) =>
  read(`activity#${activityIdOf(request) ?? "-"}`, () => activityOf(deps, request));

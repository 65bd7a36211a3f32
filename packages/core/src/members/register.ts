import { keys } from "../db/layout";
import { collect, queryItems } from "../db/query";
import { readItem, type UpsertOutcome, upsertRecord } from "../db/records";
import type { Deps } from "../deps";
import { ConflictError } from "../errors";
import { Member } from "./member";

/** The member with this number, or undefined if the register does not know them. */
export async function getMember(deps: Deps, memberNumber: string): Promise<Member | undefined> {
  return memberOf(await readItem(deps, keys.member(memberNumber)));
}

/** The member a stored register item holds, if any. */
export function memberOf(item: Record<string, unknown> | undefined): Member | undefined {
  // An erased member leaves a tombstone without personal data: unknown to everyone after.
  return item && !item.erased ? Member.parse(item) : undefined;
}

/**
 * The member and the summaries of their requests (`keys.memberRequest`), in one consistent
 * Query of their partition instead of a GetItem and a Query.
 */
export async function getMemberWithRequests(deps: Deps, memberNumber: string) {
  const { pk, from, to } = keys.memberWithRequests(memberNumber);
  const items = await collect(
    queryItems(deps, {
      KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
      ExpressionAttributeValues: { ":pk": pk, ":from": from, ":to": to },
      ConsistentRead: true,
    }),
  );
  const { sk } = keys.member(memberNumber);
  const { skPrefix } = keys.memberRequestPrefix(memberNumber);
  return {
    member: memberOf(items.find((i) => i.sk === sk)),
    requests: items.filter((i) => String(i.sk).startsWith(skPrefix)),
  };
}

/**
 * Creates or replaces a member, keyed by member number.
 * @returns what it did (`created`, `updated`, `unchanged`); with `dryRun`, what it would do.
 */
export async function upsertMember(
  deps: Deps,
  member: Member,
  options: { dryRun?: boolean } = {},
): Promise<UpsertOutcome> {
  return upsertRecord(deps, {
    key: keys.member(member.memberNumber),
    kind: "member",
    label: member.memberNumber,
    data: member,
    dryRun: options.dryRun,
    // An erasure is for good: a register export that still lists the member must not bring
    // their data back (a member who comes back joins again under a new number).
    refuse: (current) =>
      current.erased
        ? new ConflictError(
            "member.erased",
            `member ${member.memberNumber} was erased on ${String(current.erasedAt).slice(0, 10)}: their data is not taken in again (a member who comes back gets a new number)`,
          )
        : undefined,
  });
}

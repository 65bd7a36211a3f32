import { keys } from "../db/layout";
import { readItem, type UpsertOutcome, upsertRecord } from "../db/records";
import type { Deps } from "../deps";
import { Member } from "./member";

/** The member with this number, or undefined if the register does not know them. */
export async function getMember(deps: Deps, memberNumber: string): Promise<Member | undefined> {
  const item = await readItem(deps, keys.member(memberNumber));
  // An erased member leaves a tombstone without personal data: unknown to everyone after.
  return item && !item.erased ? Member.parse(item) : undefined;
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
  });
}

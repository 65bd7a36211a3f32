import { z } from "zod";
import { parseAddress, setLanguages } from "../contacts/language";
import { keys } from "../db/layout";
import { readItem, type UpsertOutcome, upsertRecord } from "../db/records";
import type { Deps } from "../deps";
import { ValidationError } from "../errors";
import type { Language } from "../i18n/language";
import { distinctEmails } from "../members/fields";

export const CommitteeName = z.enum(["solidarity", "credit", "moderators", "initiatives"], {
  error: "must be solidarity, credit, moderators or initiatives",
});
export type CommitteeName = z.infer<typeof CommitteeName>;

/** Loans always need two distinct approvers (spec §2), so the credit committee needs two members. */
const MIN_MEMBERS: Record<CommitteeName, number> = {
  solidarity: 1,
  credit: 2,
  moderators: 1,
  initiatives: 1,
};

/** A committee that approves requests (or, the moderators, decides on reported board posts): its members, and backups who take over on escalation. */
export const Committee = z
  .object({ committee: CommitteeName, members: distinctEmails(), backups: distinctEmails() })
  .superRefine((committee, ctx) => {
    const min = MIN_MEMBERS[committee.committee];
    if (committee.members.length < min) {
      ctx.addIssue({
        code: "custom",
        path: ["members"],
        message: `the ${committee.committee} committee needs at least ${min} member${min > 1 ? "s" : ""}`,
      });
    }
    for (const email of committee.backups) {
      if (committee.members.includes(email)) {
        ctx.addIssue({
          code: "custom",
          path: ["backups"],
          message: `${email} is already a member`,
        });
      }
    }
  });
export type Committee = z.infer<typeof Committee>;

/** The committee, or undefined if it was never set. */
export async function getCommittee(
  deps: Deps,
  name: CommitteeName,
): Promise<Committee | undefined> {
  const item = await readItem(deps, keys.committee(name));
  return item ? Committee.parse(item) : undefined;
}

/**
 * Replaces a committee's members and backups.
 * @throws ValidationError naming each bad field (unknown committee, bad or repeated email…).
 */
export async function setCommittee(
  deps: Deps,
  input: z.input<typeof Committee>,
  options: { dryRun?: boolean } = {},
): Promise<{ committee: Committee; outcome: UpsertOutcome }> {
  const parsed = Committee.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({
        path: i.path.join("."),
        code: i.code,
        message: i.message,
      })),
    );
  }
  const committee = parsed.data;
  const outcome = await upsertRecord(deps, {
    key: keys.committee(committee.committee),
    kind: "committee",
    label: committee.committee,
    data: committee,
    dryRun: options.dryRun,
  });
  return { committee, outcome };
}

/**
 * `committees set`: members and backups as typed (`anne@x.be` or `anne@x.be:nl`), `language`
 * for those who give none; the languages go to the contacts register, used by every email.
 */
export async function setCommitteeOf(
  deps: Deps,
  input: { committee: CommitteeName; members: string[]; backups: string[]; language?: Language },
  options: { dryRun?: boolean } = {},
) {
  const withLanguage = (entries: string[]) =>
    entries.map(parseAddress).map((a) => ({ ...a, language: a.language ?? input.language }));
  const members = withLanguage(input.members);
  const backups = withLanguage(input.backups);
  const result = await setCommittee(
    deps,
    {
      committee: input.committee,
      members: members.map((m) => m.email),
      backups: backups.map((b) => b.email),
    },
    options,
  );
  await setLanguages(deps, [...members, ...backups], options);
  return {
    ...result,
    languages: Object.fromEntries(
      [...members, ...backups].map((a) => [a.email.toLowerCase(), a.language ?? null]),
    ),
  };
}

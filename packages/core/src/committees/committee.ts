import * as z from "zod";
import { parseAddress, setLanguages } from "../contacts/language";
import { keys } from "../db/layout";
import { readItem, type UpsertOutcome, upsertRecord } from "../db/records";
import type { Deps } from "../deps";
import { ValidationError } from "../errors";
import type { Language } from "../i18n/language";
import { distinctEmails } from "../members/fields";
import { type PlanConfig, planConfig } from "../plan/config";

/** The names of the plan's committees, in the plan's order. */
export const committeeNamesOf = (plan: PlanConfig = planConfig): string[] =>
  plan.committees.map((c) => c.name);

/** A committee of the plan, by name. */
export const CommitteeName = z.string().refine((name) => committeeNamesOf().includes(name), {
  error: () => `must be a committee of the plan: ${committeeNamesOf().join(", ")}`,
});
export type CommitteeName = z.infer<typeof CommitteeName>;

/** The fewest members the plan lets a committee have (loans need two credit approvers, §2). */
const minMembersOf = (name: string) =>
  planConfig.committees.find((c) => c.name === name)?.minMembers ?? 1;

/** A committee that approves requests (or, the moderators, decides on reported board posts): its members, and backups who take over on escalation. */
export const Committee = z
  .object({ committee: CommitteeName, members: distinctEmails(), backups: distinctEmails() })
  .superRefine((committee, ctx) => {
    const min = minMembersOf(committee.committee);
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

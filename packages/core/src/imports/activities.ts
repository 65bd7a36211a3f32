import type { z } from "zod";
import { Activity } from "../activities/activity";
import { upsertActivity } from "../activities/register";
import { parseAddress, setLanguages } from "../contacts/language";
import type { Deps } from "../deps";
import type { Language } from "../i18n/language";
import { getMember } from "../members/register";
import { splitList } from "./csv";
import type { ImportReport } from "./report";
import { type ImportOptions, type ImportSpec, runImport } from "./run";

/** The columns of an activities import file (spec §9); list cells are separated by `|`. */
export const ACTIVITY_COLUMNS = [
  "activityId",
  "name",
  "memberNumbers",
  "administrators",
  "backupAdministrators",
] as const;

/** An activity line, with the languages its administrators' cells give (`anne@x.be:nl`). */
type ActivityLine = Activity & { languages: { email: string; language?: Language }[] };

export const activityImport: ImportSpec<ActivityLine> = {
  columns: ACTIVITY_COLUMNS,
  keyColumn: "activityId",
  parse: (cells) => {
    const administrators = splitList(cells.administrators).map(parseAddress);
    const backups = splitList(cells.backupAdministrators).map(parseAddress);
    const parsed = Activity.safeParse({
      ...cells,
      memberNumbers: splitList(cells.memberNumbers),
      administrators: administrators.map((a) => a.email),
      backupAdministrators: backups.map((a) => a.email),
    });
    return parsed.success
      ? { ...parsed, data: { ...parsed.data, languages: [...administrators, ...backups] } }
      : (parsed as z.ZodSafeParseResult<ActivityLine>);
  },
  keyOf: (activity) => activity.activityId,
  // Requests check that "the activity is the member's": a mistyped member number would hide it.
  check: async (deps, activity) => {
    const found = await Promise.all(activity.memberNumbers.map((n) => getMember(deps, n)));
    const unknown = activity.memberNumbers.filter((_, i) => !found[i]);
    return unknown.length > 0
      ? `memberNumbers: ${unknown.join(", ")} not in the members register (import the members first)`
      : undefined;
  },
  upsert: async (deps, { languages, ...activity }, options) => {
    const outcome = await upsertActivity(deps, activity, options);
    await setLanguages(deps, languages, options);
    return outcome;
  },
};

/**
 * Imports an activities CSV (`activityId,name,memberNumbers,administrators,backupAdministrators`);
 * an administrator or backup may give the language they read mail in: `anne@x.be:nl`.
 * Upserts by activity id; every listed member must already be in the members register.
 */
export function importActivities(
  deps: Deps,
  content: Uint8Array,
  options?: ImportOptions,
): Promise<ImportReport> {
  return runImport(deps, activityImport, content, options);
}

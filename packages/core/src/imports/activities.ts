import { Activity } from "../activities/activity";
import { upsertActivity } from "../activities/register";
import type { Deps } from "../deps";
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

export const activityImport: ImportSpec<Activity> = {
  columns: ACTIVITY_COLUMNS,
  keyColumn: "activityId",
  parse: (cells) =>
    Activity.safeParse({
      ...cells,
      memberNumbers: splitList(cells.memberNumbers),
      administrators: splitList(cells.administrators),
      backupAdministrators: splitList(cells.backupAdministrators),
    }),
  keyOf: (activity) => activity.activityId,
  // Requests check that "the activity is the member's": a mistyped member number would hide it.
  check: async (deps, activity) => {
    const found = await Promise.all(activity.memberNumbers.map((n) => getMember(deps, n)));
    const unknown = activity.memberNumbers.filter((_, i) => !found[i]);
    return unknown.length > 0
      ? `memberNumbers: ${unknown.join(", ")} not in the members register (import the members first)`
      : undefined;
  },
  upsert: (deps, activity, options) => upsertActivity(deps, activity, options),
};

/**
 * Imports an activities CSV (`activityId,name,memberNumbers,administrators,backupAdministrators`),
 * upserting by activity id; every listed member must already be in the members register.
 */
export function importActivities(
  deps: Deps,
  content: Uint8Array,
  options?: ImportOptions,
): Promise<ImportReport> {
  return runImport(deps, activityImport, content, options);
}

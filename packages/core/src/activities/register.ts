import { keys } from "../db/layout";
import { readItem, type UpsertOutcome, upsertRecord } from "../db/records";
import type { Deps } from "../deps";
import { Activity } from "./activity";

/** The activity with this id, or undefined. */
export async function getActivity(deps: Deps, activityId: string): Promise<Activity | undefined> {
  const item = await readItem(deps, keys.activity(activityId));
  return item ? Activity.parse(item) : undefined;
}

/**
 * Creates or replaces an activity, keyed by its id.
 * @returns what it did (`created`, `updated`, `unchanged`); with `dryRun`, what it would do.
 */
export async function upsertActivity(
  deps: Deps,
  activity: Activity,
  options: { dryRun?: boolean } = {},
): Promise<UpsertOutcome> {
  return upsertRecord(deps, {
    key: keys.activity(activity.activityId),
    kind: "activity",
    label: activity.activityId,
    data: activity,
    dryRun: options.dryRun,
  });
}

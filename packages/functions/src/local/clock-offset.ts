import { getItem, updateItem } from "@entraide/core/db/items";
import { keys } from "@entraide/core/db/layout";
import type { Deps } from "@entraide/core/deps";

/**
 * The local stack's clock runs `offsetMs` ahead of real time: `clock advance` adds to it, and the
 * stack reads it to shift its OffsetClock, so due timers fire as if time had passed.
 */
export async function readClockOffset(deps: Deps): Promise<number> {
  const item = await getItem(deps, keys.clock(), { ConsistentRead: true });
  return typeof item?.offsetMs === "number" ? item.offsetMs : 0;
}

/** Adds `ms` to the stored offset (atomic ADD, so concurrent advances add up); returns the new offset. */
export async function advanceClockOffset(deps: Deps, ms: number): Promise<number> {
  const { Attributes } = await updateItem(deps, {
    Key: keys.clock(),
    UpdateExpression: "ADD offsetMs :ms",
    ExpressionAttributeValues: { ":ms": ms },
    ReturnValues: "UPDATED_NEW",
  });
  return Number(Attributes?.offsetMs);
}

import type { OffsetClock } from "@entraide/core/clock";
import type { Deps } from "@entraide/core/deps";
import { readClockOffset } from "./clock-offset";

/**
 * Sets the local clock's offset to the one `entraide clock advance` stored in the table, so
 * timers fire as if that much time had passed. No stored offset means none.
 */
export async function refreshClockOffset(deps: Deps, clock: OffsetClock): Promise<void> {
  clock.offsetMs = await readClockOffset(deps);
}

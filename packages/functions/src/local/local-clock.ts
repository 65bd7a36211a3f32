import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { OffsetClock } from "@entraide/core/clock";
import { keys } from "@entraide/core/db/layout";
import type { Deps } from "@entraide/core/deps";

/**
 * Sets the local clock's offset to the one `entraide clock advance` stored in the table, so
 * timers fire as if that much time had passed. No item means no offset.
 */
export async function refreshClockOffset(deps: Pick<Deps, "config" | "clients">, clock: OffsetClock) {
  const { Item } = await deps.clients.ddb.send(
    new GetCommand({ TableName: deps.config.table, Key: keys.clock(), ConsistentRead: true }),
  );
  const offsetMs = Item?.offsetMs;
  clock.offsetMs = typeof offsetMs === "number" && Number.isFinite(offsetMs) ? offsetMs : 0;
}

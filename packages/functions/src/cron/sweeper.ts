import { GRACE_SECONDS } from "@entraide/core/engine/queue";
import { sweep } from "@entraide/core/engine/sweeper";
import { deps } from "../context";
import { logger } from "../logger";

/** Every minute: fires due timers and re-drives executions whose message was lost. */
export async function handler(): Promise<{ sent: number }> {
  const result = await sweep(deps(), { graceSeconds: GRACE_SECONDS });
  if (result.sent > 0) logger.info("sweeper sent work", result);
  return result;
}

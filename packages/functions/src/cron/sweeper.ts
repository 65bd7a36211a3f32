import { GRACE_SECONDS } from "@entraide/core/engine/queue";
import { sweep } from "@entraide/core/engine/sweeper";
import { fundNamesOf } from "@entraide/core/funds/fund";
import { resumeAwaitingFunds } from "@entraide/core/funds/resume";
import { deps } from "../context";
import { engine } from "../engine";
import { logger } from "../logger";

/**
 * Every minute: fires due timers, re-drives executions whose message was lost, and wakes the
 * requests waiting for funds when money came back (a repayment, a recovery, a new envelope).
 */
export async function handler(): Promise<{ sent: number; resumed: number }> {
  const result = await sweep(deps(), { graceSeconds: GRACE_SECONDS });
  let resumed = 0;
  for (const fund of fundNamesOf()) {
    resumed += (await resumeAwaitingFunds(deps(), engine(), fund)).resumed.length;
  }
  if (result.sent > 0 || resumed > 0) logger.info("sweeper", { ...result, resumed });
  return { ...result, resumed };
}

import { eraseDue } from "@entraide/core/erasure/scheduled";
import { workflows } from "@entraide/core/workflows/index";
import { deps } from "../context";
import { logger } from "../logger";

/** Every night: erases the members whose retention has passed, and the payout fields whose accounting retention has. */
export async function handler(): Promise<{ erased: number }> {
  const d = deps();
  const reports = await eraseDue(
    d,
    workflows().map((w) => w.name),
  );
  // Member numbers only: what was erased must not reappear in the logs.
  if (reports.length > 0)
    logger.info("scheduled erasure", { members: reports.map((r) => r.memberNumber) });
  return { erased: reports.length };
}

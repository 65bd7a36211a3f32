import { createScheduledBatches } from "@entraide/core/finance/publish";
import { deps } from "../context";
import { logger } from "../logger";

/** Mondays and Thursdays: batches every fund's scheduled payouts and emails finance the files' links. */
export async function handler(): Promise<{ batches: { batchId: string; payoutCount: number; totalCents: number }[] }> {
  const published = await createScheduledBatches(deps());
  const batches = published.map(({ batch }) => ({ batchId: batch.batchId, payoutCount: batch.payoutCount, totalCents: batch.totalCents }));
  if (batches.length > 0) logger.info("payout batches created", { batches });
  return { batches };
}

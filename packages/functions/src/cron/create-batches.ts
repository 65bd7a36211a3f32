import { createScheduledBatches, markBatchExported } from "@entraide/core/finance/index";

import { deps } from "../context";
import { engine } from "../engine";
import { logger } from "../logger";

/** Mondays and Thursdays: batches every fund's scheduled payouts and emails finance the files' links. */
export async function handler(): Promise<{
  batches: { batchId: string; payoutCount: number; totalCents: number }[];
}> {
  const published = await createScheduledBatches(deps());
  // The files are in the bucket: each member's request now says its transfer is under way.
  for (const { batch } of published) await markBatchExported(deps(), engine(), batch.batchId);
  const batches = published.map(({ batch }) => ({
    batchId: batch.batchId,
    payoutCount: batch.payoutCount,
    totalCents: batch.totalCents,
  }));
  if (batches.length > 0) logger.info("payout batches created", { batches });
  return { batches };
}

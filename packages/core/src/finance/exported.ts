import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { batchPayouts } from "./exports";
import { PAYOUT_STATE } from "./settlement";
import { type SignalOutcome, sendSignal } from "./signals";

/**
 * Tells each request of a batch that its payout is in a bank file (§3 `exported`), once per
 * request and batch however often the batch is exported. Requests whose payout moved on (paid,
 * failed) are counted, not changed.
 */
export async function markBatchExported(
  deps: Deps,
  engine: Engine,
  batchId: string,
): Promise<Record<SignalOutcome, number>> {
  const counts: Record<SignalOutcome, number> = {
    delivered: 0,
    "already-sent": 0,
    elsewhere: 0,
    refused: 0,
    ended: 0,
    missing: 0,
    failed: 0,
  };
  for await (const payout of batchPayouts(deps, batchId)) {
    const signal = await sendSignal(deps, engine, {
      executionId: payout.requestId,
      state: PAYOUT_STATE,
      payload: { event: "exported", batchId },
      once: `payout-exported#${batchId}#${payout.payoutId}`,
    });
    counts[signal.outcome]++;
  }
  return counts;
}

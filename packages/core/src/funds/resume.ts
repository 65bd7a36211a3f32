import { keys } from "../db/layout";
import { byPartition } from "../db/query";
import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { type FundName, getFund, remainingCents } from "./fund";

/**
 * Wakes the requests waiting for a fund, oldest approval first, as many as its remainder now
 * covers; it stops at the first that does not fit, so nobody is overtaken by a smaller request.
 */
export async function resumeAwaitingFunds(
  deps: Deps,
  engine: Engine,
  fund: FundName,
): Promise<{ resumed: string[] }> {
  const current = await getFund(deps, fund);
  if (!current) return { resumed: [] };
  let room = remainingCents(current);
  const resumed: string[] = [];
  for await (const item of byPartition(deps, keys.awaitingFundsPartition(fund))) {
    const amount = item.amountCents as number;
    if (amount > room) break;
    const result = await engine.signal(
      item.requestId as string,
      { state: "awaiting-funds" },
      {
        event: "funds-available",
      },
    );
    if (result.outcome !== "applied") continue;
    room -= amount;
    resumed.push(item.requestId as string);
  }
  return { resumed };
}

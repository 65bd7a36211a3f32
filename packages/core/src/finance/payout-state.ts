/** What marking a batch paid and a payout failed share: the workflow states they signal, the payout as stored. */
import { keys } from "../db/layout";
import { readItem } from "../db/records";
import type { Deps } from "../deps";
import { EntraideError } from "../errors";
import type { Payout } from "../payouts/payout";

/** The callback state of the request workflows that waits for the payout's fate. */
export const PAYOUT_STATE = "payout";
/** Where a request goes back to when the bank returns a transfer after the request moved on or closed. */
export const RETURNED_STATE = "payout-returned";

/** Attempts at a batch or a payout that another run is moving at the same moment. */
export const BUSY_ATTEMPTS = 10;

export async function readPayout(deps: Deps, payoutId: string) {
  const item = await readItem(deps, keys.payout(payoutId));
  return item as (Payout & { paidAt?: string }) | undefined;
}

export function countersCorrupt(fund: string): EntraideError {
  return new EntraideError(
    "fund.counters-corrupt",
    `the ${fund} fund's counters do not cover this payout: stop and check the fund report`,
  );
}

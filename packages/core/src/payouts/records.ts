import { keys } from "../db/layout";
import type { AtomicWrite } from "../engine/definition";
import type { Payout } from "./payout";

/** A payout as stored: its fields plus its keys, listed by fund and status in approval order. */
export function payoutItem(payout: Payout) {
  return {
    ...keys.payout(payout.payoutId),
    ...keys.payoutStatus(payout.fund, payout.status, payout.approvedAt, payout.payoutId),
    ...payout,
  };
}

/** Creates a payout with the approval that decides it: one payout per id, ever. */
export function createPayout(table: string, payout: Payout): AtomicWrite {
  return {
    item: { Put: { TableName: table, Item: payoutItem(payout), ConditionExpression: "attribute_not_exists(pk)" } },
    errorName: "PayoutExists",
  };
}

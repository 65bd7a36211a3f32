import { keys } from "../db/layout";
import type { TransactItem } from "../db/transact";
import type { AtomicWrite } from "../engine/definition";
import type { Payout, PayoutStatus } from "./payout";

/** A payout as stored: its fields plus its keys, listed by fund and status in approval order. */
export function payoutItem(payout: Payout) {
  return {
    ...keys.payout(payout.payoutId),
    ...keys.payoutStatus(payout.fund, payout.status, payout.approvedAt, payout.payoutId),
    ...payout,
  };
}

/** Creates a payout with the approval that decides it: one payout per id, ever. */
export function createPayout(payout: Payout): AtomicWrite {
  return {
    item: {
      Put: {
        Item: payoutItem(payout),
        ConditionExpression: "attribute_not_exists(pk)",
      },
    },
    errorName: "payout.exists",
  };
}

export interface PayoutMove {
  from: PayoutStatus;
  to: PayoutStatus;
  /** Attributes set with the move (`batchId`, `paidAt`, a corrected `iban`…). */
  set?: Record<string, unknown>;
  /** Attributes the move clears (the `batchId` of a payout scheduled again). */
  remove?: string[];
  /** What the payout must still say for the move to happen (its batch, its IBAN as read). */
  expect?: Record<string, unknown>;
}

/**
 * The one way a payout changes status: the status and the index keys that list it by status
 * move together in one conditional update, so no payout can say `scheduled` while being listed
 * as `payout-failed` (a rescheduled payout that no batch would ever find).
 */
export function movePayout(
  payout: Pick<Payout, "payoutId" | "fund" | "approvedAt">,
  move: PayoutMove,
): TransactItem {
  const gsi = keys.payoutStatus(payout.fund, move.to, payout.approvedAt, payout.payoutId);
  const names: Record<string, string> = { "#status": "status" };
  const values: Record<string, unknown> = {
    ":from": move.from,
    ":to": move.to,
    ":gpk": gsi.gsi1pk,
    ":gsk": gsi.gsi1sk,
  };
  const assignments = ["#status = :to", "gsi1pk = :gpk", "gsi1sk = :gsk"];
  const conditions = ["#status = :from"];
  let n = 0;
  for (const [name, value] of Object.entries(move.set ?? {})) {
    names[`#s${n}`] = name;
    values[`:s${n}`] = value;
    assignments.push(`#s${n} = :s${n}`);
    n++;
  }
  for (const [name, value] of Object.entries(move.expect ?? {})) {
    names[`#e${n}`] = name;
    values[`:e${n}`] = value;
    conditions.push(`#e${n} = :e${n}`);
    n++;
  }
  const removals = (move.remove ?? []).map((name) => {
    names[`#r${n}`] = name;
    return `#r${n++}`;
  });
  return {
    Update: {
      Key: keys.payout(payout.payoutId),
      UpdateExpression: `SET ${assignments.join(", ")}${removals.length > 0 ? ` REMOVE ${removals.join(", ")}` : ""}`,
      ConditionExpression: conditions.join(" AND "),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

import { keys } from "../db/layout";
import type { AtomicWrite } from "../engine/definition";

/** What a movement did, as the fund's month records it for the assembly report. */
export const FLOW_KINDS = [
  "reserved",
  "released",
  "paid",
  "unpaid",
  "recovered",
  "repaid",
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** The fund item's attribute that sums one kind of movement within one month (`YYYY-MM`, UTC). */
export const flowAttribute = (month: string, kind: FlowKind | "moves") => `flow|${month}|${kind}`;

/** The month an envelope was last set in, and to what: `envelope|YYYY-MM`. */
export const envelopeAttribute = (month: string) => `envelope|${month}`;

/**
 * Adds to a movement (all of them are ADD clauses) the month's flow of its kind and the month's
 * count of movements, on the same fund item: no extra item in the transaction, exact by
 * construction. Without `at` (a caller not yet dated) the report shows the amount as undated.
 */
function dated(
  write: AtomicWrite,
  kind: FlowKind,
  cents: number,
  at: string | undefined,
): AtomicWrite {
  if (!at || !write.item.Update) return write;
  const update = write.item.Update;
  const month = at.slice(0, 7);
  return {
    ...write,
    item: {
      Update: {
        ...update,
        UpdateExpression: `${update.UpdateExpression}, #flow :flowCents, #moves :oneMove`,
        ExpressionAttributeNames: {
          ...update.ExpressionAttributeNames,
          "#flow": flowAttribute(month, kind),
          "#moves": flowAttribute(month, "moves"),
        },
        ExpressionAttributeValues: {
          ...update.ExpressionAttributeValues,
          ":flowCents": cents,
          ":oneMove": 1,
        },
      },
    },
  };
}

/**
 * The fund counters move only inside transitions (as {@link AtomicWrite}s), so money moves
 * exactly once: with the approval that reserves it, the payment that consumes it, the
 * repayment or recovery that brings it back.
 *
 * DynamoDB conditions cannot add attributes up, so the fund item also keeps `availableCents`
 * (= envelope + recovered + repaid − reserved − paid, see `remainingCents`), moved with the
 * counters by every movement and by `setEnvelope`: a reservation's condition reads it directly.
 */
export const FundMovements = {
  /** Reserves on final approval; fails with `fund.insufficient` if the remainder is too small. */
  reserve: (fund: string, cents: number, at?: string): AtomicWrite =>
    dated(
      {
        item: {
          Update: {
            Key: keys.fund(fund),
            UpdateExpression: "ADD reservedCents :c, availableCents :minus",
            ConditionExpression: "availableCents >= :c",
            ExpressionAttributeValues: { ":minus": -cents, ":c": cents },
          },
        },
        errorName: "fund.insufficient",
      },
      "reserved",
      cents,
      at,
    ),
  /** Gives a reservation back (rejection after reservation, withdrawal, expiry). */
  release: (fund: string, cents: number, at?: string): AtomicWrite =>
    dated(
      {
        item: {
          Update: {
            Key: keys.fund(fund),
            UpdateExpression: "ADD reservedCents :minus, availableCents :c",
            ConditionExpression: "reservedCents >= :c",
            ExpressionAttributeValues: { ":minus": -cents, ":c": cents },
          },
        },
        errorName: "fund.counters-corrupt",
      },
      "released",
      cents,
      at,
    ),
  /** A payout was paid: its reservation becomes payment. */
  consume: (fund: string, cents: number, at?: string): AtomicWrite =>
    dated(
      {
        item: {
          Update: {
            Key: keys.fund(fund),
            UpdateExpression: "ADD reservedCents :minus, paidCents :c",
            ConditionExpression: "reservedCents >= :c",
            ExpressionAttributeValues: { ":minus": -cents, ":c": cents },
          },
        },
        errorName: "fund.counters-corrupt",
      },
      "paid",
      cents,
      at,
    ),
  /** A paid payout bounced (the bank returned it): its payment is a reservation again, until it is paid anew. */
  unconsume: (fund: string, cents: number, at?: string): AtomicWrite =>
    dated(
      {
        item: {
          Update: {
            Key: keys.fund(fund),
            UpdateExpression: "ADD reservedCents :c, paidCents :minus",
            ConditionExpression: "paidCents >= :c",
            ExpressionAttributeValues: { ":minus": -cents, ":c": cents },
          },
        },
        errorName: "fund.counters-corrupt",
      },
      "unpaid",
      cents,
      at,
    ),
  /** Money back into the fund: a client recovery or a loan repayment. */
  replenish: (
    fund: string,
    kind: "recoveredCents" | "repaidCents",
    cents: number,
    at?: string,
  ): AtomicWrite =>
    dated(
      {
        item: {
          Update: {
            Key: keys.fund(fund),
            UpdateExpression: "ADD #kind :c, availableCents :c",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeNames: { "#kind": kind },
            ExpressionAttributeValues: { ":c": cents },
          },
        },
        errorName: "fund.missing",
      },
      kind === "repaidCents" ? "repaid" : "recovered",
      cents,
      at,
    ),
};

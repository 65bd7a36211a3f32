import { keys } from "../db/layout";
import type { AtomicWrite } from "../engine/definition";

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
  /** Reserves on final approval; fails with `FundsInsufficient` if the remainder is too small. */
  reserve: (table: string, fund: string, cents: number): AtomicWrite => ({
    item: {
      Update: {
        TableName: table,
        Key: keys.fund(fund),
        UpdateExpression: "ADD reservedCents :c, availableCents :minus",
        ConditionExpression: "availableCents >= :c",
        ExpressionAttributeValues: { ":minus": -cents, ":c": cents },
      },
    },
    errorName: "FundsInsufficient",
  }),
  /** Gives a reservation back (rejection after reservation, withdrawal, expiry). */
  release: (table: string, fund: string, cents: number): AtomicWrite => ({
    item: {
      Update: {
        TableName: table,
        Key: keys.fund(fund),
        UpdateExpression: "ADD reservedCents :minus, availableCents :c",
        ConditionExpression: "reservedCents >= :c",
        ExpressionAttributeValues: { ":minus": -cents, ":c": cents },
      },
    },
    errorName: "FundCountersCorrupt",
  }),
  /** A payout was paid: its reservation becomes payment. */
  consume: (table: string, fund: string, cents: number): AtomicWrite => ({
    item: {
      Update: {
        TableName: table,
        Key: keys.fund(fund),
        UpdateExpression: "ADD reservedCents :minus, paidCents :c",
        ConditionExpression: "reservedCents >= :c",
        ExpressionAttributeValues: { ":minus": -cents, ":c": cents },
      },
    },
    errorName: "FundCountersCorrupt",
  }),
  /** A paid payout bounced (the bank returned it): its payment is a reservation again, until it is paid anew. */
  unconsume: (table: string, fund: string, cents: number): AtomicWrite => ({
    item: {
      Update: {
        TableName: table,
        Key: keys.fund(fund),
        UpdateExpression: "ADD reservedCents :c, paidCents :minus",
        ConditionExpression: "paidCents >= :c",
        ExpressionAttributeValues: { ":minus": -cents, ":c": cents },
      },
    },
    errorName: "FundCountersCorrupt",
  }),
  /** Money back into the fund: a client recovery or a loan repayment. */
  replenish: (table: string, fund: string, kind: "recoveredCents" | "repaidCents", cents: number): AtomicWrite => ({
    item: {
      Update: {
        TableName: table,
        Key: keys.fund(fund),
        UpdateExpression: "ADD #kind :c, availableCents :c",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#kind": kind },
        ExpressionAttributeValues: { ":c": cents },
      },
    },
    errorName: "FundMissing",
  }),
};

import type { Batch, Payout } from "../../../packages/core/src/payouts/payout";

/** Valid IBANs of the countries members live in and of neighbours. */
export const IBANS = [
  "BE68539007547034",
  "FR1420041010050500013M02606",
  "DE89370400440532013000",
  "NL91ABNA0417164300",
] as const;

/** A valid batched payout; `n` makes the ids and the reference distinct. */
export function payout(n: number, overrides: Partial<Payout> = {}): Payout {
  return {
    payoutId: `pay-${n}`,
    requestId: `req-${n}`,
    requestType: "emergency-aid",
    fund: "solidarity",
    memberNumber: `M${String(n).padStart(6, "0")}`,
    beneficiaryName: `Member ${n}`,
    iban: IBANS[n % IBANS.length]!,
    amountCents: 10_000 + n,
    reference: `ENT-${String(n).padStart(8, "0")}`,
    approvedBy: ["committee@example.org"],
    approvedAt: "2020-04-01T09:30:00.000Z",
    batchId: "B-2020-04-02-SOL",
    status: "batched",
    ...overrides,
  };
}

/** The batch recording exactly these payouts. */
export function batchOf(payouts: readonly Payout[], overrides: Partial<Batch> = {}): Batch {
  return {
    batchId: "B-2020-04-02-SOL",
    fund: "solidarity",
    createdAt: "2020-04-02T04:00:00.000Z",
    payoutCount: payouts.length,
    totalCents: payouts.reduce((sum, p) => sum + p.amountCents, 0),
    ...overrides,
  };
}

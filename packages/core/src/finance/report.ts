import { indexes, keys } from "../db/layout";
import { queryItems } from "../db/query";
import { readItem } from "../db/records";
import type { Deps } from "../deps";
import { EntraideError } from "../errors";
import { Fund, type FundName, fundNamesOf, remainingCents } from "../funds/fund";
import { PayoutStatus } from "../payouts/payout";

/** A fund's envelope, counters and remainder, checked to balance. */
export type FundBalance = Omit<FundLine, "payouts">;

export interface FundLine {
  fund: FundName;
  /** False when the fund's envelope was never set: all figures are then zero. */
  configured: boolean;
  envelopeCents: number;
  reservedCents: number;
  paidCents: number;
  recoveredCents: number;
  repaidCents: number;
  remainingCents: number;
  payouts: Record<PayoutStatus, number>;
}

/**
 * The identity every fund satisfies, since the counters only ever move together:
 * reserved + paid − recovered − repaid + remaining = envelope.
 */
export function balances(line: Omit<FundBalance, "fund" | "configured">): boolean {
  return (
    line.reservedCents +
      line.paidCents -
      line.recoveredCents -
      line.repaidCents +
      line.remainingCents ===
    line.envelopeCents
  );
}

/** The payouts of a fund in one status, counted on the index (nothing but counts is read). */
async function countPayouts(deps: Deps, fund: FundName, status: PayoutStatus): Promise<number> {
  let count = 0;
  for await (const _ of queryItems(deps, {
    IndexName: indexes.byStatus.name,
    KeyConditionExpression: "#pk = :pk",
    ExpressionAttributeNames: { "#pk": indexes.byStatus.pk },
    ExpressionAttributeValues: { ":pk": keys.payoutStatusPartition(fund, status) },
    ProjectionExpression: "pk",
  })) {
    count++;
  }
  return count;
}

const EMPTY: Omit<Fund, "fund"> = {
  envelopeCents: 0,
  reservedCents: 0,
  paidCents: 0,
  recoveredCents: 0,
  repaidCents: 0,
};

/**
 * Every fund's envelope, counters and remainder, read from the fund items alone. Each line is
 * checked against {@link balances} and a negative remainder, either of which means the counters
 * were written outside the fund movements.
 *
 * @throws EntraideError `fund.unbalanced` naming the fund.
 */
export async function fundBalances(deps: Deps): Promise<FundBalance[]> {
  return Promise.all(
    fundNamesOf().map(async (name) => {
      const item = await readItem(deps, keys.fund(name));
      const fund = item && Fund.parse(item);
      const figures = fund ?? { fund: name, ...EMPTY };
      const line: FundBalance = {
        fund: name,
        configured: fund !== undefined,
        envelopeCents: figures.envelopeCents,
        reservedCents: figures.reservedCents,
        paidCents: figures.paidCents,
        recoveredCents: figures.recoveredCents,
        repaidCents: figures.repaidCents,
        remainingCents: remainingCents(figures),
      };
      // What reservations are checked against must be what the counters say is left.
      const available = item?.availableCents ?? 0;
      if (
        !balances(line) ||
        line.remainingCents < 0 ||
        (fund && available !== line.remainingCents)
      ) {
        throw new EntraideError(
          "fund.unbalanced",
          `the ${name} fund does not balance (${JSON.stringify({ ...figures, availableCents: available })}): its counters were changed outside the fund movements`,
        );
      }
      return line;
    }),
  );
}

/**
 * Every fund's {@link fundBalances} and its payouts by status (counted on the index).
 *
 * @throws EntraideError `fund.unbalanced` naming the fund.
 */
export async function fundReport(deps: Deps): Promise<FundLine[]> {
  const lines = await fundBalances(deps);
  return Promise.all(
    lines.map(async (line) => {
      const counts = await Promise.all(
        PayoutStatus.options.map((s) => countPayouts(deps, line.fund, s)),
      );
      const payouts = Object.fromEntries(
        PayoutStatus.options.map((s, i) => [s, counts[i]!]),
      ) as Record<PayoutStatus, number>;
      return { ...line, payouts };
    }),
  );
}

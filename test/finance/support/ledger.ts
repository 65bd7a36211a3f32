import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { keys } from "../../../packages/core/src/db/layout";
import { transact } from "../../../packages/core/src/db/transact";
import type { Deps } from "../../../packages/core/src/deps";
import { defineWorkflow } from "../../../packages/core/src/engine/definition";
import type { FundName } from "../../../packages/core/src/funds/fund";
import { FundMovements } from "../../../packages/core/src/funds/movements";
import type { Payout } from "../../../packages/core/src/payouts/payout";
import { createPayout } from "../../../packages/core/src/payouts/records";
import { payout } from "./payouts";

/** Puts a fund with this envelope and every counter at zero, whatever was there. */
export async function resetFund(deps: Deps, fund: FundName, envelopeCents: number): Promise<void> {
  await deps.clients.ddb.send(
    new PutCommand({
      TableName: deps.config.table,
      Item: {
        ...keys.fund(fund),
        kind: "fund",
        fund,
        envelopeCents,
        reservedCents: 0,
        paidCents: 0,
        recoveredCents: 0,
        repaidCents: 0,
        availableCents: envelopeCents,
      },
    }),
  );
}

/**
 * A scheduled payout approved as the request workflow approves one: the payout created and its
 * amount reserved in one transaction. `n` keeps ids and references distinct within a file.
 */
export async function approve(
  deps: Deps,
  n: number,
  overrides: Partial<Payout> = {},
): Promise<Payout> {
  const p = payout(n, {
    payoutId: `req-${n}`,
    status: "scheduled",
    batchId: undefined,
    approvedAt: new Date(Date.UTC(2020, 3, 1, 9, 0, n)).toISOString(),
    ...overrides,
  });
  const outcome = await transact(deps, [
    createPayout(p).item,
    FundMovements.reserve(p.fund, p.amountCents).item,
  ]);
  if (!outcome.written) throw new Error(`could not approve payout ${p.payoutId}`);
  return p;
}

/** A request workflow reduced to its `payout` state: it keeps every signal it receives. */
export const payoutProbe = defineWorkflow({
  name: "payout-probe",
  version: 1,
  startAt: "payout",
  states: {
    payout: {
      type: "callback",
      events: { paid: z.looseObject({}), "payout-failed": z.looseObject({}) },
      outcomes: { paid: "paid", failed: "new-iban" },
      onCallback: (data, { payload }) => ({
        data: { signals: [...((data.signals as unknown[]) ?? []), payload] },
        outcome: payload.event === "paid" ? "paid" : "failed",
      }),
    },
    "new-iban": {
      type: "callback",
      events: { "iban-claimed": z.looseObject({}) },
      outcomes: { claimed: "payout" },
      onCallback: () => ({ outcome: "claimed" }),
    },
    paid: { type: "succeed" },
  },
});

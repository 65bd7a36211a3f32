import type { AtomicWrite } from "../../engine/definition";
import { FundMovements } from "../../funds/movements";
import { movePayout } from "../../payouts/records";
import type { PlanConfig } from "../../plan/config";
import { payoutCentsOf } from "../project";
import type { RequestData } from "../record";

/** The plan fund a request is paid from. */
export const fundOf = (data: RequestData, plan: PlanConfig) => plan.types[data.request.type].fund;

/** What a payout's index keys are made of; the payout id is the request's. */
export function payoutKeyOf(data: RequestData, plan: PlanConfig) {
  return {
    payoutId: data.payout!.payoutId,
    fund: fundOf(data, plan),
    approvedAt: (data.payout!.approvedAt ?? data.approvedAt)!,
  };
}

/**
 * A returned payout that will not be paid: abandoned, and its reservation back to the fund, in
 * the transition that ends it (a returned transfer not corrected in time, a dispute closed by
 * operations). Conditioned on the payout still being returned, so the money moves once.
 * `alsoCents`: what else the request holds and gives back with it, in the same fund movement
 * (one transaction updates the fund item once).
 */
export function releaseReturnedPayout(
  data: RequestData,
  plan: PlanConfig,
  now: string,
  alsoCents = 0,
) {
  const amountCents = payoutCentsOf(data) + alsoCents;
  const writes: AtomicWrite[] = [
    {
      item: movePayout(payoutKeyOf(data, plan), {
        from: "payout-failed",
        to: "abandoned",
        set: { abandonedAt: now },
      }),
      errorName: "payout.not-failed",
    },
    FundMovements.release(fundOf(data, plan), amountCents, now),
  ];
  return { amountCents, payout: { ...data.payout!, status: "abandoned" }, writes };
}

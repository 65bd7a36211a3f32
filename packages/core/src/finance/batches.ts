import { randomBytes } from "node:crypto";
import * as z from "zod";
import { putItem } from "../db/items";
import { keys } from "../db/layout";
import { byStatus, chunks } from "../db/query";
import { readItem } from "../db/records";
import { transact } from "../db/transact";
import type { Deps } from "../deps";
import { NotFoundError } from "../errors";
import type { FundName as Fund } from "../funds/fund";
import { addCents } from "../money/cents";
import { Batch, Payout } from "../payouts/payout";
import { movePayout } from "../payouts/records";

/** `settling`: finance is marking it paid; nothing leaves it any more. */
export const BatchStatus = z.enum(["open", "settling", "paid"]);

/**
 * A batch as stored: what every export checks against, and whether it was settled. `revision`
 * counts the changes of its content (a payout that failed left it); `exportedRevision` is the
 * revision its last export wrote, so marking it paid pays exactly what the last bank file holds.
 */
export const BatchRecord = Batch.extend({
  status: BatchStatus,
  paidAt: z.iso.datetime({ offset: true }).optional(),
  revision: z.number().int().nonnegative().default(0),
  exportedRevision: z.number().int().nonnegative().optional(),
  exportedAt: z.iso.datetime({ offset: true }).optional(),
});
export type BatchRecord = z.infer<typeof BatchRecord>;

/** A scheduled payout that could not be put into the batch, and why. */
export interface SkippedPayout {
  payoutId: string;
  reason: string;
}

export interface CreatedBatch {
  /** Undefined when there was nothing to claim. */
  batch?: BatchRecord;
  skipped: SkippedPayout[];
}

// A fund's first three letters (SOL, REL…) keep the id within the 35 characters of a SEPA
// MsgId; the batch record names its fund in full.
const fundCode = (fund: Fund) => fund.replace(/-/g, "").slice(0, 3).toUpperCase();

/** Claims written at once: fast for large batches, gentle on the table. */
const CLAIM_CONCURRENCY = 8;

/**
 * A new batch id, e.g. `ENT-SOL-20200402040000-9F3A1C2B` (31 characters): the fund, the
 * creation time (UTC) and 32 random bits, so two batches created in the same second differ.
 */
export function newBatchId(fund: Fund, now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return `ENT-${fundCode(fund)}-${stamp}-${randomBytes(4).toString("hex").toUpperCase()}`;
}

/**
 * Gathers a fund's `scheduled` payouts, in approval order, into a new batch. Each payout is
 * claimed in its own transaction (status `scheduled` → `batched`, its copy put under the batch),
 * conditioned on it still being scheduled as read: when two batch creations run at once, each
 * payout goes to exactly one of them. The batch item is written last, with the count and total
 * of what was actually claimed.
 *
 * @returns the batch, or no batch when the fund had nothing scheduled (or others claimed it all).
 */
export async function createBatch(
  deps: Deps,
  fund: Fund,
  options: { onProgress?: (claimed: number) => void } = {},
): Promise<CreatedBatch> {
  const now = deps.clock.now();
  const batchId = newBatchId(fund, now);
  const skipped: SkippedPayout[] = [];
  let payoutCount = 0;
  let totalCents = 0;
  const scheduled = byStatus(deps, keys.payoutStatusPartition(fund, "scheduled"));
  for await (const group of chunks(scheduled, CLAIM_CONCURRENCY)) {
    const claims = group.map(async (item) => {
      const parsed = Payout.safeParse(item);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
        skipped.push({
          payoutId: String(item.payoutId),
          reason: `invalid payout (${issues.join("; ")})`,
        });
        return;
      }
      if (await claim(deps, parsed.data, batchId, now.toISOString())) {
        payoutCount += 1;
        totalCents = addCents(totalCents, parsed.data.amountCents);
      }
    });
    await Promise.all(claims);
    options.onProgress?.(payoutCount);
  }
  if (payoutCount === 0) return { skipped };
  const batch: BatchRecord = {
    batchId,
    fund,
    createdAt: now.toISOString(),
    payoutCount,
    totalCents,
    status: "open",
    revision: 0,
  };
  await putItem(deps, {
    Item: { ...keys.batch(batchId), kind: "batch", ...batch },
    ConditionExpression: "attribute_not_exists(pk)",
  });
  return { batch, skipped };
}

/** Claims one payout for the batch; false if it was no longer scheduled as we read it. */
async function claim(deps: Deps, payout: Payout, batchId: string, now: string): Promise<boolean> {
  const batched: Payout = { ...payout, status: "batched", batchId };
  const outcome = await transact(deps, [
    movePayout(payout, {
      from: "scheduled",
      to: "batched",
      set: { batchId, batchedAt: now },
      // The index we read from lags the table: the payout must still be scheduled, and still
      // say what the copy under the batch says (a corrected IBAN would otherwise be lost).
      expect: {
        iban: payout.iban,
        amountCents: payout.amountCents,
        beneficiaryName: payout.beneficiaryName,
      },
    }),
    {
      Put: {
        Item: {
          ...keys.batchPayout(batchId, payout.approvedAt, payout.payoutId),
          kind: "batch-payout",
          ...batched,
        },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    },
  ]);
  return outcome.written;
}

/**
 * The stored batch.
 *
 * @throws NotFoundError when no batch has this id.
 */
export async function getBatch(deps: Deps, batchId: string): Promise<BatchRecord> {
  const item = await readItem(deps, keys.batch(batchId));
  if (!item) throw new NotFoundError("batch", batchId);
  return BatchRecord.parse(item);
}

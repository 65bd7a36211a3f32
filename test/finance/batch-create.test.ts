import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import { readItem } from "../../packages/core/src/db/records";
import { createBatch, getBatch, newBatchId } from "../../packages/core/src/finance/batches";
import { batchPayouts } from "../../packages/core/src/finance/exports";
import { isSepaIdentifier } from "../../packages/core/src/payouts/sepa-text";
import { createTestStack, type TestStack } from "../support/stack";
import { approve, resetFund } from "./support/ledger";

let stack: TestStack;

beforeAll(async () => {
  stack = await createTestStack();
  await resetFund(stack, "solidarity", 100_000_000);
  await resetFund(stack, "relaunch", 100_000_000);
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe("finance batch create", () => {
  it("two concurrent batch creations never put one payout in two batches, and each records what it claimed", async () => {
    // Prepare
    const approved = await Promise.all(Array.from({ length: 50 }, (_, n) => approve(stack, n)));
    const relaunch = await approve(stack, 100, { fund: "relaunch" });

    // Act
    const [a, b] = await Promise.all([
      createBatch(stack, "solidarity"),
      createBatch(stack, "solidarity"),
    ]);

    // Assess
    const batches = [a.batch, b.batch].filter((x) => x !== undefined);
    const members = await Promise.all(
      batches.map((batch) => collect(batchPayouts(stack, batch.batchId))),
    );
    const ids = members.flat().map((p) => p.payoutId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(approved.map((p) => p.payoutId).sort());
    for (const [i, batch] of batches.entries()) {
      const mine = members[i]!;
      expect(await getBatch(stack, batch.batchId)).toEqual(batch);
      expect(batch.payoutCount).toBe(mine.length);
      expect(batch.totalCents).toBe(mine.reduce((sum, p) => sum + p.amountCents, 0));
      // Listed in approval order, and each stored payout agrees with the batch that listed it.
      expect(mine.map((p) => p.approvedAt)).toEqual(mine.map((p) => p.approvedAt).sort());
      for (const p of mine) {
        expect(await readItem(stack, keys.payout(p.payoutId))).toMatchObject({
          status: "batched",
          batchId: batch.batchId,
          gsi1pk: keys.payoutStatusPartition("solidarity", "batched"),
        });
      }
    }
    expect(await readItem(stack, keys.payout(relaunch.payoutId))).toMatchObject({
      status: "scheduled",
    });
  });

  it("with nothing scheduled it creates no batch", async () => {
    // Act
    const result = await createBatch(stack, "solidarity");

    // Assess
    expect(result).toEqual({ skipped: [] });
  });

  it("batch ids are SEPA identifiers of at most 35 characters, distinct within the same second", () => {
    // Act
    const now = new Date("2020-04-02T04:00:00Z");
    const ids = Array.from({ length: 100 }, () => newBatchId("solidarity", now));

    // Assess
    expect(new Set(ids).size).toBe(100);
    expect(
      ids.every(
        (id) => isSepaIdentifier(id) && id.length <= 35 && id.startsWith("ENT-SOL-20200402040000-"),
      ),
    ).toBe(true);
  });
});

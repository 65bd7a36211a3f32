import { Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import { readItem } from "../../packages/core/src/db/records";
import { Engine } from "../../packages/core/src/engine/engine";
import { getExecution } from "../../packages/core/src/engine/store";
import { createBatch } from "../../packages/core/src/finance/batches";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { markBatchPaid, markPayoutFailed } from "../../packages/core/src/finance/settlement";
import { getFund } from "../../packages/core/src/funds/fund";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";
import { approve, payoutProbe, resetFund } from "./support/ledger";

let stack: TestStack;
let engine: Engine;
let harness: Harness;

beforeAll(async () => {
  stack = await createTestStack();
  engine = new Engine({ deps: stack, workflows: [payoutProbe], steps: {} });
  harness = new Harness(stack, engine);
});

/** Approved payouts whose requests wait in their `payout` state, batched together. */
async function batchOfRequests(count: number, first: number) {
  const requests = [];
  for (let n = first; n < first + count; n++) {
    const { id } = await engine.start({ workflow: "payout-probe", key: `request-${n}`, input: {} });
    requests.push(
      await approve(stack, n, {
        payoutId: id,
        requestId: id,
        amountCents: 10_000 * (n - first + 1),
      }),
    );
  }
  await harness.drain();
  const { batch } = await createBatch(stack, "solidarity");
  await exported(batch!.batchId);
  return { requests, batch: batch! };
}

/** Exports a batch as finance does before sending it to the bank; the file's payout ids. */
async function exported(batchId: string) {
  let csv = "";
  const out = new Writable({
    write(chunk, _encoding, done) {
      csv += String(chunk);
      done();
    },
  });
  await exportBatch(stack, batchId, "csv", out);
  return csv;
}

describe("finance mark-paid", () => {
  it("marking a batch paid twice, even at once, pays each payout once and tells each request once", async () => {
    // Prepare
    await resetFund(stack, "solidarity", 1_000_000);
    const { requests, batch } = await batchOfRequests(4, 0);
    const orphan = await approve(stack, 90, { amountCents: 5_000 });
    const { batch: orphanBatch } = await createBatch(stack, "solidarity");
    await exported(orphanBatch!.batchId);

    // Act
    const [first, concurrent] = await Promise.all([
      markBatchPaid(stack, engine, batch.batchId),
      markBatchPaid(stack, engine, batch.batchId),
    ]);
    const again = await markBatchPaid(stack, engine, batch.batchId);
    const withoutRequest = await markBatchPaid(stack, engine, orphanBatch!.batchId);

    // Assess
    expect(first.paid + concurrent.paid).toBe(4);
    expect(first.alreadyPaid + concurrent.alreadyPaid).toBe(4);
    expect(again).toMatchObject({ paid: 0, alreadyPaid: 4, unpaid: [], signalProblems: [] });
    expect(again.signals["already-sent"]).toBe(4);
    expect(again.batch.status).toBe("paid");
    expect(await getFund(stack, "solidarity")).toMatchObject({
      reservedCents: 0,
      paidCents: 100_000 + 5_000,
    });
    for (const r of requests) {
      expect(await readItem(stack, keys.payout(r.payoutId))).toMatchObject({
        status: "paid",
        gsi1pk: keys.payoutStatusPartition("solidarity", "paid"),
      });
      const execution = await getExecution(stack, r.requestId);
      expect(execution).toMatchObject({ status: "succeeded", state: "paid" });
      expect(execution?.data.signals).toEqual([
        { event: "paid", batchId: batch.batchId, paidAt: expect.any(String) },
      ]);
    }
    expect(withoutRequest.paid).toBe(1);
    expect(withoutRequest.signalProblems).toEqual([
      {
        executionId: orphan.requestId,
        outcome: "missing",
        detail: `no execution ${orphan.requestId}`,
      },
    ]);
  });

  it("a payout that failed before payment leaves its batch, which must be exported again; a returned payment goes back into the reservation", async () => {
    // Prepare
    await resetFund(stack, "solidarity", 1_000_000);
    const { requests, batch } = await batchOfRequests(2, 10);
    const [rejected, returned] = requests as [(typeof requests)[0], (typeof requests)[0]];

    // Act
    const failedFirst = await markPayoutFailed(stack, engine, rejected.payoutId, "IBAN closed");
    const stale = await markBatchPaid(stack, engine, batch.batchId).catch(
      (e: Error & { code?: string }) => e.code,
    );
    const file = await exported(batch.batchId);
    const settled = await markBatchPaid(stack, engine, batch.batchId);
    const bounced = await markPayoutFailed(
      stack,
      engine,
      returned.payoutId,
      "account holder unknown",
    );
    const bouncedAgain = await markPayoutFailed(
      stack,
      engine,
      returned.payoutId,
      "account holder unknown",
    );

    // Assess
    expect(failedFirst).toMatchObject({
      previousStatus: "batched",
      reversedCents: 0,
      leftBatch: true,
      signal: { outcome: "delivered" },
    });
    expect(stale).toBe("batch.not-exported");
    expect(file).toContain(returned.payoutId);
    expect(file).not.toContain(rejected.payoutId);
    expect(settled).toMatchObject({ paid: 1, unpaid: [] });
    expect(settled.batch).toMatchObject({ payoutCount: 1, totalCents: 20_000 });
    expect(bounced).toMatchObject({ previousStatus: "paid", reversedCents: 20_000 });
    // The probe ended with its payment: the returned payment's signal is reported, not lost silently.
    expect(bounced.signal.outcome).toBe("ended");
    expect(bouncedAgain).toMatchObject({ alreadyFailed: true, reversedCents: 0 });
    expect(await getFund(stack, "solidarity")).toMatchObject({
      reservedCents: 30_000,
      paidCents: 0,
    });
    expect(await readItem(stack, keys.payout(rejected.payoutId))).toMatchObject({
      status: "payout-failed",
      failureReason: "IBAN closed",
      gsi1pk: keys.payoutStatusPartition("solidarity", "payout-failed"),
    });
    const execution = await getExecution(stack, rejected.requestId);
    expect(execution).toMatchObject({ state: "new-iban" });
    expect(execution?.data.signals).toEqual([{ event: "payout-failed", reason: "IBAN closed" }]);
  });
});

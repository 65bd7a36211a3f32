import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import {
  type Fund,
  getFund,
  remainingCents,
  setEnvelope,
} from "../../packages/core/src/funds/fund";
import { createTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});

/** Moves the counters as the engine does: atomic ADDs on the fund item. */
async function engineMoves(
  counters: Partial<Record<keyof Fund, number>>,
  fund: Fund["fund"] = "solidarity",
) {
  const entries = Object.entries(counters);
  await stack.clients.ddb.send(
    new UpdateCommand({
      TableName: stack.config.table,
      Key: keys.fund(fund),
      UpdateExpression: `ADD ${entries.map(([name]) => `${name} :${name}`).join(", ")}`,
      ExpressionAttributeValues: Object.fromEntries(
        entries.map(([name, value]) => [`:${name}`, value]),
      ),
    }),
  );
}

describe("fund envelopes", () => {
  it("setting a first envelope creates the fund with zero counters", async () => {
    // Act
    const fund = await setEnvelope(stack, "relaunch", 2_500_000);
    // Assess
    expect(fund).toEqual({
      fund: "relaunch",
      envelopeCents: 2_500_000,
      reservedCents: 0,
      paidCents: 0,
      recoveredCents: 0,
      repaidCents: 0,
    });
    expect(await getFund(stack, "relaunch")).toEqual(fund);
  });

  it("setting the envelope again changes only the envelope, never the counters the engine moved", async () => {
    // Prepare
    await setEnvelope(stack, "solidarity", 10_000_00);
    await engineMoves({
      reservedCents: 3_000_00,
      paidCents: 2_000_00,
      recoveredCents: 500_00,
      repaidCents: 100_00,
    });
    // Act
    const fund = await setEnvelope(stack, "solidarity", 15_000_00);
    // Assess
    expect(fund).toEqual({
      fund: "solidarity",
      envelopeCents: 15_000_00,
      reservedCents: 3_000_00,
      paidCents: 2_000_00,
      recoveredCents: 500_00,
      repaidCents: 100_00,
    });
    expect(remainingCents(fund)).toBe(15_000_00 + 500_00 + 100_00 - 3_000_00 - 2_000_00);
  });

  it("refuses an envelope below what the fund has committed, and leaves the fund as it was", async () => {
    // Prepare
    const before = await getFund(stack, "solidarity");
    const committed =
      before!.reservedCents + before!.paidCents - before!.recoveredCents - before!.repaidCents;
    // Act
    const tooLow = setEnvelope(stack, "solidarity", committed - 1);
    // Assess
    await expect(tooLow).rejects.toMatchObject({ code: "fund.envelope-too-small" });
    await expect(tooLow).rejects.toThrow("has already committed 4400.00 euros");
    expect(await getFund(stack, "solidarity")).toEqual(before);
    expect(remainingCents(await setEnvelope(stack, "solidarity", committed))).toBe(0);
  });

  it("envelope changes racing with the engine's counter moves lose none of the moves", async () => {
    // Prepare
    await engineMoves({ reservedCents: 0 }, "relaunch");
    const before = (await getFund(stack, "relaunch"))!;
    // Act
    await Promise.all([
      // Fewer moves than setEnvelope's attempts, so each envelope change gets through.
      ...Array.from({ length: 5 }, (_, i) => setEnvelope(stack, "relaunch", 5_000_000 + i)),
      ...Array.from({ length: 5 }, () =>
        engineMoves({ reservedCents: 100, paidCents: 10 }, "relaunch"),
      ),
    ]);
    // Assess
    const after = (await getFund(stack, "relaunch"))!;
    expect(after.reservedCents - before.reservedCents).toBe(500);
    expect(after.paidCents - before.paidCents).toBe(50);
    expect(after.envelopeCents).toBeGreaterThanOrEqual(5_000_000);
  });

  it("what remains is the envelope plus what came back, minus what is reserved or paid", () => {
    // Prepare
    const fund: Fund = {
      fund: "solidarity",
      envelopeCents: 1000,
      reservedCents: 300,
      paidCents: 200,
      recoveredCents: 50,
      repaidCents: 7,
    };
    // Act
    const remaining = remainingCents(fund);
    // Assess
    expect(remaining).toBe(557);
  });
});

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import { transact } from "../../packages/core/src/db/transact";
import { balances, fundReport } from "../../packages/core/src/finance/report";
import { FundMovements } from "../../packages/core/src/funds/movements";
import { createTestStack, type TestStack } from "../support/stack";
import { resetFund } from "./support/ledger";

let stack: TestStack;

beforeAll(async () => {
  stack = await createTestStack();
});

const ENVELOPE = 100_000;
const amount = fc.integer({ min: 1, max: 60_000 });
const pick = fc.nat({ max: 20 });

/** What happens to a fund over time; `pick` chooses among the payouts in the right state. */
const Step = fc.oneof(
  fc.record({ kind: fc.constant("approve" as const), amount }),
  fc.record({ kind: fc.constant("release" as const), pick }),
  fc.record({ kind: fc.constant("pay" as const), pick }),
  fc.record({ kind: fc.constant("bounce" as const), pick }),
  fc.record({ kind: fc.constant("repay" as const), amount }),
  fc.record({ kind: fc.constant("recover" as const), amount }),
);
type Step = typeof Step extends fc.Arbitrary<infer S> ? S : never;

/** The counters as they must be, computed from which movements were accepted. */
class Model {
  reserved: number[] = [];
  paid: number[] = [];
  recovered = 0;
  repaid = 0;
  get remaining() {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return ENVELOPE + this.recovered + this.repaid - sum(this.reserved) - sum(this.paid);
  }
}

const take = (list: number[], pick: number) => list.splice(pick % list.length, 1)[0]!;

async function apply(step: Step, model: Model): Promise<void> {
  const run = async (write: ReturnType<typeof FundMovements.reserve>) =>
    (await transact(stack, [write.item])).written;
  switch (step.kind) {
    case "approve":
      // Refused exactly when the fund cannot cover it.
      expect(await run(FundMovements.reserve("solidarity", step.amount))).toBe(
        step.amount <= model.remaining,
      );
      if (step.amount <= model.remaining) model.reserved.push(step.amount);
      return;
    case "release":
    case "pay": {
      if (model.reserved.length === 0) return;
      const cents = take(model.reserved, step.pick);
      const move = step.kind === "release" ? FundMovements.release : FundMovements.consume;
      expect(await run(move("solidarity", cents))).toBe(true);
      if (step.kind === "pay") model.paid.push(cents);
      return;
    }
    case "bounce": {
      if (model.paid.length === 0) return;
      const cents = take(model.paid, step.pick);
      expect(await run(FundMovements.unconsume("solidarity", cents))).toBe(true);
      model.reserved.push(cents);
      return;
    }
    case "repay":
    case "recover":
      expect(
        await run(
          FundMovements.replenish(
            "solidarity",
            step.kind === "repay" ? "repaidCents" : "recoveredCents",
            step.amount,
          ),
        ),
      ).toBe(true);
      if (step.kind === "repay") model.repaid += step.amount;
      else model.recovered += step.amount;
      return;
  }
}

describe("funds report", () => {
  it("balances, with a remainder never below zero, after any mix of approvals, payments, failures, repayments and recoveries", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Step, { minLength: 1, maxLength: 12 }), async (steps) => {
        // Prepare
        await resetFund(stack, "solidarity", ENVELOPE);
        const model = new Model();

        // Act
        for (const step of steps) await apply(step, model);
        const line = (await fundReport(stack)).find((l) => l.fund === "solidarity")!;

        // Assess
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(line).toMatchObject({
          envelopeCents: ENVELOPE,
          reservedCents: sum(model.reserved),
          paidCents: sum(model.paid),
          recoveredCents: model.recovered,
          repaidCents: model.repaid,
          remainingCents: model.remaining,
        });
        expect(balances(line)).toBe(true);
        expect(line.remainingCents).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 25 },
    );
  });

  it("refuses to report a fund whose counters were written outside the fund movements", async () => {
    // Prepare
    await resetFund(stack, "relaunch", 1_000);
    await transact(stack, [
      {
        Update: {
          Key: keys.fund("relaunch"),
          UpdateExpression: "SET paidCents = :p",
          ExpressionAttributeValues: { ":p": 500 },
        },
      },
    ]);

    // Act
    const report = fundReport(stack);

    // Assess
    await expect(report).rejects.toThrow(/the relaunch fund does not balance/);
  });
});

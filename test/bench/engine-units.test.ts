import { describe, expect, it } from "vitest";
import { engineWriteUnits } from "../../bench/e2e/usage";
import { WriteUnitMeter } from "../../bench/e2e/write-units";
import { keys } from "../../packages/core/src/db/layout";

describe("the bench's engine cost", () => {
  it("counts the engine's items however they were written, and the domain's items in a commit not at all", () => {
    // Prepare
    const meter = new WriteUnitMeter();
    const execution = { ...keys.execution("e1"), rev: 2 };
    const report = { pk: "REPORT#2026", sk: "COUNTERS", n: 1 };
    // Act: a lone commit (one put), then a transaction of the execution and a domain counter
    meter.record("PutItem", { Item: execution });
    meter.record("TransactWriteItems", {
      TransactItems: [{ Put: { Item: { ...execution, rev: 3 } } }, { Put: { Item: report } }],
    });
    // Assess: 1 (the put) + 2 (the execution in the transaction); the counter's 2 are the domain's
    expect(engineWriteUnits(meter.byKind)).toBe(3);
    expect(meter.table).toBe(5);
  });
});

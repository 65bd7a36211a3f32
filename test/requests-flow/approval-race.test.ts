import { describe, expect, it } from "vitest";
import { getExecution } from "../../packages/core/src/engine/store";
import { credit, flowStack, loanBody, pdf } from "./support";

// Its own file: the handlers' dependencies are per process, and this test needs its own engine.
describe("approval races", () => {
  it("a decision arriving while the approval emails go out still needs the second approver of a loan", async () => {
    // Prepare: the worker dies right after the approval emails went out, before it records that
    let crashed = false;
    const racy = await flowStack({
      faults: (point, where) => {
        if (!crashed && point === "after-effect" && where.state === "awaiting-approval") {
          crashed = true;
          throw new Error("worker died");
        }
      },
    });
    const body = loanBody([await racy.upload(pdf)], {
      purpose: "marketing",
      amountCents: 150_000,
      termMonths: 12,
      graceMonths: 0,
    });
    const answer = await racy.api.call("POST", "/api/requests", {
      body,
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    await racy.harness.drain({ sweep: false });
    // Act: the first approver clicks before the worker is back
    const token = await racy.decisionToken(credit[0]!, answer.body.id);
    const first = await racy.api.call("POST", "/api/decisions", {
      token,
      body: { decision: "approve" },
    });
    await racy.harness.advance(2 * 60_000);
    // Assess
    expect(crashed).toBe(true);
    expect(first.status).toBe(200);
    expect(
      ((await getExecution(racy.stack, answer.body.id))!.data as { status: string }).status,
    ).toBe("awaiting-approval");
  });
});

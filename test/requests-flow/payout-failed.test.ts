import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import { createBatch } from "../../packages/core/src/finance/batches";
import { markPayoutFailed } from "../../packages/core/src/finance/settlement";
import { getFund } from "../../packages/core/src/funds/fund";
import { admins, contractBody, flowStack, member, pdf } from "./support";

describe("a transfer the bank returned", () => {
  it("asks the member for another IBAN, then schedules the payout again on it, keeping the reservation", async () => {
    // Prepare
    const f = await flowStack();
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    await f.decide(admins[0]!, submitted.body.id, { decision: "approve" });
    await createBatch(f.stack, "solidarity");
    await markPayoutFailed(f.stack, f.engine, submitted.body.id, "account closed");
    await f.harness.drain();
    const failed = await f.view(submitted.body.id, submitted.body.statusUrl);
    const token = decodeURIComponent(f.tokenOf(submitted.body.statusUrl));
    const reserved = (await getFund(f.stack, "solidarity"))!.reservedCents;
    // Act
    const invalid = await f.api.call("POST", `/api/requests/${submitted.body.id}/info`, {
      token,
      body: { iban: "BE00 1234" },
    });
    const corrected = await f.api.call("POST", `/api/requests/${submitted.body.id}/info`, {
      token,
      body: { iban: "BE68 5390 0754 7034" },
    });
    await f.harness.drain();
    const claimed = await f.view(submitted.body.id, submitted.body.statusUrl);
    const confirmed = await f.api.call("POST", "/api/confirmations", {
      token: await f.confirmationToken(member.email, submitted.body.id),
      body: { answer: "confirm" },
    });
    await f.harness.drain();
    // Assess
    expect(failed).toMatchObject({ status: "payout-failed", actions: { correctIban: true } });
    expect(claimed).toMatchObject({ status: "confirming-iban" });
    expect(confirmed).toMatchObject({ status: 200 });
    expect(
      (await f.inbox(member.email)).some(
        (m) => m.subject.includes(submitted.body.id) && m.subject.includes("IBAN"),
      ),
    ).toBe(true);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].path).toBe("iban");
    expect(corrected).toMatchObject({ status: 200, body: { status: "confirming-iban" } });
    expect(await f.view(submitted.body.id, submitted.body.statusUrl)).toMatchObject({
      status: "scheduled",
    });
    const payout = (
      await f.stack.clients.ddb.send(
        new GetCommand({ TableName: f.stack.config.table, Key: keys.payout(submitted.body.id) }),
      )
    ).Item;
    expect(payout).toMatchObject({ status: "scheduled", iban: "BE68539007547034" });
    expect((await getFund(f.stack, "solidarity"))!.reservedCents).toBe(reserved);
  });
});

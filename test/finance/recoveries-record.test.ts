import { beforeAll, describe, expect, it } from "vitest";
import { getExecution } from "../../packages/core/src/engine/store";
import { createBatch } from "../../packages/core/src/finance/batches";
import { listRecoveries, recordRecovery } from "../../packages/core/src/finance/recoveries";
import { markBatchPaid } from "../../packages/core/src/finance/settlement";
import { getFund } from "../../packages/core/src/funds/fund";
import {
  admins,
  contractBody,
  exportedCsv,
  flowStack,
  pdf,
  subjectsTo,
} from "../requests-flow/support";
import { cliDataDir, runCli } from "../support/cli";

const DAY_MS = 86_400_000;
let f: Awaited<ReturnType<typeof flowStack>>;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  f = await flowStack();
  env = { ENTRAIDE_DATA_DIR: await cliDataDir(f.stack) };
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (error: Error) => error.message,
  );
const recovered = async () => (await getFund(f.stack, "solidarity"))!.recoveredCents;

/** A cancelled contract of 900 euros, approved and paid; its client has an address of its own. */
async function paidContract(changes: Record<string, unknown> = {}) {
  const client = {
    name: `Théâtre ${crypto.randomUUID().slice(0, 6)}`,
    email: `${crypto.randomUUID().slice(0, 8)}@theatre.example`,
  };
  const submitted = await f.submit(contractBody([await f.upload(pdf)], { client, ...changes }));
  const id = submitted.body.id as string;
  await f.decide(admins[0]!, id, { decision: "approve" });
  const { batch } = await createBatch(f.stack, "solidarity");
  await exportedCsv(f.stack, batch!.batchId);
  await markBatchPaid(f.stack, f.engine, batch!.batchId);
  await f.harness.drain();
  return { id, client };
}

describe("recoveries as a ledger", () => {
  it("records a client's payments once per bank reference, in parts, reminds at 30 days, and closes the follow-up when nothing is owed", async () => {
    // Prepare
    const { id, client } = await paidContract();
    const before = await recovered();
    // Act
    const first = await recordRecovery(f.stack, f.engine, id, 30_000, "bank 2031/0001");
    const again = await recordRecovery(f.stack, f.engine, id, 30_000, "  BANK   2031/0001 ");
    const reused = await failure(recordRecovery(f.stack, f.engine, id, 10_000, "BANK 2031/0001"));
    const overpaid = await failure(recordRecovery(f.stack, f.engine, id, 60_001, "BANK 2031/0002"));
    const open = await listRecoveries(f.stack, { open: true });
    await f.harness.advance(31 * DAY_MS);
    const afterReminder = await subjectsTo(f.stack, client.email);
    const rest = await runCli(
      ["recoveries", "record", id, "600", "--reference", "BANK 2031/0003", "--json"],
      env,
    );
    await f.harness.drain();
    const listed = await runCli(["recoveries", "list", "--open", "--json"], env);
    // Assess
    expect(first).toMatchObject({
      outcome: "recorded",
      owedCents: 90_000,
      recoveredCents: 30_000,
      outstandingCents: 60_000,
    });
    expect(first.followUp.outcome).toBe("delivered");
    expect(again).toMatchObject({ outcome: "already-recorded", recoveredCents: 30_000 });
    expect(reused).toContain("bank reference BANK 2031/0001 was already recorded: 300.00 euros");
    expect(overpaid).toContain("more than the client still owes");
    expect(open.find((l) => l.requestId === id)).toMatchObject({
      client: client.name,
      outstandingCents: 60_000,
      followUpOpen: true,
    });
    expect(afterReminder).toHaveLength(2);
    expect(afterReminder[0]).toContain("Frais d'annulation");
    expect(rest.code).toBe(0);
    expect(JSON.parse(rest.stdout)).toMatchObject({
      outcome: "recorded",
      recoveredCents: 90_000,
      outstandingCents: 0,
    });
    expect(await getExecution(f.stack, id)).toMatchObject({
      status: "succeeded",
      data: { recovery: { recoveredCents: 90_000 } },
    });
    expect(JSON.parse(listed.stdout).map((l: { requestId: string }) => l.requestId)).not.toContain(
      id,
    );
    expect((await recovered()) - before).toBe(90_000);
  });

  it("records a payment after the follow-up closed, and one from a client the member did not let us contact", async () => {
    // Prepare: one follow-up that ran out (90 days), one request without consent
    const late = await paidContract();
    await f.harness.advance(91 * DAY_MS);
    const noConsent = await paidContract({ clientConsent: false });
    const before = await recovered();
    // Act
    const afterClose = await recordRecovery(f.stack, f.engine, late.id, 20_000, "BANK LATE 1");
    const unasked = await recordRecovery(f.stack, f.engine, noConsent.id, 90_000, "BANK UNASKED 1");
    const list = await listRecoveries(f.stack);
    // Assess
    expect((await getExecution(f.stack, late.id))!.status).toBe("succeeded");
    expect(afterClose).toMatchObject({ outcome: "recorded", outstandingCents: 70_000 });
    expect(afterClose.followUp.outcome).toBe("ended");
    expect(unasked).toMatchObject({ outcome: "recorded", outstandingCents: 0 });
    expect(await subjectsTo(f.stack, noConsent.client.email)).toEqual([]);
    expect(list.find((l) => l.requestId === late.id)).toMatchObject({
      recoveredCents: 20_000,
      followUpOpen: false,
    });
    expect(list.find((l) => l.requestId === noConsent.id)).toMatchObject({
      recoveredCents: 90_000,
      outstandingCents: 0,
    });
    expect((await recovered()) - before).toBe(110_000);
  });

  it("refuses what cannot be a recovery, and changes nothing", async () => {
    // Prepare: a request not paid yet, an emergency aid
    const scheduled = await f.submit(contractBody([await f.upload(pdf)]));
    await f.decide(admins[0]!, scheduled.body.id, { decision: "approve" });
    const aid = await f.submit({
      type: "emergency-aid",
      language: "nl",
      memberNumber: "M0002",
      email: "pieter.janssens@example.org",
      iban: "BE35310123456737",
      category: "rent",
      description: "Geen inkomen sinds maart, de huur van april is verschuldigd.",
      incomeBeforeCents: 180_000,
      incomeAfterCents: 0,
      householdSize: 2,
      requestedAmountCents: 70_000,
    });
    const before = await recovered();
    // Act
    const notPaid = await failure(
      recordRecovery(f.stack, f.engine, scheduled.body.id, 100, "BANK X1"),
    );
    const noClient = await failure(recordRecovery(f.stack, f.engine, aid.body.id, 100, "BANK X2"));
    const unknown = await failure(recordRecovery(f.stack, f.engine, "nope", 100, "BANK X3"));
    const zero = await failure(recordRecovery(f.stack, f.engine, scheduled.body.id, 0, "BANK X4"));
    const noRef = await failure(recordRecovery(f.stack, f.engine, scheduled.body.id, 100, "   "));
    const cliNoRef = await runCli(["recoveries", "record", scheduled.body.id, "1"], env);
    // Assess
    expect(notPaid).toContain("has not been paid out");
    expect(noClient).toContain(
      "only cancelled-contract and incurred-expenses requests have a client",
    );
    expect(unknown).toBe("request nope not found");
    expect(zero).toBe("a recovered amount must be more than 0 euros");
    expect(noRef).toContain("give the bank reference");
    expect(cliNoRef.code).toBe(2);
    expect(cliNoRef.stderr).toContain("--reference");
    expect(await recovered()).toBe(before);
  });
});

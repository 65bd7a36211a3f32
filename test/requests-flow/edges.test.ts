import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { setLanguages } from "../../packages/core/src/contacts/language";
import { keys } from "../../packages/core/src/db/layout";
import { readItem } from "../../packages/core/src/db/records";
import { getExecution } from "../../packages/core/src/engine/store";
import { createBatch } from "../../packages/core/src/finance/batches";
import { markBatchPaid, markPayoutFailed } from "../../packages/core/src/finance/settlement";
import { getFund } from "../../packages/core/src/funds/fund";
import { reopenAbandoned } from "../../packages/core/src/requests/operations";
import {
  admins,
  contractBody,
  exportedCsv,
  flowStack,
  freshWorkDays,
  member,
  pdf,
  solidarity,
} from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
let doc: string;
beforeAll(async () => {
  f = await flowStack();
  doc = await f.upload(pdf);
});

const DAY = 86_400_000;
const freshDays = freshWorkDays();
const contract = (changes: Record<string, unknown> = {}) =>
  contractBody([doc], { workDays: freshDays(), ...changes });
const statusOf = async (id: string) =>
  ((await getExecution(f.stack, id))!.data as { status: string }).status;
const payoutOf = (id: string) => readItem(f.stack, keys.payout(id));
const subjects = async (to: string, id: string) =>
  (await f.inbox(to)).filter((m) => m.subject.includes(id)).map((m) => m.subject);

/** An emergency aid by M0002, decided by the solidarity committee (ends when paid). */
const aidBody = (requestedAmountCents: number) => ({
  type: "emergency-aid",
  language: "fr",
  memberNumber: "M0002",
  email: "pieter.janssens@example.org",
  iban: "BE35310123456737",
  category: "rent",
  description: "Plus de revenus depuis mars.",
  incomeBeforeCents: 180_000,
  incomeAfterCents: 0,
  householdSize: 2,
  requestedAmountCents,
});

/** Creates the fund's batch, exports it and marks it paid: what finance does on a Monday. */
async function payBatch(fund: "solidarity" | "relaunch") {
  const { batch } = await createBatch(f.stack, fund);
  const csv = await exportedCsv(f.stack, batch!.batchId);
  const report = await markBatchPaid(f.stack, f.engine, batch!.batchId);
  await f.harness.drain();
  return { batch: batch!, csv, report };
}

/** A cancelled contract approved and returned by the bank before payment, waiting for a new IBAN. */
async function returnedContract() {
  const submitted = await f.submit(contract());
  const id = submitted.body.id as string;
  await f.decide(admins[0]!, id, { decision: "approve" });
  const { batch } = await createBatch(f.stack, "solidarity");
  await markPayoutFailed(f.stack, f.engine, id, "account closed");
  await f.harness.drain();
  return {
    id,
    statusUrl: submitted.body.statusUrl as string,
    token: decodeURIComponent(f.tokenOf(submitted.body.statusUrl)),
    batch: batch!,
  };
}

describe("two people acting at once", () => {
  it("an approval and a withdrawal sent together: each answer is what happened, and a member told 'withdrawn' is never paid", async () => {
    // Prepare
    const ids: { id: string; token: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const s = await f.submit(contract());
      ids.push({ id: s.body.id, token: decodeURIComponent(f.tokenOf(s.body.statusUrl)) });
    }
    const decisionTokens = await Promise.all(ids.map(({ id }) => f.decisionToken(admins[0]!, id)));
    // Act
    const answers = await Promise.all(
      ids.map(({ id, token }, i) =>
        Promise.all([
          f.api.call("POST", `/api/requests/${id}/withdraw`, { token }),
          f.api.call("POST", "/api/decisions", {
            token: decisionTokens[i],
            body: { decision: "approve" },
          }),
        ]),
      ),
    );
    await f.harness.drain();
    // Assess
    for (const [i, [withdrawal, decision]] of answers.entries()) {
      const { id } = ids[i]!;
      const status = await statusOf(id);
      expect([withdrawal.status, decision.status].filter((s) => s === 200)).toHaveLength(1);
      if (withdrawal.status === 200) {
        expect(withdrawal.body).toEqual({ status: "withdrawn" });
        expect(status).toBe("withdrawn");
        expect(await payoutOf(id)).toBeUndefined();
        expect(await subjects(member.email, id)).not.toContainEqual(
          expect.stringContaining("approuvée"),
        );
      } else {
        expect(withdrawal.status).toBe(409);
        expect(withdrawal.body.error.details).toMatchObject({ status: expect.any(String) });
        expect(status).toBe("scheduled");
      }
    }
  });

  it("an information answer and a withdrawal sent together: exactly one applies, the other is refused with the current status", async () => {
    // Prepare
    const pairs = [];
    for (let i = 0; i < 4; i++) {
      const s = await f.submit(contract());
      await f.decide(admins[1]!, s.body.id, {
        decision: "request-info",
        comment: "Le contrat signé ?",
      });
      pairs.push({
        id: s.body.id as string,
        token: decodeURIComponent(f.tokenOf(s.body.statusUrl)),
      });
    }
    // Act
    const answers = await Promise.all(
      pairs.map(({ id, token }) =>
        Promise.all([
          f.api.call("POST", `/api/requests/${id}/info`, { token, body: { comment: "Le voici." } }),
          f.api.call("POST", `/api/requests/${id}/withdraw`, { token }),
        ]),
      ),
    );
    await f.harness.drain();
    // Assess
    for (const [i, [info, withdrawal]] of answers.entries()) {
      const status = await statusOf(pairs[i]!.id);
      expect([info.status, withdrawal.status].sort()).toEqual([200, 409]);
      expect(status).toBe(withdrawal.status === 200 ? "withdrawn" : "awaiting-approval");
      const refused = info.status === 409 ? info : withdrawal;
      expect(refused.body.error.details.status).toEqual(expect.any(String));
    }
  });
});

describe("a new IBAN after a returned transfer", () => {
  it("the status link alone cannot redirect the money: the new IBAN waits for the registered address, and another country needs an approver", async () => {
    // Prepare
    const r = await returnedContract();
    const foreign = "FR7630006000011234567890189";
    // Act
    const claimed = await f.api.call("POST", `/api/requests/${r.id}/info`, {
      token: r.token,
      body: { iban: foreign },
    });
    await f.harness.drain();
    const beforeConfirmation = await payoutOf(r.id);
    const confirmed = await f.api.call("POST", "/api/confirmations", {
      token: await f.confirmationToken(member.email, r.id),
      body: { answer: "confirm" },
    });
    await f.harness.drain();
    const beforeApproval = { status: await statusOf(r.id), payout: await payoutOf(r.id) };
    const approverMails = await subjects(admins[0]!, r.id);
    await f.decide(admins[0]!, r.id, { decision: "approve" });
    // Assess
    expect(claimed).toMatchObject({ status: 200, body: { status: "confirming-iban" } });
    expect(beforeConfirmation).toMatchObject({ status: "payout-failed", iban: member.iban });
    expect(confirmed.status).toBe(200);
    expect(beforeApproval).toMatchObject({
      status: "confirming-iban",
      payout: { status: "payout-failed", iban: member.iban },
    });
    expect(approverMails.length).toBeGreaterThanOrEqual(2);
    expect(await statusOf(r.id)).toBe("scheduled");
    expect(await payoutOf(r.id)).toMatchObject({
      status: "scheduled",
      iban: foreign,
      gsi1pk: keys.payoutStatusPartition("solidarity", "scheduled"),
    });
    expect(await subjects(member.email, r.id)).toContainEqual(
      expect.stringContaining("Le compte de votre paiement a changé"),
    );
  });

  it("the registered member saying 'this is not me' freezes the request and tells the approvers, each in their language", async () => {
    // Prepare
    await setLanguages(f.stack, [{ email: admins[1]!, language: "nl" }]);
    onTestFinished(() => setLanguages(f.stack, [{ email: admins[1]!, language: "fr" }]));
    const r = await returnedContract();
    await f.api.call("POST", `/api/requests/${r.id}/info`, {
      token: r.token,
      body: { iban: "BE68539007547034" },
    });
    await f.harness.drain();
    // Act
    const answer = await f.api.call("POST", "/api/confirmations", {
      token: await f.confirmationToken(member.email, r.id),
      body: { answer: "not-me" },
    });
    await f.harness.drain();
    const again = await f.api.call("POST", `/api/requests/${r.id}/info`, {
      token: r.token,
      body: { iban: "BE68539007547034" },
    });
    // Assess
    expect(answer).toMatchObject({ status: 200, body: { status: "disputed" } });
    expect(await statusOf(r.id)).toBe("disputed");
    expect(await payoutOf(r.id)).toMatchObject({ status: "payout-failed", iban: member.iban });
    expect(await subjects(admins[0]!, r.id)).toContainEqual(expect.stringContaining("contestée"));
    expect(await subjects(admins[1]!, r.id)).toContainEqual(
      expect.stringContaining("Aanvraag betwist"),
    );
    expect(again.status).toBe(409);
  });

  it("a payout rescheduled on a confirmed IBAN is picked by the next batch and paid: the bank file and the ledger agree", async () => {
    // Prepare
    const r = await returnedContract();
    await f.api.call("POST", `/api/requests/${r.id}/info`, {
      token: r.token,
      body: { iban: "BE68539007547034" },
    });
    await f.harness.drain();
    await f.api.call("POST", "/api/confirmations", {
      token: await f.confirmationToken(member.email, r.id),
      body: { answer: "confirm" },
    });
    await f.harness.drain();
    const before = (await getFund(f.stack, "solidarity"))!;
    // Act
    const { csv, report } = await payBatch("solidarity");
    // Assess
    expect(csv).toContain(r.id);
    expect(csv).toContain("BE68539007547034");
    expect(report.paid).toBe(report.batch.payoutCount);
    expect(await payoutOf(r.id)).toMatchObject({ status: "paid", iban: "BE68539007547034" });
    // Told of the approval once, not again when the payout was scheduled anew.
    expect(
      (await subjects(member.email, r.id)).filter((m) => m.includes("approuvée")),
    ).toHaveLength(1);
    const after = (await getFund(f.stack, "solidarity"))!;
    expect(after.paidCents - before.paidCents).toBe(report.batch.totalCents);
    expect(before.reservedCents - after.reservedCents).toBe(report.batch.totalCents);
  });
});

describe("returned transfers over time", () => {
  it("a transfer returned after the request was paid and closed asks the member for a new IBAN, and the second payout goes through a normal batch", async () => {
    // Prepare
    const s = await f.submit(aidBody(30_000));
    const id = s.body.id as string;
    await f.decide(solidarity[0]!, id, { decision: "approve" });
    await payBatch("solidarity");
    const closed = await getExecution(f.stack, id);
    const paidBefore = (await getFund(f.stack, "solidarity"))!;
    // Act
    const returned = await markPayoutFailed(f.stack, f.engine, id, "beneficiary deceased account");
    await f.harness.drain();
    const failed = { status: await statusOf(id), fund: (await getFund(f.stack, "solidarity"))! };
    await f.api.call("POST", `/api/requests/${id}/info`, {
      token: decodeURIComponent(f.tokenOf(s.body.statusUrl)),
      body: { iban: "BE68539007547034" },
    });
    await f.harness.drain();
    await f.api.call("POST", "/api/confirmations", {
      token: await f.confirmationToken("pieter.janssens@example.org", id),
      body: { answer: "confirm" },
    });
    await f.harness.drain();
    const { csv } = await payBatch("solidarity");
    // Assess
    expect(closed).toMatchObject({ status: "succeeded" });
    expect(returned).toMatchObject({
      previousStatus: "paid",
      reversedCents: 30_000,
      signal: { outcome: "delivered" },
    });
    expect(failed.status).toBe("payout-failed");
    expect(failed.fund.paidCents).toBe(paidBefore.paidCents - 30_000);
    expect(failed.fund.reservedCents).toBe(paidBefore.reservedCents + 30_000);
    expect(await subjects("pieter.janssens@example.org", id)).toContainEqual(
      expect.stringContaining("Paiement impossible"),
    );
    expect(csv).toContain(id);
    expect(await statusOf(id)).toBe("paid");
    expect((await getFund(f.stack, "solidarity"))!.paidCents).toBe(paidBefore.paidCents);
  });

  it("an uncorrected return is recalled at 14 days and gives its reservation back at 30; operations can reopen it", async () => {
    // Prepare
    const r = await returnedContract();
    const reserved = (await getFund(f.stack, "solidarity"))!.reservedCents;
    // Act
    await f.harness.advance(15 * DAY);
    const reminded = await subjects(member.email, r.id);
    const at15 = await statusOf(r.id);
    await f.harness.advance(16 * DAY);
    const abandoned = {
      status: await statusOf(r.id),
      payout: await payoutOf(r.id),
      fund: (await getFund(f.stack, "solidarity"))!,
    };
    const lateClaim = await f.api.call("POST", `/api/requests/${r.id}/info`, {
      token: r.token,
      body: { iban: "BE68539007547034" },
    });
    await reopenAbandoned(f.stack, f.engine, r.id);
    await f.harness.drain();
    // Assess
    expect(reminded).toContainEqual(expect.stringContaining("Rappel : nous attendons votre IBAN"));
    expect(at15).toBe("payout-failed");
    expect(abandoned.status).toBe("payout-abandoned");
    expect(abandoned.payout).toMatchObject({
      status: "abandoned",
      gsi1pk: keys.payoutStatusPartition("solidarity", "abandoned"),
    });
    expect(abandoned.fund.reservedCents).toBe(reserved - 90_000);
    expect(await subjects(member.email, r.id)).toContainEqual(expect.stringContaining("abandonné"));
    expect(lateClaim.status).toBe(409);
    expect(await statusOf(r.id)).toBe("payout-failed");
    expect((await getFund(f.stack, "solidarity"))!.reservedCents).toBe(reserved);
  });
});

describe("a request in someone else's name", () => {
  it("is told at once to the register's address and is not granted before two days have passed", async () => {
    // Prepare
    const s = await f.submit(contract({ email: "imposteur@example.net" }));
    const id = s.body.id as string;
    // Act
    await f.decide(admins[0]!, id, { decision: "approve" });
    const held = { status: await statusOf(id), payout: await payoutOf(id) };
    await f.harness.advance(2 * DAY + 60_000);
    // Assess
    expect(await subjects(member.email, id)).toContainEqual(
      expect.stringContaining("Une demande a été faite à votre nom"),
    );
    expect(held).toEqual({ status: "approved", payout: undefined });
    expect(await statusOf(id)).toBe("scheduled");
  });

  it("'this is not me' from the register's address freezes it before anything is paid, and the approvers are told", async () => {
    // Prepare
    const s = await f.submit(contract({ iban: "BE68539007547034" }));
    const id = s.body.id as string;
    const decisionToken = await f.decisionToken(admins[0]!, id);
    // Act
    const answer = await f.api.call("POST", "/api/confirmations", {
      token: await f.confirmationToken(member.email, id),
      body: { answer: "not-me" },
    });
    await f.harness.drain();
    const decision = await f.api.call("POST", "/api/decisions", {
      token: decisionToken,
      body: { decision: "approve" },
    });
    // Assess
    expect(answer).toMatchObject({ status: 200, body: { status: "disputed" } });
    expect(decision.status).toBe(409);
    expect(await statusOf(id)).toBe("disputed");
    expect(await payoutOf(id)).toBeUndefined();
    expect(await subjects(admins[0]!, id)).toContainEqual(expect.stringContaining("contestée"));
  });
});

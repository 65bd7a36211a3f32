import { Writable } from "node:stream";
import { createBatch } from "../../../packages/core/src/finance/batches";
import { exportBatch } from "../../../packages/core/src/finance/exports";
import { recordRecovery } from "../../../packages/core/src/finance/recoveries";
import { importRepayments } from "../../../packages/core/src/finance/repayments";
import { markBatchPaid } from "../../../packages/core/src/finance/settlement";
import { setEnvelope } from "../../../packages/core/src/funds/fund";
import {
  contractBody,
  credit,
  flowStack,
  loanBody,
  pdf,
  solidarity,
} from "../../requests-flow/support";

const DAY = 86_400_000;

/** The demo members (`members.csv`) with their activity and its first administrator. */
export const MEMBERS = [
  {
    memberNumber: "M0001",
    email: "camille.dubois@example.org",
    iban: "BE21001234567803",
    activityId: "ACT-001",
    admin: "admin.spectacle@smart.example.org",
  },
  {
    memberNumber: "M0002",
    email: "pieter.janssens@example.org",
    iban: "BE35310123456737",
    activityId: "ACT-002",
    admin: "admin.atelier@smart.example.org",
  },
  {
    memberNumber: "M0003",
    email: "sarah.oconnor@example.org",
    iban: "BE74063445566707",
    activityId: "ACT-001",
    admin: "admin.spectacle@smart.example.org",
  },
  {
    memberNumber: "M0005",
    email: "hugo.bernard@example.org",
    iban: "FR7620041010050500001302147",
    activityId: "ACT-002",
    admin: "admin.atelier@smart.example.org",
  },
  {
    memberNumber: "M0006",
    email: "amelie.lambert@example.org",
    iban: "BE39735010120219",
    activityId: "ACT-002",
    admin: "admin.atelier@smart.example.org",
  },
  {
    memberNumber: "M0004",
    email: "lea.martin@example.org",
    iban: "FR7630004008230001234567819",
    activityId: "ACT-001",
    admin: "admin.spectacle@smart.example.org",
  },
];

/** Everything personal the seeded requests carry, which the report must never show. */
export const PERSONAL = [
  ...MEMBERS.flatMap((m) => [m.email, m.iban]),
  "Camille",
  "Dubois",
  "Pieter",
  "Janssens",
  "Sarah",
  "O'Connor",
  "Léa",
  "Martin",
  "Hugo",
  "Bernard",
  "Amélie",
  "Lambert",
  "BE21 0012 3456 7803",
  "prod@theatre.example",
  "Théâtre",
];

export const YEAR_START = "2020-03-16T09:00:00.000Z";

/**
 * A year of requests on the demo registers, driven through the real API, engine and finance
 * commands with the injectable clock: each month contracts (approved, rejected, withdrawn, left
 * to expire), an emergency aid, a payout batch paid, client recoveries; two loans, the second
 * waiting for funds, and repayments of the first.
 */
export async function seedYear() {
  const f = await flowStack();
  const { stack, engine, harness } = f;
  stack.clock.offsetMs = Date.parse(YEAR_START) - Date.now();
  stack.config.debtor = { name: "Smart Coop SCE", iban: "BE71096123456769", bic: "GKCCBEBB" };
  // The envelopes the assembly voted, set again on the year's first day so the chart starts there.
  await setEnvelope(stack, "solidarity", 2_500_000_00);
  await setEnvelope(stack, "relaunch", 5_000_00);
  await setEnvelope(stack, "initiatives", 150_000_00);
  const doc = await f.upload(pdf);
  const ids: string[] = [];
  const paidForRecovery: string[] = [];
  const advanceDays = (days: number) => harness.advance(days * DAY);
  const pay = async (fund: "solidarity" | "relaunch") => {
    const created = await createBatch(stack, fund);
    if (created.batch) {
      // Finance sends the bank file first: only what an export holds can be marked paid.
      await exportBatch(
        stack,
        created.batch.batchId,
        "csv",
        new Writable({ write: (_chunk, _encoding, done) => done() }),
      );
      await markBatchPaid(stack, engine, created.batch.batchId);
    }
    await harness.drain();
  };
  let loan = "";
  const tokens = new Map<string, string>();
  for (let month = 0; month < 12; month++) {
    const contracts: string[] = [];
    const count = 4 + (month % 3);
    for (let i = 0; i < count; i++) {
      const m = MEMBERS[(month + i) % MEMBERS.length]!;
      const answer = await f.submit(
        contractBody([doc], {
          ...m,
          admin: undefined,
          grossAmountCents: 40_000 + ((month * 7 + i) % 9) * 12_500,
        }),
      );
      contracts.push(answer.body.id);
      ids.push(answer.body.id);
      tokens.set(answer.body.id, decodeURIComponent(f.tokenOf(answer.body.statusUrl)));
    }
    const aidMember = MEMBERS[month % MEMBERS.length]!;
    const aid = await f.submit({
      type: "emergency-aid",
      language: "fr",
      memberNumber: aidMember.memberNumber,
      email: aidMember.email,
      iban: aidMember.iban,
      category: "rent",
      description: "Plus de revenus, le loyer est dû.",
      incomeBeforeCents: 180_000,
      incomeAfterCents: 0,
      householdSize: 2,
      requestedAmountCents: 50_000 + month * 2_000,
    });
    ids.push(aid.body.id);
    if (month === 1 || month === 2) {
      const m = month === 1 ? MEMBERS[5]! : MEMBERS[3]!;
      const answer = await f.submit(
        loanBody([doc], {
          memberNumber: m.memberNumber,
          email: m.email,
          iban: m.iban,
          activityId: m.activityId,
          amountCents: month === 1 ? 400_000 : 300_000,
        }),
      );
      ids.push(answer.body.id);
      if (month === 1) loan = answer.body.id;
      await advanceDays(1);
      await f.decide(credit[0]!, answer.body.id, { decision: "approve" });
      await f.decide(credit[1]!, answer.body.id, { decision: "approve" });
    }
    await advanceDays(1 + (month % 4));
    for (const [i, id] of contracts.entries()) {
      const m = MEMBERS[(month + i) % MEMBERS.length]!;
      if (i % 5 === 3)
        await f.decide(m.admin, id, { decision: "reject", comment: "Hors du champ du plan" });
      else if ((month + i) % 7 === 5) {
        await f.api.call("POST", `/api/requests/${id}/withdraw`, { token: tokens.get(id)! });
        await harness.drain();
      } else if ((month + i) % 11 === 6)
        await f.decide(m.admin, id, { decision: "request-info", comment: "Joignez l'avenant" });
      else await f.decide(m.admin, id, { decision: "approve" });
    }
    await advanceDays(2);
    await f.decide(solidarity[0]!, aid.body.id, { decision: "approve" });
    await advanceDays(8);
    await pay("solidarity");
    if (month === 1) await pay("relaunch");
    paidForRecovery.push(...contracts);
    await advanceDays(3);
    // Some clients pay the cancellation back: every other request paid the month before.
    for (const id of paidForRecovery.splice(0).filter((_, i) => i % 2 === 0)) {
      await recordRecovery(stack, engine, id, 10_000, `BANK-${id}`).catch(() => undefined);
    }
    await harness.drain();
    if (month >= 6 && loan) {
      const date = new Date(stack.clock.now()).toISOString().slice(0, 10);
      await importRepayments(
        stack,
        engine,
        new TextEncoder().encode(`requestId;date;amountEuros\n${loan};${date};300\n`),
      );
      await harness.drain();
    }
    await advanceDays(30 - (1 + (month % 4)) - 2 - 8 - 3 - (month === 1 || month === 2 ? 1 : 0));
  }
  return { ...f, ids };
}

import { describe, expect, it } from "vitest";
import { createBatch } from "../../packages/core/src/finance/batches";
import { listRecoveries, recordRecovery } from "../../packages/core/src/finance/recoveries";
import { importRepayments } from "../../packages/core/src/finance/repayments";
import { markBatchPaid, markPayoutFailed } from "../../packages/core/src/finance/settlement";
import type { FundName } from "../../packages/core/src/funds/fund";
import {
  admins,
  contractBody,
  credit,
  exportedCsv,
  flowStack,
  loanBody,
  pdf,
  png,
  setNow,
  solidarity,
  subjectsTo,
} from "./support";

const BACKUP = "solidarite.backup@smart.example.org";
const CLIENT = "regie@annee.example";
const people = {
  camille: "camille.dubois@example.org",
  pieter: "pieter.janssens@example.org",
  sarah: "sarah.oconnor@example.org",
  lea: "lea.martin@example.org",
};

/** An approver's subject without the summary between the lead and the request id. */
const brief = (subject: string) => subject.replace(/ — .*(\[[^\]]+\])$/, " $1");

describe("a year in the life, on the local clock", () => {
  it("sends every person the emails of their requests, in order, and nothing else", async () => {
    // Prepare
    const f = await flowStack();
    const morning = (date: string) => setNow(f.stack, `${date}T09:00:00Z`);
    const evening = async (date: string) => {
      setNow(f.stack, `${date}T18:00:00Z`);
      await f.harness.drain();
    };
    const payBatch = async (fund: FundName) => {
      const { batch } = await createBatch(f.stack, fund);
      await exportedCsv(f.stack, batch!.batchId);
      await markBatchPaid(f.stack, f.engine, batch!.batchId);
      await f.harness.drain();
    };
    const repay = (date: string, euros: string) =>
      importRepayments(
        f.stack,
        f.engine,
        new TextEncoder().encode(`requestId,date,amountEuros\n${loan},${date},${euros}\n`),
      );

    // Act: 2031-03-03, four members ask
    morning("2031-03-03");
    const contract = (
      await f.submit(
        contractBody([await f.upload(pdf)], {
          client: { name: "Théâtre de l'Année", email: CLIENT },
        }),
      )
    ).body.id as string;
    await f.decide(admins[0]!, contract, { decision: "approve" });
    const aidAnswer = await f.submit({
      type: "emergency-aid",
      language: "nl",
      memberNumber: "M0002",
      email: people.pieter,
      iban: "BE35310123456737",
      category: "rent",
      description: "Geen inkomen sinds maart, de huur van april is verschuldigd.",
      incomeBeforeCents: 180_000,
      incomeAfterCents: 0,
      householdSize: 2,
      requestedAmountCents: 70_000,
    });
    const aid = aidAnswer.body.id as string;
    const expenses = (
      await f.submit({
        type: "incurred-expenses",
        language: "en",
        memberNumber: "M0003",
        email: people.sarah,
        iban: "BE74063445566707",
        activityId: "ACT-001",
        client: { name: "Festival d'été" },
        orderReference: "PO-2031",
        cancellationDate: "2020-03-20",
        // The file says PDF, its bytes are a PNG: the checks ask for another one.
        lines: [
          {
            date: "2020-03-02",
            description: "Fabric",
            amountCents: 45_000,
            documentId: await f.upload(png),
          },
        ],
      })
    ).body.id as string;
    const loan = (
      await f.submit(
        loanBody([await f.upload(pdf)], {
          language: "en",
          amountCents: 60_000,
          termMonths: 6,
          graceMonths: 0,
        }),
      )
    ).body.id as string;
    await f.decide(credit[0]!, loan, { decision: "approve" });
    await f.decide(credit[1]!, loan, { decision: "approve" });

    // 03-04: the contract and the loan are paid out (the loan's first installment is due 04-04)
    morning("2031-03-04");
    await payBatch("solidarity");
    await payBatch("relaunch");
    // Nobody decides on the aid: reminders on 03-05, 03-07, 03-09, the backup on 03-10
    for (const date of ["2031-03-05", "2031-03-07", "2031-03-09", "2031-03-10"])
      await evening(date);
    morning("2031-03-11");
    await f.decide(BACKUP, aid, { decision: "approve" });
    // 03-12: the aid's transfer comes back; Pieter gives another IBAN and confirms it; paid on 03-13
    morning("2031-03-12");
    const { batch } = await createBatch(f.stack, "solidarity");
    await markPayoutFailed(f.stack, f.engine, aid, "account closed");
    await f.harness.drain();
    await f.api.call("POST", `/api/requests/${aid}/info`, {
      token: decodeURIComponent(f.tokenOf(aidAnswer.body.statusUrl)),
      body: { iban: "BE68 5390 0754 7034" },
    });
    await f.harness.drain();
    // The new IBAN is a claim until the registered address confirms it
    await f.api.call("POST", "/api/confirmations", {
      token: await f.confirmationToken(people.pieter, aid),
      body: { answer: "confirm" },
    });
    await f.harness.drain();
    morning("2031-03-13");
    await payBatch("solidarity");
    // Sarah never answers: reminded on 03-10, expired on 03-17
    await evening("2031-03-17");
    // The client pays in two parts, reminded in between (30 days after the invitation);
    // Léa pays her first installment on time
    morning("2031-03-20");
    await recordRecovery(f.stack, f.engine, contract, 30_000, "CLIENT PART 1");
    await evening("2031-03-28");
    morning("2031-04-03");
    await repay("2031-04-03", "100");
    await evening("2031-04-03");
    morning("2031-04-17");
    await recordRecovery(f.stack, f.engine, contract, 60_000, "CLIENT PART 2");
    // Léa's second installment late, the third and fourth missed, then all the rest
    await evening("2031-04-27");
    await evening("2031-05-11");
    morning("2031-05-14");
    await repay("2031-05-14", "100");
    for (const date of ["2031-05-28", "2031-06-11", "2031-06-27", "2031-07-11"])
      await evening(date);
    morning("2031-07-20");
    await repay("2031-07-20", "400");
    await f.harness.drain();
    // The rest of the year: nothing more is sent
    for (const date of ["2031-09-01", "2031-12-01", "2032-03-03"]) await evening(date);

    // Assess: the emulator's inbox is shared by every test file, so only this year's requests count
    const ids = [contract, aid, expenses, loan];
    const received = async (to: string) =>
      (await subjectsTo(f.stack, to)).filter((s) => ids.some((id) => s.includes(id)));
    expect(await received(people.camille)).toEqual([
      `Demande reçue [${contract}]`,
      `Demande approuvée [${contract}]`,
      `Paiement effectué [${contract}]`,
    ]);
    expect(await subjectsTo(f.stack, CLIENT)).toEqual([
      "Frais d'annulation de la prestation de Camille Dubois",
      "Rappel : frais d'annulation de la prestation de Camille Dubois",
    ]);
    expect(await received(people.pieter)).toEqual([
      `Aanvraag ontvangen [${aid}]`,
      `Aanvraag goedgekeurd [${aid}]`,
      `Betaling mislukt: controleer uw IBAN [${aid}]`,
      `Bevestig de nieuwe rekening voor uw betaling [${aid}]`,
      `De rekening voor uw betaling is gewijzigd [${aid}]`,
      `Betaling uitgevoerd [${aid}]`,
    ]);
    expect(await received(people.sarah)).toEqual([
      `Request received [${expenses}]`,
      `Information needed for your request [${expenses}]`,
      `Reminder: information awaited for your request [${expenses}]`,
      `Request expired [${expenses}]`,
    ]);
    expect(await received(people.lea)).toEqual([
      `Request received [${loan}]`,
      `Request approved [${loan}]`,
      `Payment made [${loan}]`,
      `Your relaunch loan: repayment schedule [${loan}]`,
      `Next installment of your loan [${loan}]`,
      `Next installment of your loan [${loan}]`,
      `Unpaid installment of your loan [${loan}]`,
      `Next installment of your loan [${loan}]`,
      `Unpaid installment of your loan [${loan}]`,
      `Next installment of your loan [${loan}]`,
      `Unpaid installment of your loan [${loan}]`,
      `Loan fully repaid [${loan}]`,
    ]);
    for (const admin of admins)
      expect((await received(admin)).map(brief)).toEqual([`Demande à approuver [${contract}]`]);
    // Each approver reads in the language the registers give them (solidarite.marc: Dutch).
    expect((await received(solidarity[0]!)).map(brief)).toEqual([
      `Demande à approuver [${aid}]`,
      `Rappel 1/3 : demande à approuver [${aid}]`,
      `Rappel 2/3 : demande à approuver [${aid}]`,
      `Rappel 3/3 : demande à approuver [${aid}]`,
    ]);
    expect((await received(solidarity[1]!)).map(brief)).toEqual([
      `Aanvraag ter goedkeuring [${aid}]`,
      `Herinnering 1/3: aanvraag ter goedkeuring [${aid}]`,
      `Herinnering 2/3: aanvraag ter goedkeuring [${aid}]`,
      `Herinnering 3/3: aanvraag ter goedkeuring [${aid}]`,
    ]);
    expect((await received(BACKUP)).map(brief)).toEqual([
      `Suppléance : demande à approuver [${aid}]`,
    ]);
    expect((await received(credit[0]!)).map(brief)).toEqual([`Demande à approuver [${loan}]`]);
    expect((await received(credit[1]!)).map(brief)).toEqual([`Request to approve [${loan}]`]);
    expect((await listRecoveries(f.stack)).find((l) => l.requestId === contract)).toMatchObject({
      recoveredCents: 90_000,
      outstandingCents: 0,
      followUpOpen: false,
    });
    expect(batch?.payoutCount).toBe(1);
  }, 300_000);
});

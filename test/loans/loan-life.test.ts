import { describe, expect, it } from "vitest";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { createBatch } from "../../packages/core/src/finance/batches";
import { loanSchedules, schedulesCsv } from "../../packages/core/src/finance/loans-report";
import { importRepayments } from "../../packages/core/src/finance/repayments";
import { markBatchPaid } from "../../packages/core/src/finance/settlement";
import { getFund } from "../../packages/core/src/funds/fund";
import { addMonthsClamped } from "../../packages/core/src/loans/schedule";
import type { RequestData } from "../../packages/core/src/requests/record";
import { advanceClockOffset } from "../../packages/functions/src/local/clock-offset";
import {
  credit,
  DEBTOR,
  exportedCsv,
  flowStack,
  loanBody,
  pdf,
  setNow,
  subjectsTo,
} from "../requests-flow/support";
import { cliDataDir, runCli } from "../support/cli";

const LEA = "lea.martin@example.org";

/** `iso` moved by `days` calendar days. */
const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("a relaunch loan over its life, on the real workflow", () => {
  it("reminds before each installment and warns after a missed one, once each, in the member's language, until repaid", async () => {
    // Prepare: a 600-euro loan over 6 months without grace, in Dutch, paid out on 2031-01-10
    const f = await flowStack();
    const at = (day: string) => setNow(f.stack, `${day}T10:00:00Z`);
    const day = async (date: string) => {
      at(date);
      await f.harness.drain();
    };
    const repay = (id: string, date: string, euros: string) =>
      importRepayments(
        f.stack,
        f.engine,
        new TextEncoder().encode(`requestId,date,amountEuros\n${id},${date},${euros}\n`),
      );
    at("2031-01-06");
    const fundBefore = (await getFund(f.stack, "relaunch"))!;
    const submitted = await f.submit(
      loanBody([await f.upload(pdf)], {
        language: "nl",
        amountCents: 60_000,
        termMonths: 6,
        graceMonths: 0,
      }),
    );
    const id = submitted.body.id as string;
    await f.decide(credit[0]!, id, { decision: "approve" });
    await f.decide(credit[1]!, id, { decision: "approve" });
    await day("2031-01-10");
    const batch = await createBatch(f.stack, "relaunch");
    await exportedCsv(f.stack, batch.batch!.batchId);
    await markBatchPaid(f.stack, f.engine, batch.batch!.batchId);
    await f.harness.drain();
    const due = (n: number) => addMonthsClamped("2031-01-10", n);

    // Act and assess, day after day
    const started = (await getExecution(f.stack, id))!;
    expect(started.state).toBe("repaying");
    expect(
      (started.data as RequestData).loan!.schedule.map((i) => [i.dueDate, i.amountCents]),
    ).toEqual([
      [due(1), 10_000],
      [due(2), 10_000],
      [due(3), 10_000],
      [due(4), 10_000],
      [due(5), 10_000],
      [due(6), 10_000],
    ]);

    await day(plusDays(due(1), -8));
    expect(
      (await subjectsTo(f.stack, LEA, id)).filter((s) => s.includes("Volgende aflossing")),
    ).toEqual([]);
    await day(plusDays(due(1), -7));
    await day(plusDays(due(1), -6));
    const [reminder] = (await f.inbox(LEA)).filter(
      (m) => m.subject === `Volgende aflossing van uw lening [${id}]`,
    );
    expect(reminder?.body.text).toContain("100,00");
    expect(reminder?.body.text).toContain("+++");
    expect(reminder?.body.text).toContain(DEBTOR.iban);

    // Installments 1 and 2 paid on the first due date: nothing more is said about installment 2
    await day(due(1));
    expect((await repay(id, due(1), "200")).counts.applied).toBe(1);
    await day(plusDays(due(2), -7));
    await day(plusDays(due(2), 8));

    // Installment 3 missed: reminded, then overdue, listed for finance with its days late
    await day(plusDays(due(3), -7));
    await day(plusDays(due(3), 7));
    const overdueView = await f.view(id, submitted.body.statusUrl);
    const [overdueMail] = (await f.inbox(LEA)).filter((m) =>
      m.subject.includes("Onbetaalde aflossing"),
    );
    const overdue = await loanSchedules(f.stack, { overdue: true });
    const csv = schedulesCsv(overdue);
    // The CLI reads the local stack's clock as `clock advance` leaves it: the test's own offset
    await advanceClockOffset(f.stack, f.stack.clock.offsetMs);
    const cli = await runCli(["loans", "schedules", "--overdue", "--format", "csv"], {
      ENTRAIDE_DATA_DIR: await cliDataDir(f.stack),
    });

    // Paid late: the loan is no longer overdue
    await day(plusDays(due(3), 10));
    await repay(id, plusDays(due(3), 10), "100");
    const clearedView = await f.view(id, submitted.body.statusUrl);
    const overdueAfter = await loanSchedules(f.stack, { overdue: true });

    // Reminded for installment 4, then the whole rest is paid: repaid, with a final email
    await day(plusDays(due(4), -7));
    await repay(id, plusDays(due(4), -2), "300");
    await f.harness.drain();
    await day(plusDays(due(6), 30));

    expect(overdueView.loan).toMatchObject({ overdue: true, outstandingCents: 40_000 });
    // The status page's schedule: repayments on the oldest installments first
    expect(overdueView.loan.schedule.map((i: { paidCents: number }) => i.paidCents)).toEqual([
      10_000, 10_000, 0, 0, 0, 0,
    ]);
    expect(overdueMail?.body.text).toContain("100,00");
    expect(overdue.filter((l) => l.loan === id)).toEqual([
      expect.objectContaining({
        number: 3,
        dueDate: due(3),
        outstandingCents: 10_000,
        daysLate: 7,
      }),
    ]);
    expect(csv.split("\r\n")[0]).toContain("days late");
    expect(csv).toContain(`${id};M0004;3;${due(3)};100,00;0,00;100,00;7`);
    expect(cli.stdout).toContain(`${id};M0004;3;${due(3)};100,00;0,00;100,00;7`);
    expect(clearedView.loan).toMatchObject({ overdue: false, outstandingCents: 30_000 });
    expect(overdueAfter.filter((l) => l.loan === id)).toEqual([]);

    const ended = (await getExecution(f.stack, id))!;
    expect(ended.status).toBe("succeeded");
    expect((ended.data as RequestData).status).toBe("repaid");
    expect(await subjectsTo(f.stack, LEA, id)).toEqual([
      `Aanvraag ontvangen [${id}]`,
      `Aanvraag goedgekeurd [${id}]`,
      `Betaling uitgevoerd [${id}]`,
      `Uw relancelening: aflossingsschema [${id}]`,
      `Volgende aflossing van uw lening [${id}]`,
      `Volgende aflossing van uw lening [${id}]`,
      `Onbetaalde aflossing van uw lening [${id}]`,
      `Volgende aflossing van uw lening [${id}]`,
      `Lening volledig terugbetaald [${id}]`,
    ]);
    const events = (await readHistory(f.stack, id)).map((e) => e.type);
    expect(
      events.filter((t) =>
        ["InstallmentReminded", "InstallmentOverdue", "OverdueCleared", "Repaid"].includes(t),
      ),
    ).toEqual([
      "InstallmentReminded",
      "InstallmentReminded",
      "InstallmentOverdue",
      "OverdueCleared",
      "InstallmentReminded",
      "Repaid",
    ]);
    const fundAfter = (await getFund(f.stack, "relaunch"))!;
    expect(fundAfter.repaidCents - fundBefore.repaidCents).toBe(60_000);
  }, 120_000);
});

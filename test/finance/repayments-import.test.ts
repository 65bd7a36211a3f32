import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Data } from "../../packages/core/src/engine/definition";
import { defineWorkflow } from "../../packages/core/src/engine/definition";
import { Engine } from "../../packages/core/src/engine/engine";
import { getExecution } from "../../packages/core/src/engine/store";
import { loanSchedules, schedulesCsv } from "../../packages/core/src/finance/loans-report";
import { importRepayments } from "../../packages/core/src/finance/repayments";
import { getFund } from "../../packages/core/src/funds/fund";
import { FundMovements } from "../../packages/core/src/funds/movements";
import { loanSchedule } from "../../packages/core/src/loans/schedule";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";
import { resetFund } from "./support/ledger";

let stack: TestStack;
let engine: Engine;
let harness: Harness;

interface LoanData extends Data {
  loan: {
    principalCents: number;
    repaidCents: number;
    repayments: { repaymentId: string; amountCents: number }[];
  };
}

/** The loan workflow reduced to its `repaying` state: it records a repayment and refills the fund. */
const loanProbe = defineWorkflow({
  name: "relaunch-loan",
  version: 1,
  startAt: "repaying",
  states: {
    repaying: {
      type: "callback",
      events: { repayment: z.looseObject({ amountCents: z.number() }) },
      outcomes: { repaid: "repaid" },
      onCallback: (data, { payload }) => {
        const { loan } = data as LoanData;
        const amountCents = payload.amountCents as number;
        const repaidCents = loan.repaidCents + amountCents;
        return {
          data: { loan: { ...loan, repaidCents, repayments: [...loan.repayments, payload] } },
          writes: [FundMovements.replenish("relaunch", "repaidCents", amountCents)],
          outcome: repaidCents === loan.principalCents ? "repaid" : undefined,
        };
      },
    },
    repaid: { type: "succeed" },
  },
});

async function startLoan(
  key: string,
  memberNumber: string,
  principalCents: number,
): Promise<string> {
  const schedule = loanSchedule({
    principalCents,
    termMonths: 6,
    graceMonths: 0,
    disbursedOn: "2020-04-15",
  });
  const loan = { principalCents, schedule, repaidCents: 0, repayments: [] };
  const { id } = await engine.start({
    workflow: "relaunch-loan",
    key,
    input: { request: { memberNumber }, loan },
  });
  return id;
}

const csv = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  stack = await createTestStack();
  engine = new Engine({ deps: stack, workflows: [loanProbe], steps: {} });
  harness = new Harness(stack, engine);
  await resetFund(stack, "relaunch", 0);
});

describe("loans repayments import", () => {
  it("applies each line once however often the file is imported, and refuses unknown loans and overpayments", async () => {
    // Prepare
    const loan = await startLoan("loan-a", "M000001", 60_000);
    await harness.drain();
    const file = csv(
      "requestId;date;amountEuros\n" +
        `${loan};2020-06-15;100\n` +
        // The same transfer twice in one file: two repayments, told apart by their occurrence.
        `${loan};2020-06-15;100\n` +
        "no-such-loan;2020-06-15;100\n" +
        `${loan};2020-07-15;400,01\n` +
        `${loan};2020-07-15;1 0\n`,
    );

    // Act
    const first = await importRepayments(stack, engine, file);
    const second = await importRepayments(stack, engine, file);

    // Assess
    expect(first.counts).toEqual({ applied: 2, unchanged: 0, refused: 3 });
    expect(first.lines.map((l) => l.outcome)).toEqual([
      "applied",
      "applied",
      "refused",
      "refused",
      "refused",
    ]);
    expect(first.lines[0]!.repaymentId).not.toBe(first.lines[1]!.repaymentId);
    expect(first.lines[2]!.reason).toContain("no loan for request no-such-loan");
    expect(first.lines[3]!.reason).toBe(
      "overpayment: 400.01 euros, but only 400.00 euros are outstanding on this loan",
    );
    expect(first.lines[4]!.reason).toMatch(/^amountEuros: "1 0" is not an amount in euros/);
    expect(second.counts).toEqual({ applied: 0, unchanged: 2, refused: 3 });
    expect((await getExecution(stack, loan))?.data.loan).toMatchObject({ repaidCents: 20_000 });
    expect(await getFund(stack, "relaunch")).toMatchObject({ repaidCents: 20_000 });
  });

  it("a dry run reports the same and sends nothing; the schedules show repayments on the oldest installments", async () => {
    // Prepare
    const loan = await startLoan("loan-b", "=cmd", 60_000);
    await harness.drain();
    const file = csv(`requestId,date,amountEuros\n${loan},2020-06-15,150\n`);

    // Act
    const dryRun = await importRepayments(stack, engine, file, { dryRun: true });
    const untouched = (await getExecution(stack, loan))?.data.loan;
    await importRepayments(stack, engine, file);
    const lines = (await loanSchedules(stack)).filter((l) => l.loan === loan);

    // Assess
    expect(dryRun).toMatchObject({
      dryRun: true,
      counts: { applied: 1, unchanged: 0, refused: 0 },
    });
    expect(untouched).toMatchObject({ repaidCents: 0 });
    expect(
      lines.map((l) => [l.number, l.dueDate, l.amountCents, l.paidCents, l.outstandingCents]),
    ).toEqual([
      [1, "2020-05-15", 10_000, 10_000, 0],
      [2, "2020-06-15", 10_000, 5_000, 5_000],
      [3, "2020-07-15", 10_000, 0, 10_000],
      [4, "2020-08-15", 10_000, 0, 10_000],
      [5, "2020-09-15", 10_000, 0, 10_000],
      [6, "2020-10-15", 10_000, 0, 10_000],
    ]);
    const rows = schedulesCsv(lines)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    // Installment 2 is still half unpaid: late by the days since its due date, as of the stack's today
    const today = new Date(
      stack.clock.now().toLocaleDateString("sv-SE", { timeZone: "Europe/Brussels" }),
    );
    const late = Math.round((today.getTime() - Date.parse("2020-06-15")) / 86_400_000);
    expect(rows[0]).toBe("loan;member;installment;due date;amount;paid;outstanding;days late");
    expect(rows[2]).toBe(`${loan};'=cmd;2;2020-06-15;100,00;50,00;50,00;${late}`);
  });
});

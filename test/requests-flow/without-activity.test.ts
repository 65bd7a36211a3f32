import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import { readItem } from "../../packages/core/src/db/records";
import { createBatch } from "../../packages/core/src/finance/batches";
import { markBatchExported } from "../../packages/core/src/finance/exported";
import { markBatchPaid } from "../../packages/core/src/finance/settlement";
import {
  admins,
  contractBody,
  expensesBody,
  exportedCsv,
  flowStack,
  freelancer,
  pdf,
  solidarity,
  subjectsTo,
} from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

/** A cancelled contract of the freelancer, with work days no other test here claims. */
const freelance = (documents: string[], changes: Record<string, unknown> = {}) => {
  const { activityId: _a, ...body } = contractBody(documents);
  return {
    ...body,
    ...freelancer,
    withoutActivity: true,
    workDays: [{ date: "2020-05-04" }, { date: "2020-05-05", cachets: 2 }],
    ...changes,
  };
};

/** Incurred expenses of the freelancer on a cancelled order: one receipt per document. */
const freelanceExpenses = (receipts: string[], changes: Record<string, unknown> = {}) => {
  const { activityId: _a, ...body } = expensesBody(receipts);
  return { ...body, ...freelancer, withoutActivity: true, ...changes };
};

/**
 * Files `body` with a client address of its own, has the solidarity committee approve it, and
 * takes it through a batch as finance does (exported, then paid): what each step answered.
 */
async function fileAndPay(body: Record<string, unknown>) {
  const client = `client-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const submitted = await f.submit({ ...body, client: { name: "Studio Nord", email: client } });
  const id = submitted.body.id as string;
  const awaiting = await f.view(id, submitted.body.statusUrl);
  const decided = await f.decide(solidarity[0]!, id, { decision: "approve" });
  const { batch } = await createBatch(f.stack, "solidarity");
  const csv = await exportedCsv(f.stack, batch!.batchId);
  await markBatchExported(f.stack, f.engine, batch!.batchId);
  await f.harness.drain();
  await markBatchPaid(f.stack, f.engine, batch!.batchId);
  await f.harness.drain();
  const paid = await f.view(id, submitted.body.statusUrl);
  return { id, client, submitted, awaiting, decided, csv, paid };
}

/** What every request without an Activity shows once paid, whatever its type. */
async function expectPaidWithoutActivity(run: Awaited<ReturnType<typeof fileAndPay>>) {
  expect(run.submitted.status).toBe(201);
  expect(run.awaiting.status).toBe("awaiting-approval");
  expect(run.awaiting.checks).toContainEqual(
    expect.objectContaining({ check: "activity", outcome: "pass" }),
  );
  expect(run.decided.status).toBe(200);
  expect((await f.inbox(admins[0]!)).some((m) => m.subject.includes(run.id))).toBe(false);
  expect(run.csv).toContain(run.id);
  expect(run.paid).toMatchObject({ status: "paid", payout: { status: "paid" } });
  expect(run.paid.history.map((h: { type: string }) => h.type)).toEqual(
    expect.arrayContaining(["Approved", "FundsReserved", "Exported", "Paid"]),
  );
  expect(await subjectsTo(f.stack, run.client)).toEqual([
    "Frais d'annulation de la prestation de Pieter Janssens",
  ]);
}

describe("a cancelled contract of a member without an Activity", () => {
  it("is approved by the solidarity committee, batched, exported, paid, and its client invited", async () => {
    // Prepare
    const body = freelance([await f.upload(pdf)]);

    // Act
    const run = await fileAndPay(body);

    // Assess
    await expectPaidWithoutActivity(run);
  });

  it("shows the solidarity committee which documents are the negotiation's correspondence", async () => {
    // Prepare
    const quote = await f.upload(pdf, "application/pdf", "devis.pdf");
    const mails = await f.upload(pdf, "application/pdf", "echanges-client.pdf");
    const body = freelance([quote, mails], {
      basis: "negotiation",
      correspondenceDocuments: [mails],
      workDays: [{ date: "2020-05-11", hours: 4 }],
      grossAmountCents: 30_000,
    });

    // Act
    const submitted = await f.submit(body);
    const id = submitted.body.id as string;
    const token = await f.decisionToken(solidarity[0]!, id);
    const view = await f.api.call("GET", "/api/decisions/current", { token });
    const mail = (await f.inbox(solidarity[0]!)).find((m) => m.subject.includes(id));

    // Assess
    expect(view.status).toBe(200);
    expect(
      view.body.request.documents.map((d: { name: string; correspondence?: boolean }) => [
        d.name,
        d.correspondence ?? false,
      ]),
    ).toEqual([
      ["devis.pdf", false],
      ["echanges-client.pdf", true],
    ]);
    expect(mail?.body.text).toContain("echanges-client.pdf (Correspondance avec le client)");
    expect(mail?.body.text).not.toContain("devis.pdf (Correspondance");
  });
});

describe("incurred expenses of a member without an Activity", () => {
  it("are approved by the solidarity committee, batched, exported, paid, and the client invited", async () => {
    // Prepare
    const body = freelanceExpenses([await f.upload(pdf), await f.upload(pdf)]);

    // Act
    const run = await fileAndPay(body);

    // Assess
    await expectPaidWithoutActivity(run);
    expect(run.paid.payout).toMatchObject({ amountCents: 24_500 });
  });

  it("are sent back to the member when a receipt is dated on the cancellation day", async () => {
    // Prepare
    const receipts = [await f.upload(pdf), await f.upload(pdf)];
    const body = freelanceExpenses(receipts, { cancellationDate: "2020-04-02" });

    // Act
    const submitted = await f.submit(body);
    const view = await f.view(submitted.body.id, submitted.body.statusUrl);

    // Assess
    expect(submitted.status).toBe(201);
    expect(view.checks).toContainEqual(
      expect.objectContaining({ check: "expense-dates", outcome: "fail" }),
    );
  });
});

/** A body of each type the choice is offered on, for member Pieter without an Activity. */
const bodies = {
  contract: (doc: string, changes: Record<string, unknown>) => freelance([doc], changes),
  expenses: (doc: string, changes: Record<string, unknown>) => freelanceExpenses([doc], changes),
};

describe("bad input on the new fields", () => {
  it.each([
    {
      name: "an activity and the choice together",
      of: "contract",
      changes: { activityId: "ACT-001" },
      path: "withoutActivity",
      code: "activity_and_without_activity",
    },
    {
      name: "an activity and the choice together",
      of: "expenses",
      changes: { activityId: "ACT-001" },
      path: "withoutActivity",
      code: "activity_and_without_activity",
    },
    {
      name: "neither an activity nor the choice",
      of: "expenses",
      changes: { withoutActivity: undefined },
      path: "activityId",
      code: "required",
    },
    {
      name: "the choice answered no",
      of: "expenses",
      changes: { withoutActivity: false },
      path: "withoutActivity",
      code: "invalid_option",
    },
    {
      name: "the choice as a word",
      of: "contract",
      changes: { withoutActivity: "oui" },
      path: "withoutActivity",
      code: "invalid_option",
    },
    {
      name: "a negotiation without its correspondence",
      of: "contract",
      changes: { basis: "negotiation" },
      path: "correspondenceDocuments",
      code: "correspondence_required",
    },
    {
      name: "correspondence that is not among the documents",
      of: "contract",
      changes: { basis: "negotiation", correspondenceDocuments: [crypto.randomUUID()] },
      path: "correspondenceDocuments.0",
      code: "correspondence_not_attached",
    },
    {
      name: "a day of more than 24 hours",
      of: "contract",
      changes: { workDays: [{ date: "2020-05-04", hours: 24.25 }] },
      path: "workDays.0.hours",
      code: "too_big",
    },
    {
      name: "hours not in quarters",
      of: "contract",
      changes: { workDays: [{ date: "2020-05-04", hours: 2.1 }] },
      path: "workDays.0.hours",
      code: "not_multiple_of",
    },
    {
      name: "no cachet on a day of cachets",
      of: "contract",
      changes: { workDays: [{ date: "2020-05-04", cachets: 0 }] },
      path: "workDays.0.cachets",
      code: "too_small",
    },
    {
      name: "hours and cachets on one day",
      of: "contract",
      changes: { workDays: [{ date: "2020-05-04", hours: 4, cachets: 1 }] },
      path: "workDays.0.cachets",
      code: "hours_and_cachets",
    },
  ] as const)(
    "refuses $name ($of) with a 400 in each language, and stores nothing",
    async ({ of, changes, path, code }) => {
      // Prepare
      const doc = await f.upload(pdf);
      const answers = [];

      // Act
      for (const language of ["fr", "nl", "en"]) {
        const key = crypto.randomUUID();
        const body = JSON.parse(JSON.stringify(bodies[of](doc, { language, ...changes })));
        const answer = await f.submit(body, key);
        const stored = await readItem(f.stack, keys.idempotencyKey(key));
        answers.push({ answer, stored });
      }

      // Assess
      const messages = answers.map(({ answer, stored }) => {
        expect(answer.status).toBe(400);
        expect(stored).toBeUndefined();
        const error = answer.body.errors.find((e: { path: string }) => e.path === path);
        expect(error).toMatchObject({ code });
        return error.message as string;
      });
      expect(new Set(messages).size).toBe(3);
    },
  );
});

import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import { readItem } from "../../packages/core/src/db/records";
import { createBatch } from "../../packages/core/src/finance/batches";
import { markBatchExported } from "../../packages/core/src/finance/exported";
import { markBatchPaid } from "../../packages/core/src/finance/settlement";
import {
  admins,
  contractBody,
  exportedCsv,
  flowStack,
  pdf,
  solidarity,
  subjectsTo,
} from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

/** Pieter (M0002) invoices through the cooperative without an Activity: an occasional freelancer. */
const freelancer = {
  memberNumber: "M0002",
  email: "pieter.janssens@example.org",
  iban: "BE35310123456737",
};

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

describe("a cancelled contract of a member without an Activity", () => {
  it("is approved by the solidarity committee, batched, exported, paid, and its client invited", async () => {
    // Prepare
    const doc = await f.upload(pdf);
    const client = `client-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const body = freelance([doc], { client: { name: "Studio Nord", email: client } });

    // Act
    const submitted = await f.submit(body);
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

    // Assess
    expect(submitted.status).toBe(201);
    expect(awaiting.status).toBe("awaiting-approval");
    expect(awaiting.checks).toContainEqual(
      expect.objectContaining({ check: "activity", outcome: "pass" }),
    );
    expect(decided.status).toBe(200);
    expect((await f.inbox(admins[0]!)).some((m) => m.subject.includes(id))).toBe(false);
    expect(csv).toContain(id);
    expect(paid).toMatchObject({ status: "paid", payout: { status: "paid" } });
    expect(paid.history.map((h: { type: string }) => h.type)).toEqual(
      expect.arrayContaining(["Approved", "FundsReserved", "Exported", "Paid"]),
    );
    expect(await subjectsTo(f.stack, client)).toEqual([
      "Frais d'annulation de la prestation de Pieter Janssens",
    ]);
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

  it.each([
    {
      name: "an activity and the choice together",
      changes: { activityId: "ACT-001" },
      path: "withoutActivity",
      code: "activity_and_without_activity",
    },
    {
      name: "a negotiation without its correspondence",
      changes: { basis: "negotiation" },
      path: "correspondenceDocuments",
      code: "correspondence_required",
    },
  ])(
    "refuses $name with a 400 in each language, and stores nothing",
    async ({ changes, path, code }) => {
      // Prepare
      const doc = await f.upload(pdf);
      const answers = [];

      // Act
      for (const language of ["fr", "nl", "en"]) {
        const key = crypto.randomUUID();
        const answer = await f.submit(freelance([doc], { language, ...changes }), key);
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

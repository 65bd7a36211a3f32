import { beforeAll, describe, expect, it } from "vitest";
import { idFromKey } from "../../packages/core/src/engine/engine";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { DAY_MS } from "../engine/fixtures";
import {
  admins,
  contractBody,
  credit,
  flowStack,
  loanBody,
  member,
  pdf,
  png,
  solidarity,
} from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

const statusOf = async (id: string) =>
  ((await getExecution(f.stack, id))!.data as { status: string }).status;

describe("requests end to end on the API", () => {
  it("a cancelled contract goes from submission through checks and approval to scheduled, with its history", async () => {
    // Prepare
    const doc = await f.upload(pdf);
    // Act
    const submitted = await f.submit(contractBody([doc]));
    const decided = await f.decide(admins[0]!, submitted.body.id, { decision: "approve" });
    // Assess
    expect(submitted.status).toBe(201);
    expect(decided.status).toBe(200);
    const view = await f.view(submitted.body.id, submitted.body.statusUrl);
    expect(view).toMatchObject({
      status: "scheduled",
      amountCents: 90_000,
      approvedAmountCents: 90_000,
      payout: { status: "scheduled" },
    });
    expect(view.history.map((h: { type: string }) => h.type)).toEqual([
      "Received",
      "ChecksCompleted",
      "ApprovalRequested",
      "Decision.approve",
      "Approved",
      "FundsReserved",
    ]);
    expect((await f.inbox(member.email)).some((m) => m.subject.includes(submitted.body.id))).toBe(
      true,
    );
  });

  it("the same idempotency key and body answer the same request; another body under it is a conflict", async () => {
    // Prepare
    const doc = await f.upload(pdf);
    const body = contractBody([doc]);
    const key = crypto.randomUUID();
    // Act
    const first = await f.submit(body, key);
    const again = await f.submit(body, key);
    const other = await f.submit({ ...body, grossAmountCents: 1 }, key);
    // Assess
    expect(first.status).toBe(201);
    expect(again).toEqual({ status: 200, body: first.body });
    expect(other.status).toBe(409);
  });

  it("the same idempotency key with a body of another type is a conflict and starts nothing", async () => {
    // Prepare
    const doc = await f.upload(pdf);
    const key = crypto.randomUUID();
    const contract = contractBody([doc]);
    const first = await f.submit(contract, key);
    // Act
    const loan = await f.submit(loanBody([doc]), key);
    const again = await f.submit(contract, key);
    // Assess
    expect(first.status).toBe(201);
    expect(loan.status).toBe(409);
    expect(loan.body).toMatchObject({ error: { code: "idempotency.conflict" } });
    expect(await getExecution(f.stack, idFromKey("relaunch-loan", key))).toBeUndefined();
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it("a failing check sends the member to needs-info; the answer runs the checks again", async () => {
    // Prepare: the file says PDF, its bytes are a PNG
    const liar = await f.upload(png, "application/pdf", "contrat.pdf");
    const submitted = await f.submit(contractBody([liar]));
    const waiting = await f.view(submitted.body.id, submitted.body.statusUrl);
    const good = await f.upload(pdf);
    // Act
    const answer = await f.api.call("POST", `/api/requests/${submitted.body.id}/info`, {
      token: decodeURIComponent(f.tokenOf(submitted.body.statusUrl)),
      body: { comment: "Voici le bon contrat", documents: [good] },
    });
    await f.harness.drain();
    // Assess
    expect(waiting).toMatchObject({
      status: "needs-info",
      actions: { answerInfo: true, withdraw: true },
    });
    expect(
      waiting.checks.some((c: { check: string; outcome: string }) => c.outcome === "fail"),
    ).toBe(true);
    expect(answer.status).toBe(200);
    // The lying file is still attached, so the checks fail again: the member is asked once more.
    const history = (await readHistory(f.stack, submitted.body.id)).map((e) => e.type);
    expect(history.filter((t) => t === "ChecksCompleted")).toHaveLength(2);
    expect(history).toContain("InfoAnswered");
  });

  it("a needs-info without answer expires after 14 days, with a reminder at 7", async () => {
    // Prepare
    const liar = await f.upload(png, "application/pdf");
    const submitted = await f.submit(contractBody([liar]));
    // Act
    for (let day = 0; day < 15; day++) await f.harness.advance(DAY_MS);
    // Assess
    expect(await statusOf(submitted.body.id)).toBe("expired");
    const mails = (await f.inbox(member.email)).filter((m) =>
      m.subject.includes(submitted.body.id),
    );
    expect(mails.length).toBeGreaterThanOrEqual(4);
  });

  it("a rejection ends the request with its reason", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    // Act
    const decided = await f.decide(admins[1]!, submitted.body.id, {
      decision: "reject",
      comment: "Pas de lien avec la crise",
    });
    // Assess
    expect(decided.status).toBe(200);
    expect(await f.view(submitted.body.id, submitted.body.statusUrl)).toMatchObject({
      status: "rejected",
      actions: { withdraw: false },
    });
  });

  it("a withdrawal before approval ends the request, and a later decision changes nothing", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const token = await f.decisionToken(admins[0]!, submitted.body.id);
    // Act
    const withdrawn = await f.api.call("POST", `/api/requests/${submitted.body.id}/withdraw`, {
      token: decodeURIComponent(f.tokenOf(submitted.body.statusUrl)),
    });
    await f.harness.drain();
    const late = await f.api.call("POST", "/api/decisions", {
      token,
      body: { decision: "approve" },
    });
    // Assess
    expect(withdrawn.status).toBe(200);
    expect(late.status).toBe(409);
    expect(await statusOf(submitted.body.id)).toBe("withdrawn");
  });

  it("an approver asking for information sends the member to needs-info with the question", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    // Act
    await f.decide(admins[0]!, submitted.body.id, {
      decision: "request-info",
      comment: "Pouvez-vous joindre l'avenant ?",
    });
    // Assess
    expect(await f.view(submitted.body.id, submitted.body.statusUrl)).toMatchObject({
      status: "needs-info",
      infoRequest: { message: "Pouvez-vous joindre l'avenant ?" },
    });
  });

  it("an emergency aid is decided by the solidarity committee", async () => {
    // Prepare
    const body = {
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
    };
    const submitted = await f.submit(body);
    // Act
    await f.decide(solidarity[0]!, submitted.body.id, { decision: "approve" });
    // Assess
    expect(await statusOf(submitted.body.id)).toBe("scheduled");
  });

  it("a second emergency aid within 90 days of a granted one is sent back to the member", async () => {
    // Prepare
    const aid = {
      type: "emergency-aid",
      language: "fr",
      memberNumber: "M0005",
      email: "hugo.bernard@example.org",
      iban: "FR7620041010050500001302147",
      category: "food",
      description: "Plus aucun revenu depuis l'annulation des marchés.",
      incomeBeforeCents: 150_000,
      incomeAfterCents: 0,
      householdSize: 1,
      requestedAmountCents: 40_000,
    };
    const first = await f.submit(aid);
    await f.decide(solidarity[1]!, first.body.id, { decision: "approve" });
    // Act
    const second = await f.submit({ ...aid, requestedAmountCents: 30_000 });
    // Assess
    expect(await statusOf(first.body.id)).toBe("scheduled");
    const view = await f.view(second.body.id, second.body.statusUrl);
    expect(view.status).toBe("needs-info");
    expect(
      view.checks
        .filter((c: { outcome: string }) => c.outcome === "fail")
        .map((c: { check: string }) => c.check),
    ).toContain("duplicates");
  });

  it("incurred expenses are refunded after approval", async () => {
    // Prepare
    const [a, b] = [await f.upload(pdf), await f.upload(pdf)];
    const body = {
      type: "incurred-expenses",
      language: "en",
      memberNumber: "M0003",
      email: "sarah.oconnor@example.org",
      iban: "BE74063445566707",
      activityId: "ACT-001",
      client: { name: "Festival d'été" },
      orderReference: "PO-5521",
      cancellationDate: "2020-03-20",
      lines: [
        {
          date: "2020-03-02",
          description: "Fabric for costumes",
          amountCents: 45_000,
          documentId: a,
        },
        {
          date: "2020-03-10",
          description: "Van rental deposit",
          amountCents: 20_000,
          documentId: b,
        },
      ],
    };
    const submitted = await f.submit(body);
    // Act
    await f.decide(admins[1]!, submitted.body.id, { decision: "approve" });
    // Assess
    expect(await statusOf(submitted.body.id)).toBe("scheduled");
  });

  it("a loan needs two distinct approvers: the same one twice counts once, and the lower amount is reserved", async () => {
    // Prepare
    const body = loanBody([await f.upload(pdf)]);
    const submitted = await f.submit(body);
    // Act
    await f.decide(credit[0]!, submitted.body.id, { decision: "approve", amountCents: 300_000 });
    const afterOne = await statusOf(submitted.body.id);
    await f.harness.advance(2 * DAY_MS + 1000);
    const reminderToken = await f.decisionToken(credit[0]!, submitted.body.id);
    const twice = await f.api.call("POST", "/api/decisions", {
      token: reminderToken,
      body: { decision: "approve" },
    });
    await f.decide(credit[1]!, submitted.body.id, { decision: "approve" });
    // Assess
    expect(afterOne).toBe("awaiting-approval");
    expect(twice.status).toBe(409);
    const view = await f.view(submitted.body.id, submitted.body.statusUrl);
    expect(view).toMatchObject({ status: "scheduled", approvedAmountCents: 300_000 });
  });

  it("a member never approves their own request", async () => {
    // Prepare: the member is an administrator of the activity in this test's register
    const body = contractBody([await f.upload(pdf)], { email: admins[0], memberNumber: "M0001" });
    // Act
    const submitted = await f.submit(body);
    // Assess
    const routing = (
      (await getExecution(f.stack, submitted.body.id))!.data as { routing: { approvers: string[] } }
    ).routing;
    expect(routing.approvers).not.toContain(admins[0]);
    await expect(f.decisionToken(admins[0]!, submitted.body.id)).rejects.toThrow(
      /no decision link/,
    );
  });

  it("an unknown id and a wrong token are the same 404", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    // Act
    const wrong = await f.api.call("GET", `/api/requests/${submitted.body.id}`, {
      token: "x".repeat(43),
    });
    const unknown = await f.api.call("GET", `/api/requests/${crypto.randomUUID()}`, {
      token: "x".repeat(43),
    });
    // Assess
    expect(wrong).toEqual(unknown);
    expect(wrong.status).toBe(404);
  });
});

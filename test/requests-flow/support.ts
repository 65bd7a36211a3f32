import { Writable } from "node:stream";
import type { EngineOptions } from "../../packages/core/src/engine/engine";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { createEngine } from "../../packages/core/src/workflows/index";
import { loadDemoData } from "../../packages/functions/src/local/demo-data";
import { startTestApi } from "../support/api";
import { Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";

export const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj << >> endobj\n");
export const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** The cooperative's account in tests (as in test/finance/support/sepa.ts). */
export const DEBTOR = { name: "Smart Coop SCE", iban: "BE71096123456769", bic: "GKCCBEBB" };

export const member = {
  memberNumber: "M0001",
  email: "camille.dubois@example.org",
  iban: "BE21001234567803",
};
/** Pieter (M0002) invoices through the cooperative without an Activity: an occasional freelancer. */
export const freelancer = {
  memberNumber: "M0002",
  email: "pieter.janssens@example.org",
  iban: "BE35310123456737",
};
export const admins = ["admin.spectacle@smart.example.org", "admin.production@smart.example.org"];
export const credit = ["credit.ines@smart.example.org", "credit.tom@smart.example.org"];
export const solidarity = [
  "solidarite.anne@smart.example.org",
  "solidarite.marc@smart.example.org",
];

/** Sends `bytes` as the browser does: the presigned form's fields, then the file, last. */
export function postUpload(
  upload: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  contentType: string,
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(bytes)], { type: contentType }));
  return fetch(upload.url, { method: "POST", body: form });
}

/** A test stack with the demo registers, the real API on a free port and a worker pump. */
export async function flowStack(options: Partial<EngineOptions> = {}) {
  const stack: TestStack = await createTestStack();
  // The cooperative's account: loans and client recoveries are repaid to it.
  stack.config.debtor = DEBTOR;
  await loadDemoData(stack);
  const engine = createEngine(stack, { random: () => 0.5, ...options });
  const api = await startTestApi(stack);
  const harness = new Harness(stack, engine);
  return { stack, engine, api, harness, ...helpers(stack, api, harness) };
}

function helpers(
  stack: TestStack,
  api: Awaited<ReturnType<typeof startTestApi>>,
  harness: Harness,
) {
  const upload = async (
    bytes: Buffer,
    contentType = "application/pdf",
    fileName = "contrat.pdf",
  ) => {
    const created = await api.call("POST", "/api/documents", {
      body: { fileName, contentType, size: bytes.length },
    });
    if (created.status !== 201) throw new Error(`upload refused: ${JSON.stringify(created.body)}`);
    const posted = await postUpload(created.body.upload, bytes, contentType);
    if (!posted.ok) throw new Error(`POST to the presigned form failed: ${posted.status}`);
    return created.body.documentId as string;
  };
  const submit = async (body: Record<string, unknown>, key = crypto.randomUUID()) => {
    const answer = await api.call("POST", "/api/requests", {
      body,
      headers: { "idempotency-key": key },
    });
    await harness.drain();
    return answer;
  };
  const tokenOf = (statusUrl: string) => new URL(statusUrl).hash.match(/token=([^&]+)/)![1]!;
  const view = async (id: string, statusUrl: string) =>
    (
      await api.call("GET", `/api/requests/${id}`, {
        token: decodeURIComponent(tokenOf(statusUrl)),
      })
    ).body;
  /** The approver's decision links, as the email carries them (read back from the SES emulator). */
  const inbox = async (to: string) => {
    const store = await (await fetch(`${stack.config.endpoints.ses}/store`)).json();
    return (
      store.emails as {
        destination: { to: string[] };
        subject: string;
        body: { html?: string; text?: string };
      }[]
    ).filter((e) => e.destination.to.some((t) => t.includes(to)));
  };
  const decisionToken = async (approver: string, requestId: string) => {
    const mails = (await inbox(approver)).filter((m) => m.subject.includes(requestId));
    // The newest email with decision links (an answer to a reply has none)
    const match = [...mails]
      .reverse()
      .map((m) => (m.body.text ?? "").match(/decision\.html#token=([A-Za-z0-9_-]{43})/))
      .find((m) => m);
    if (!match) throw new Error(`no decision link for ${approver} on ${requestId}`);
    return match[1]!;
  };
  /** The link the registered address received to confirm a change (the newest one). */
  const confirmationToken = async (to: string, requestId: string) => {
    const mails = (await inbox(to)).filter((m) => m.subject.includes(requestId));
    const match = [...mails]
      .reverse()
      .map((m) => (m.body.text ?? "").match(/confirm\.html#token=([A-Za-z0-9_-]{43})/))
      .find((m) => m);
    if (!match) throw new Error(`no confirmation link for ${to} on ${requestId}`);
    return match[1]!;
  };
  const decide = async (approver: string, requestId: string, decision: Record<string, unknown>) => {
    const answer = await api.call("POST", "/api/decisions", {
      body: decision,
      token: await decisionToken(approver, requestId),
    });
    await harness.drain();
    return answer;
  };
  return { upload, submit, view, inbox, decisionToken, confirmationToken, decide, tokenOf };
}

/** A batch exported as finance does before sending it to the bank: the CSV's text. */
export async function exportedCsv(stack: TestStack, batchId: string): Promise<string> {
  let csv = "";
  const out = new Writable({
    write(chunk, _encoding, done) {
      csv += String(chunk);
      done();
    },
  });
  await exportBatch(stack, batchId, "csv", out);
  return csv;
}

/**
 * A source of work days that no other request of the file claims, two at a time from
 * 1 April 2020 (`from` days in; after `wrap` days it starts over), so the duplicate check stays
 * quiet between a file's requests.
 */
export function freshWorkDays(options: { from?: number; wrap?: number } = {}) {
  let next = options.from ?? 0;
  const day = (n: number) =>
    new Date(Date.UTC(2020, 3, 1) + n * 86_400_000).toISOString().slice(0, 10);
  return () => {
    next += 2;
    const n = options.wrap ? next % options.wrap : next;
    return [{ date: day(n) }, { date: day(n + 1), hours: 4 }];
  };
}

export function contractBody(documents: string[], changes: Record<string, unknown> = {}) {
  return {
    type: "cancelled-contract",
    language: "fr",
    ...member,
    activityId: "ACT-001",
    client: { name: `Théâtre ${crypto.randomUUID().slice(0, 6)}`, email: "prod@theatre.example" },
    basis: "signed-contract",
    reference: `CDD-${crypto.randomUUID().slice(0, 8)}`,
    workDays: [{ date: "2020-03-20" }, { date: "2020-03-21", hours: 4 }],
    grossAmountCents: 90_000,
    cancellationDate: "2020-03-13",
    cancellationReason: "Confinement : représentations annulées",
    documents,
    clientConsent: true,
    ...changes,
  };
}

/** Incurred expenses of member M0001 in activity ACT-001: one receipt per document, before the cancellation. */
export function expensesBody(receipts: string[], changes: Record<string, unknown> = {}) {
  return {
    type: "incurred-expenses",
    language: "fr",
    ...member,
    activityId: "ACT-001",
    client: { name: `Festival ${crypto.randomUUID().slice(0, 6)}`, email: "prog@festival.example" },
    orderReference: `BC-${crypto.randomUUID().slice(0, 8)}`,
    cancellationDate: "2020-04-10",
    lines: receipts.map((documentId, i) => ({
      date: `2020-04-0${i + 1}`,
      description: `Achat de matériel n° ${i + 1}`,
      amountCents: 12_000 + i * 500,
      documentId,
    })),
    clientConsent: true,
    ...changes,
  };
}

/** A relaunch loan by member M0004 for activity ACT-001: the credit committee decides, always two. */
export function loanBody(documents: string[], changes: Record<string, unknown> = {}) {
  return {
    type: "relaunch-loan",
    language: "fr",
    memberNumber: "M0004",
    email: "lea.martin@example.org",
    iban: "FR7630004008230001234567819",
    activityId: "ACT-001",
    purpose: "equipment",
    description: "Caméra et micros pour diffuser les spectacles",
    amountCents: 400_000,
    termMonths: 24,
    graceMonths: 3,
    documents,
    ...changes,
  };
}

/** Sets the test clock to `iso` (forward only: executions and tokens keep their times). */
export function setNow(stack: TestStack, iso: string): void {
  const offset = Date.parse(iso) - Date.now();
  if (offset < stack.clock.offsetMs) throw new Error(`the clock would go back to ${iso}`);
  stack.clock.offsetMs = offset;
}

/** What a person received, oldest first: subjects only, for a written expectation. */
export async function subjectsTo(stack: TestStack, to: string, about?: string): Promise<string[]> {
  const store = await (await fetch(`${stack.config.endpoints.ses}/store`)).json();
  return (store.emails as { destination: { to: string[] }; subject: string }[])
    .filter((e) => e.destination.to.some((t) => t.includes(to)))
    .map((e) => e.subject)
    .filter((s) => about === undefined || s.includes(about));
}

import { Writable } from "node:stream";
import { afterAll, beforeAll, expect } from "vitest";
import { depsFromConfig } from "../../packages/core/src/deps";
import { createBatch } from "../../packages/core/src/finance/batches";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { markBatchPaid } from "../../packages/core/src/finance/settlement";
import { createEngine } from "../../packages/core/src/workflows/index";
import {
  axeViolations,
  eventually,
  type OpenPage,
  PDF,
  screenshot,
  startWebStack,
  type WebStack,
} from "./browser";

export { eventually };

/** Steps a member or an approver takes in the browser, against the stack given to `useStack`. */
let web: WebStack;
export function useStack(stack: WebStack): void {
  web = stack;
}

/**
 * One local stack and browser for the calling test file: started before its tests (and given to
 * `use` and to these steps), stopped after them.
 */
export function stackForFile(use: (stack: WebStack) => void): void {
  let started: WebStack | undefined;
  beforeAll(async () => {
    started = await startWebStack();
    useStack(started);
    use(started);
  }, 180_000);
  afterAll(async () => {
    await started?.stop();
  });
}

/** The request as the API shows it to its member. */
export async function requestView(
  link: string,
): Promise<{ status: string; history: { type: string }[] }> {
  const hash = new URLSearchParams(new URL(link).hash.slice(1));
  const answer = await fetch(`${web.base}/api/requests/${hash.get("id")}`, {
    headers: { authorization: `Bearer ${hash.get("token")}` },
  });
  return (await answer.json()) as { status: string; history: { type: string }[] };
}

/** The request's status as the API tells its member. */
export async function statusOf(link: string): Promise<string> {
  return (await requestView(link)).status;
}

export const waitForStatus = (link: string, wanted: string) =>
  eventually(`status ${wanted}`, async () =>
    (await statusOf(link)) === wanted ? true : undefined,
  );

/** The newest decision link for `action` emailed to `to` (read from the local SES inbox). */
export async function decisionLink(
  to: string,
  action: string,
  requestLink?: string,
): Promise<string> {
  // The request's own email: its status says awaiting-approval a moment before the email is sent.
  const requestId =
    requestLink && new URLSearchParams(new URL(requestLink).hash.slice(1)).get("id");
  return eventually(`a decision email to ${to}`, async () => {
    const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as {
      emails: {
        destination: { to: string[] };
        subject: string;
        body: { text?: string; html?: string };
      }[];
    };
    const links = store.emails
      .filter(
        (e) =>
          e.destination.to.some((t) => t.includes(to)) &&
          (!requestId || e.subject.includes(requestId)),
      )
      .flatMap(
        (e) =>
          `${e.body.text ?? ""} ${e.body.html ?? ""}`.match(
            /https?:\/\/[^\s"'<>]*decision\.html#token=[^\s"'<>&]+&(?:amp;)?action=[a-z-]+/g,
          ) ?? [],
      )
      .map((l) => l.replace(/&amp;/g, "&"))
      .filter((l) => l.endsWith(`action=${action}`));
    return links.at(-1);
  });
}

/** The path of the newest IBAN confirmation link emailed to `to` for request `requestId`. */
export async function confirmationLink(to: string, requestId: string): Promise<string> {
  return eventually("the confirmation email", async () => {
    const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as {
      emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
    };
    const mail = store.emails.findLast(
      (e) =>
        e.destination.to.includes(to) &&
        e.subject.includes(requestId) &&
        /confirm\.html#token=/.test(e.body.text ?? ""),
    );
    return mail?.body.text?.match(/(\/confirm\.html#token=[A-Za-z0-9_%-]+)/)?.[1];
  });
}

/** Chooses a PDF in the file control `selector` and waits until it is uploaded (or says why not). */
export async function attach(page: OpenPage, selector: string, name = "proof.pdf") {
  await page.setInputFiles(selector, { name, mimeType: "application/pdf", buffer: PDF });
  const field = page.locator(selector).locator("xpath=ancestor::div[contains(@class,'field')][1]");
  await page.waitForFunction(
    ([sel, n]) => {
      const box = document.querySelector(sel as string)?.closest(".field");
      return (
        box?.querySelector(".files")?.textContent?.includes(n as string) ||
        box?.querySelector(".field-error-text")
      );
    },
    [selector, name],
    { timeout: 20_000 },
  );
  expect(await field.locator(".upload-status").textContent()).toContain(name);
  expect(await field.locator(".field-error-text").count(), String(page.problems)).toBe(0);
}

export async function fillMember(
  page: OpenPage,
  member: { number: string; email: string; iban: string },
) {
  await page.fill("#f-memberNumber", member.number);
  await page.fill("#f-email", member.email);
  await page.fill("#f-iban", member.iban);
}

export const camille = {
  number: "M0001",
  email: "camille.dubois@example.org",
  iban: "BE21 0012 3456 7803",
};
export const pieter = {
  number: "M0002",
  email: "pieter.janssens@example.org",
  iban: "BE35 3101 2345 6737",
};
export const sarah = {
  number: "M0003",
  email: "sarah.oconnor@example.org",
  iban: "BE74063445566707",
};

export const fillers: Record<string, (page: OpenPage) => Promise<void>> = {
  "cancelled-contract": async (page) => {
    await page.check("#f-type");
    await fillMember(page, camille);
    await page.fill("#f-activityId", "ACT-001");
    await page.fill("#f-client-name", "Théâtre du Parc");
    await page.check("#f-basis");
    await page.fill("#f-reference", "CDD-2020-17");
    await page.fill("#f-workDays-0-date", "2020-04-10");
    await page.click("#f-workDays-add");
    await page.fill("#f-workDays-1-date", "2020-04-11");
    await page.fill("#f-workDays-1-hours", "4,5");
    await page.fill("#f-grossAmountCents", "1 200,50");
    await page.fill("#f-cancellationDate", "2020-03-20");
    await page.fill("#f-cancellationReason", "Fermeture des salles (confinement).");
    await attach(page, "#f-documents", "contrat.pdf");
  },
  "incurred-expenses": async (page) => {
    await page.check("#f-type-incurred-expenses");
    await fillMember(page, pieter);
    await page.fill("#f-activityId", "ACT-002");
    await page.fill("#f-client-name", "Fietsfestival");
    await page.fill("#f-orderReference", "BO-2020-4");
    await page.fill("#f-cancellationDate", "2020-03-25");
    await page.fill("#f-lines-0-date", "2020-03-02");
    await page.fill("#f-lines-0-description", "Pièces détachées");
    await page.fill("#f-lines-0-amountCents", "350,20");
    await attach(page, "#f-lines-0-documentId", "ticket.pdf");
  },
  "emergency-aid": async (page) => {
    await page.check("#f-type-emergency-aid");
    await fillMember(page, camille);
    await page.check("#f-category");
    await page.fill("#f-description", "Loyer impayé depuis l'annulation de la tournée.");
    await page.fill("#f-incomeBeforeCents", "1 800");
    await page.fill("#f-incomeAfterCents", "0");
    await page.fill("#f-householdSize", "2");
    await page.fill("#f-requestedAmountCents", "900");
    await attach(page, "#f-documents", "bail.pdf");
  },
  "relaunch-loan": async (page) => {
    await page.check("#f-type-relaunch-loan");
    await fillMember(page, sarah);
    await page.fill("#f-activityId", "ACT-001");
    await page.check("#f-purpose");
    await page.fill("#f-description", "Nouveau matériel son pour la reprise.");
    await page.fill("#f-amountCents", "3000");
    await page.fill("#f-termMonths", "12");
    await page.fill("#f-graceMonths", "2");
    await attach(page, "#f-documents", "devis.pdf");
  },
};

/** Pieter's incurred expenses without an Activity; `receiptDate` is the receipt's date. */
export async function fillFreelanceExpenses(
  page: OpenPage,
  receiptDate: string,
  orderReference = "BO-7",
) {
  await page.check("#f-type-incurred-expenses");
  await fillMember(page, pieter);
  await page.check("#f-withoutActivity");
  await page.fill("#f-client-name", "Fietsfestival");
  await page.fill("#f-orderReference", orderReference);
  await page.fill("#f-cancellationDate", "2020-03-25");
  await page.fill("#f-lines-0-date", receiptDate);
  await page.fill("#f-lines-0-description", "Pièces détachées");
  await page.fill("#f-lines-0-amountCents", "350,20");
  await attach(page, "#f-lines-0-documentId", "ticket.pdf");
}

/** An emergency aid without documents (they are optional for it): no upload involved. */
export async function fillAidWithoutDocuments(page: OpenPage) {
  await page.check("#f-type-emergency-aid");
  await fillMember(page, camille);
  await page.check("#f-category-food");
  await page.fill("#f-description", "Plus de revenus depuis l'annulation des concerts.");
  await page.fill("#f-incomeBeforeCents", "2100");
  await page.fill("#f-incomeAfterCents", "150,50");
  await page.fill("#f-householdSize", "3");
  await page.fill("#f-requestedAmountCents", "800");
}

/** Fills, reviews and sends a request; returns the status link the page shows. */
export async function submit(
  fill: string | ((page: OpenPage) => Promise<void>),
  width = 1280,
): Promise<{ page: OpenPage; link: string }> {
  const page = await web.open("/?lang=fr", width);
  await (typeof fill === "string" ? fillers[fill]! : fill)(page);
  await page.click("#review");
  await page.click("#send");
  await page.waitForSelector("#success:not([hidden])", { timeout: 20_000 });
  const link = (await page.getAttribute("#status-link", "href")) ?? "";
  return { page, link };
}

export const locales = { fr: "fr-BE", nl: "nl-BE", en: "en-GB" } as const;

/** Decides through the API with the token of the newest decision email for `approver`. */
export async function decide(approver: string, link: string, body: Record<string, unknown>) {
  const decision = await decisionLink(approver, body.decision as string, link);
  const token = new URLSearchParams(new URL(decision).hash.slice(1)).get("token");
  const answer = await fetch(`${web.base}/api/decisions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(answer.status).toBe(200);
}

/** Pays out every scheduled payout of `fund`: a batch created, exported and marked paid. */
export async function payOut(fund: "solidarity" | "relaunch" | "initiatives") {
  const deps = depsFromConfig(web.stack.config);
  const { batch } = await createBatch(deps, fund);
  const sink = new Writable({ write: (_c, _e, done) => done() });
  await exportBatch(deps, batch!.batchId, "csv", sink);
  await markBatchPaid(deps, createEngine(deps), batch!.batchId);
}

/** The status page in each language, as the browser asks for it, at 360 px unless told. */
export async function eachLanguage(
  link: string,
  name: string,
  wanted: Record<string, string[]>,
  widths: readonly number[] = [360],
) {
  for (const language of ["fr", "nl", "en"] as const) {
    const url = new URL(link);
    const page = await web.open(url.pathname + url.hash, widths[0], locales[language]);
    await page.waitForSelector("#request-status");
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `status-${name}-${language}-${width}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(overflow, `${name} ${language} ${width}`).toBe(false);
    }
    const text = ((await page.textContent("#app")) ?? "").replace(/[\u00a0\u202f]/g, " ");
    const lang = await page.getAttribute("html", "lang");
    const violations = await axeViolations(page);
    expect(lang).toBe(language);
    for (const words of wanted[language] ?? [])
      expect(text, `${name} ${language}`).toContain(words);
    // No raw status value on a French or Dutch page (English words may coincide with them).
    if (language !== "en")
      expect(text).not.toMatch(
        /\b(scheduled|paid|payout-failed|needs-info|awaiting-approval|confirming-co-applicants|awaiting-report|report-checking|report-needs-info|pending|granted|reported)\b/,
      );
    expect(violations, `${name} ${language}`).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.context().close();
  }
}

/** The newest link to `page` (e.g. `vote.html`) emailed to `to` about `requestId`, as a path. */
export const emailedPath = (to: string, page: string, requestId: string) =>
  eventually(`a ${page} email to ${to}`, async () => {
    const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as {
      emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
    };
    const pattern = new RegExp(`/${page.replace(".", "\\.")}#token=[A-Za-z0-9_%-]+`, "g");
    return store.emails
      .filter((e) => e.destination.to.includes(to) && e.subject.includes(requestId))
      .flatMap((e) => e.body.text?.match(pattern) ?? [])
      .at(-1);
  });

import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { depsFromConfig } from "../../packages/core/src/deps";
import { planConfig } from "../../packages/core/src/plan/config";
import type { Language } from "../../packages/core/src/requests/request-types";
import { advanceClockOffset } from "../../packages/functions/src/local/clock-offset";
import { admins, contractBody, member, postUpload } from "../requests-flow/support";
import {
  axeViolations,
  eventually,
  PDF,
  screenshot,
  startWebStack,
  type WebStack,
} from "./browser";

/**
 * Closed decision links in the browser, on the stack `npm start` runs: a used link and an
 * expired one show the request's reference and who decided what and when, in fr, nl and en,
 * and nothing of the member or their documents.
 */

let web: WebStack;
beforeAll(async () => {
  web = await startWebStack();
}, 180_000);
afterAll(async () => {
  await web?.stop();
});

const LANGUAGES: Language[] = ["fr", "nl", "en"];

const api = async (method: string, path: string, token?: string, body?: unknown) => {
  const answer = await fetch(`${web.base}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: answer.status, body: JSON.parse(await answer.text()) };
};

/** A cancelled contract with a PDF, submitted through the API; its id and the approver's first link. */
async function submitContract(): Promise<{ id: string; token: string }> {
  const created = await api("POST", "/api/documents", undefined, {
    fileName: "contrat-signe.pdf",
    contentType: "application/pdf",
    size: PDF.length,
  });
  const posted = await postUpload(created.body.upload, new Uint8Array(PDF), "application/pdf");
  expect(posted.ok, `upload answered ${posted.status}`).toBe(true);
  const submitted = await api(
    "POST",
    "/api/requests",
    undefined,
    contractBody([created.body.documentId]),
  );
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const id = submitted.body.id as string;
  const token = await eventually("the approval email", async () => {
    const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as {
      emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
    };
    const mail = store.emails.find(
      (e) => e.destination.to.includes(admins[0]!) && e.subject.includes(id),
    );
    return mail?.body.text?.match(/decision\.html#token=([A-Za-z0-9_-]{43})/)?.[1];
  });
  return { id, token };
}

/** The decision page of `token` in `language`, once it has drawn what it got from the API. */
async function closedPage(token: string, language: Language, name: string) {
  const page = await web.open(`/decision.html?lang=${language}#token=${token}`);
  await page.waitForSelector("#decision-result");
  const text = (await page.textContent("main")) ?? "";
  const links = await page.$$eval("main a[href]", (as) => as.map((a) => a.getAttribute("href")));
  const hasForm = (await page.$("#decision-form")) !== null;
  const violations = await axeViolations(page);
  await screenshot(page, `decision-${name}-${language}`);
  for (const width of [360]) {
    await page.setViewportSize({ width, height: 800 });
    await screenshot(page, `decision-${name}-${language}-${width}`);
  }
  return { text, links, hasForm, violations, problems: page.problems };
}

/** Nothing of the member, the request's content or its documents. */
function expectNothingPrivate(text: string) {
  for (const secret of [
    "Camille",
    "Dubois",
    member.email,
    member.iban,
    "BE21 0012",
    "contrat-signe",
    "Théâtre",
    "Confinement",
    "900,00",
    "900.00",
  ])
    expect(text, `the closed page shows "${secret}"`).not.toContain(secret);
}

describe("a closed decision link in the browser", () => {
  it("a used link shows who decided what and when, and nothing of the member, in fr, nl and en", async () => {
    // Prepare
    const { id, token } = await submitContract();
    const open = await api("GET", "/api/decisions/current", token);
    const decided = await api("POST", "/api/decisions", token, {
      decision: "approve",
      comment: "Vu le contrat de Camille",
    });
    // Act
    const pages = [];
    for (const language of LANGUAGES) pages.push(await closedPage(token, language, "used"));
    // Assess
    expect(open.body.open).toBe(true);
    expect(decided.status).toBe(200);
    const [fr, nl, en] = pages;
    expect(fr!.text).toContain("Cette demande n'attend plus votre décision.");
    expect(fr!.text).toContain(`Approuvée par ${admins[0]} le`);
    expect(fr!.text).toContain("StatutVersement programmé");
    expect(nl!.text).toContain("Deze aanvraag wacht niet meer op uw beslissing.");
    expect(nl!.text).toContain(`Goedgekeurd door ${admins[0]} op`);
    expect(en!.text).toContain("This request no longer awaits your decision.");
    expect(en!.text).toContain(`Approved by ${admins[0]} on`);
    for (const page of pages) {
      expect(page.text).toContain(id);
      expect(page.hasForm).toBe(false);
      expect(page.links).toEqual([]);
      expect(page.violations).toEqual([]);
      expect(page.problems).toEqual([]);
      expectNothingPrivate(page.text);
    }
  });

  it("an expired link says when it expired and decides nothing, in fr, nl and en", async () => {
    // Prepare
    const { id, token } = await submitContract();
    const deps = depsFromConfig(web.stack.config);
    // Act: the local clock past the link's validity (the stack picks it up on its next tick)
    await advanceClockOffset(deps, (planConfig.approvals.tokenValiditySeconds + 3600) * 1000);
    const closed = await eventually("the link to expire", async () => {
      const answer = await api("GET", "/api/decisions/current", token);
      return answer.body.open === false ? answer : undefined;
    });
    const posted = await api("POST", "/api/decisions", token, { decision: "approve" });
    const pages = [];
    for (const language of LANGUAGES) pages.push(await closedPage(token, language, "expired"));
    // Assess
    expect(closed.body.closedReason.decision).toBe("expired");
    expect(posted.status).toBe(410);
    const [fr, nl, en] = pages;
    expect(fr!.text).toContain("Ce lien de décision a expiré le");
    expect(fr!.text).toContain("Aucune pour l'instant.");
    expect(fr!.text).toContain("StatutEn attente de décision");
    expect(nl!.text).toContain("Deze beslissingslink is verlopen op");
    expect(en!.text).toContain("This decision link expired on");
    for (const page of pages) {
      expect(page.text).toContain(id);
      expect(page.hasForm).toBe(false);
      expect(page.links).toEqual([]);
      expect(page.violations).toEqual([]);
      expect(page.problems).toEqual([]);
      expectNothingPrivate(page.text);
    }
    const status = await api("GET", "/api/decisions/current", token);
    expect(status.body.decisions).toEqual([]);
  });
});

describe("an approval email's document link", () => {
  it("opens the document through the decision page hours after the email, and nothing once the link is closed", async () => {
    // Prepare: the approval email's link to the contract
    const { id, token } = await submitContract();
    const text = await eventually("the approval email", async () => {
      const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as {
        emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
      };
      return store.emails.find(
        (e) => e.destination.to.includes(admins[0]!) && e.subject.includes(id),
      )?.body.text;
    });
    const link = /https?:\/\/\S*decision\.html#token=[A-Za-z0-9_-]+&document=[A-Za-z0-9_-]+/.exec(
      text,
    )?.[0];
    const deps = depsFromConfig(web.stack.config);
    // Past any presigned link's life (10 minutes): the email was read in the afternoon
    await advanceClockOffset(deps, 3 * 3600 * 1000);

    // Act 1: the approver follows the link
    const page = await web.open(new URL(link!).pathname + new URL(link!).hash);
    const download = await page.waitForEvent("download", { timeout: 20_000 });
    const bytes = await readFile((await download.path())!);
    await screenshot(page, "decision-document-open");

    // Act 2: decided, the same link again
    const decided = await api("POST", "/api/decisions", token, { decision: "approve" });
    const closed = await web.open(new URL(link!).pathname + new URL(link!).hash);
    await closed.waitForSelector("#decision-result");
    let downloaded = false;
    closed.on("download", () => {
      downloaded = true;
    });
    const closedText = (await closed.textContent("main")) ?? "";
    await screenshot(closed, "decision-document-closed");
    const documentId = new URLSearchParams(new URL(link!).hash.slice(1)).get("document");
    const refused = await api("GET", `/api/decisions/current/documents/${documentId}`, token);

    // Assess
    expect(text).not.toMatch(/X-Amz-|127\.0\.0\.1|localhost:\d+\/(?!decision)/);
    expect(link).toBeDefined();
    expect(Buffer.compare(bytes, PDF)).toBe(0);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(page.problems).toEqual([]);
    expect(decided.status).toBe(200);
    expect(closedText).toContain("Cette demande n'attend plus votre décision.");
    expectNothingPrivate(closedText);
    expect(downloaded).toBe(false);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.status).toBe("scheduled");
  });
});

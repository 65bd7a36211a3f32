import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { depsFromConfig } from "../../packages/core/src/deps";
import { createBatch } from "../../packages/core/src/finance/batches";
import { markPayoutFailed } from "../../packages/core/src/finance/settlement";
import { errorMap } from "../../packages/core/src/requests/messages";
import { createEngine } from "../../packages/core/src/workflows/index";
import {
  artifacts,
  axeViolations,
  eventually,
  fieldErrors,
  type OpenPage,
  PDF,
  startWebStack,
  type WebStack,
} from "./browser";

/**
 * End-to-end flows through the real API, worker and emails of the local stack: each request
 * type submitted with its uploads, the status link followed, a decision asking for more
 * information, the member's answer, a withdrawal, an approval of a lower amount.
 */

let web: WebStack;
beforeAll(async () => {
  web = await startWebStack();
}, 180_000);
afterAll(async () => {
  await web?.stop();
});

const say = (language: "fr" | "en", issue: Record<string, unknown>) =>
  (errorMap(language) as (i: unknown) => string)(issue);

/** The request's status as the API tells its member. */
async function statusOf(link: string): Promise<string> {
  const hash = new URLSearchParams(new URL(link).hash.slice(1));
  const answer = await fetch(`${web.base}/api/requests/${hash.get("id")}`, {
    headers: { authorization: `Bearer ${hash.get("token")}` },
  });
  return ((await answer.json()) as { status: string }).status;
}

const waitForStatus = (link: string, wanted: string) =>
  eventually(`status ${wanted}`, async () =>
    (await statusOf(link)) === wanted ? true : undefined,
  );

/** The newest decision link for `action` emailed to `to` (read from the local SES inbox). */
async function decisionLink(to: string, action: string, requestLink?: string): Promise<string> {
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

/** Chooses a PDF in the file control `selector` and waits until it is uploaded (or says why not). */
async function attach(page: OpenPage, selector: string, name = "proof.pdf") {
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

async function fillMember(page: OpenPage, member: { number: string; email: string; iban: string }) {
  await page.fill("#f-memberNumber", member.number);
  await page.fill("#f-email", member.email);
  await page.fill("#f-iban", member.iban);
}

const camille = {
  number: "M0001",
  email: "camille.dubois@example.org",
  iban: "BE21 0012 3456 7803",
};
const pieter = {
  number: "M0002",
  email: "pieter.janssens@example.org",
  iban: "BE35 3101 2345 6737",
};
const sarah = { number: "M0003", email: "sarah.oconnor@example.org", iban: "BE74063445566707" };

const fillers: Record<string, (page: OpenPage) => Promise<void>> = {
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

/** An emergency aid without documents (they are optional for it): no upload involved. */
async function fillAidWithoutDocuments(page: OpenPage) {
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
async function submit(
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

describe("submitting each type of request", () => {
  for (const type of Object.keys(fillers)) {
    it(`a ${type} request is sent with its upload and its status link opens its status page`, async () => {
      // Prepare
      const { page, link } = await submit(type);
      const successText = await page.textContent("#success");

      // Act
      await page.click("#status-link");
      await page.waitForSelector("#request-status");
      const address = page.url();
      const shownType = await page.textContent("#app dl");

      // Assess
      expect(successText).toContain("nous vous l'avons aussi envoyé par e-mail");
      expect(link).toMatch(/\/status\.html#id=.+&token=.+/);
      expect(address).not.toContain("token");
      expect(shownType).toMatch(/Contrat annulé|Frais engagés|Aide d'urgence|Prêt de relance/);
      expect(page.problems).toEqual([]);
    });
  }

  for (const language of ["fr", "en"] as const) {
    it(`shows the API's 400 errors next to their fields, in ${language}`, async () => {
      // Prepare: an address the browser's cheap check lets through and the API's schema refuses.
      const page = await web.open(`/?lang=${language}`);
      await fillAidWithoutDocuments(page);
      await page.selectOption("#f-language", language);
      await page.fill("#f-email", "camille.dubois@example.c");
      await page.click("#review");

      // Act
      await page.click("#send");
      await page.waitForSelector(".error-summary");
      const errors = await fieldErrors(page);

      // Assess
      expect(errors["f-email"]).toBe(
        say(language, { code: "invalid_format", format: "email", path: ["email"] }),
      );
    });
  }
});

describe("following a request", () => {
  it("the approver asks for information, the member answers with a document, then withdraws", async () => {
    // Prepare
    const { link } = await submit("emergency-aid");
    await waitForStatus(link, "awaiting-approval");
    const askLink = await decisionLink("solidarite.anne@smart.example.org", "request-info", link);

    // Act: the approver asks
    const decision = await web.open(new URL(askLink).pathname + new URL(askLink).hash);
    await decision.waitForSelector("#decision-form");
    const preselected = await decision.isChecked("#f-decision-request-info");
    const decisionAxe = await axeViolations(decision);
    await decision.fill("#f-comment", "Pouvez-vous joindre votre bail ?");
    await decision.click("#decide");
    await decision.waitForSelector("#decision-result");
    const decided = await decision.textContent("#decision-result");
    await waitForStatus(link, "needs-info");

    // Act: the member answers
    const status = await web.open(new URL(link).pathname + new URL(link).hash);
    await status.waitForSelector("#info-form");
    const question = await status.textContent("#info-question");
    await status.fill("#f-comment", "Voici le bail.");
    await attach(status, "#f-documents", "bail-signe.pdf");
    await status.click("#answer");
    await status.waitForFunction(() =>
      document.getElementById("status-notice")?.textContent?.includes("réponse"),
    );
    await eventually("the request back with the approvers", async () =>
      (await statusOf(link)) !== "needs-info" ? true : undefined,
    );

    // Act: the member withdraws
    await status.reload();
    await status.waitForSelector("#withdraw");
    for (const width of [360, 1280]) {
      await status.setViewportSize({ width, height: 900 });
      await status.screenshot({
        path: join(artifacts, `status-request-${width}.png`),
        fullPage: true,
      });
    }
    const statusAxe = await axeViolations(status);
    await status.click("#withdraw");
    await status.click("#withdraw-yes");
    await status.waitForFunction(() =>
      document.getElementById("status-notice")?.textContent?.includes("retirée"),
    );
    const finalStatus = await statusOf(link);

    // Assess
    expect(preselected).toBe(true);
    expect(decisionAxe).toEqual([]);
    expect(decided).toContain("enregistrée");
    expect(question).toContain("bail");
    expect(statusAxe).toEqual([]);
    expect(finalStatus).toBe("withdrawn");
    expect(await status.textContent("#request-status")).toBe("Retirée");
  });

  it("an approver approves a lower amount on the decision page; the used link then says who decided", async () => {
    // Prepare
    const { link } = await submit(fillAidWithoutDocuments);
    await waitForStatus(link, "awaiting-approval");
    const approveLink = await decisionLink("solidarite.marc@smart.example.org", "approve", link);
    const path = new URL(approveLink).pathname + new URL(approveLink).hash;

    // Act: a refusal without a reason is stopped in the browser
    const page = await web.open(`${path.split("#")[0]}?lang=en#${path.split("#")[1]}`);
    await page.waitForSelector("#decision-form");
    const preselected = await page.isChecked("#f-decision");
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(artifacts, `decision-${width}.png`), fullPage: true });
    }
    await page.check("#f-decision-reject");
    await page.click("#decide");
    const rejectErrors = await fieldErrors(page);

    // Act: approve 600 € of the 800 € asked
    await page.check("#f-decision");
    await page.fill("#f-amountCents", "600");
    await page.click("#decide");
    await page.waitForSelector("#decision-result");
    const result = await page.textContent("#decision-result");

    // Act: the same link again
    const again = await web.open(`${path.split("#")[0]}?lang=en#${path.split("#")[1]}`);
    await again.waitForSelector("#decision-result");
    const closed = await again.textContent("#decision-result");
    const hasForm = await again.$("#decision-form");

    // Assess
    expect(preselected).toBe(true);
    expect(rejectErrors["f-comment"]).toBe(
      say("en", { code: "custom", path: ["comment"], params: { code: "comment_required" } }),
    );
    expect(result).toContain("Your decision is recorded");
    expect(closed).toContain("no longer awaits your decision");
    expect(closed).toContain("solidarite.marc@smart.example.org");
    expect(await statusOf(link)).not.toBe("awaiting-approval");
    expect(hasForm).toBeNull();
  });
});

describe("a transfer the bank returned", () => {
  it("the member gives another IBAN on the status page, with errors next to the field, confirms it from the registered address, and the payout is scheduled again", async () => {
    // Prepare: an aid approved, batched, then returned by the bank
    const { link } = await submit(async (page) => {
      await fillAidWithoutDocuments(page);
      await fillMember(page, {
        number: "M0006",
        email: "amelie.lambert@example.org",
        iban: "BE39 7350 1012 0219",
      });
    });
    const requestId = new URLSearchParams(new URL(link).hash.slice(1)).get("id")!;
    // This request's own approval email: the status says awaiting-approval a moment before it is sent.
    const token = await eventually("the approval email", async () => {
      const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as {
        emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
      };
      const mail = store.emails.find(
        (e) =>
          e.destination.to.includes("solidarite.anne@smart.example.org") &&
          e.subject.includes(requestId),
      );
      return mail?.body.text?.match(/decision\.html#token=([A-Za-z0-9_-]{43})/)?.[1];
    });
    await fetch(`${web.base}/api/decisions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ decision: "approve" }),
    });
    await waitForStatus(link, "scheduled");
    const deps = depsFromConfig(web.stack.config);
    await createBatch(deps, "solidarity");
    await markPayoutFailed(deps, createEngine(deps), requestId, "account closed");
    await waitForStatus(link, "payout-failed");
    const page = await web.open(new URL(link).pathname + new URL(link).hash);
    await page.waitForSelector("#iban-form");
    // Act
    await page.fill("#f-iban", "BE00 0000");
    await page.click("#send-iban");
    await page.waitForSelector(".error-summary");
    const errors = await fieldErrors(page);
    const violations = await axeViolations(page);
    await page.fill("#f-iban", "BE68 5390 0754 7034");
    await page.click("#send-iban");
    await waitForStatus(link, "confirming-iban");
    const confirmLink = await eventually("the confirmation email", async () => {
      const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as {
        emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
      };
      const mail = store.emails.find(
        (e) =>
          e.destination.to.includes("amelie.lambert@example.org") &&
          e.subject.includes(requestId) &&
          /confirm\.html#token=/.test(e.body.text ?? ""),
      );
      return mail?.body.text?.match(/(\/confirm\.html#token=[A-Za-z0-9_%-]+)/)?.[1];
    });
    const confirmPage = await web.open(confirmLink);
    await confirmPage.waitForSelector("#confirm");
    const confirmText = await confirmPage.textContent("main");
    const confirmViolations = await axeViolations(confirmPage);
    await confirmPage.screenshot({ path: join(artifacts, "confirm-iban-open.png"), fullPage: true });
    await confirmPage.click("#confirm");
    await confirmPage.waitForSelector(".notice[role=status]");
    await confirmPage.screenshot({ path: join(artifacts, "confirm-iban-done.png"), fullPage: true });
    // Assess
    expect(errors["f-iban"]).toBeTruthy();
    expect(violations).toEqual([]);
    expect(confirmViolations).toEqual([]);
    expect(confirmText).toContain("7034");
    expect(confirmText).not.toContain("BE68");
    await waitForStatus(link, "scheduled");
  });
});

import { describe, expect, it } from "vitest";
import { depsFromConfig } from "../../packages/core/src/deps";
import { createBatch } from "../../packages/core/src/finance/batches";
import { markPayoutFailed } from "../../packages/core/src/finance/settlement";
import { errorMap } from "../../packages/core/src/requests/messages";
import { createEngine } from "../../packages/core/src/workflows/index";
import { axeViolations, fieldErrors, screenshot, type WebStack } from "./browser";
import {
  attach,
  confirmationLink,
  decisionLink,
  eventually,
  fillAidWithoutDocuments,
  fillers,
  fillMember,
  stackForFile,
  statusOf,
  submit,
  waitForStatus,
} from "./drive";

/**
 * End-to-end flows through the real API, worker and emails of the local stack: each request
 * type submitted with its uploads, the status link followed, a decision asking for more
 * information, the member's answer, a withdrawal, an approval of a lower amount.
 */

let web: WebStack;
stackForFile((started) => {
  web = started;
});

const say = (language: "fr" | "en", issue: Record<string, unknown>) =>
  (errorMap(language) as (i: unknown) => string)(issue);

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
      await screenshot(status, `status-request-${width}`);
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
    expect(decided).toContain("Votre question est envoyée au membre");
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
      await screenshot(page, `decision-${width}`);
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
    expect(result).toContain("Your approval is recorded: the request is granted for €600.00");
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
    const confirmLink = await confirmationLink("amelie.lambert@example.org", requestId);
    const confirmPage = await web.open(confirmLink);
    await confirmPage.waitForSelector("#confirm");
    const confirmText = await confirmPage.textContent("main");
    const confirmViolations = await axeViolations(confirmPage);
    await screenshot(confirmPage, "confirm-iban-open");
    await confirmPage.click("#confirm");
    await confirmPage.waitForSelector(".notice[role=status]");
    await screenshot(confirmPage, "confirm-iban-done");
    // Assess
    expect(errors["f-iban"]).toBeTruthy();
    expect(violations).toEqual([]);
    expect(confirmViolations).toEqual([]);
    expect(confirmText).toContain("7034");
    expect(confirmText).not.toContain("BE68");
    await waitForStatus(link, "scheduled");
  });
});

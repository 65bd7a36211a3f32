import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { depsFromConfig } from "../../packages/core/src/deps";
import { createBatch } from "../../packages/core/src/finance/batches";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { markBatchPaid } from "../../packages/core/src/finance/settlement";
import { createEngine } from "../../packages/core/src/workflows/index";
import { artifacts, axeViolations, startWebStack, type WebStack } from "./browser";
import {
  attach,
  decisionLink,
  fillAidWithoutDocuments,
  fillMember,
  submit,
  useStack,
  waitForStatus,
} from "./drive";

/**
 * The member's status page through the statuses a request goes through, at 360 px, in the
 * browser's language (French, Dutch, English): translated, with reasons, comments, payments,
 * the loan's schedule and how to repay it, and pass/fail in words.
 */

let web: WebStack;
beforeAll(async () => {
  web = await startWebStack();
  useStack(web);
}, 180_000);
afterAll(async () => {
  await web?.stop();
});

const locales = { fr: "fr-BE", nl: "nl-BE", en: "en-GB" } as const;

/** Decides through the API with the token of the newest decision email for `approver`. */
async function decide(approver: string, link: string, body: Record<string, unknown>) {
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
async function payOut(fund: "solidarity" | "relaunch") {
  const deps = depsFromConfig(web.stack.config);
  const { batch } = await createBatch(deps, fund);
  const sink = new Writable({ write: (_c, _e, done) => done() });
  await exportBatch(deps, batch!.batchId, "csv", sink);
  await markBatchPaid(deps, createEngine(deps), batch!.batchId);
}

/** The status page at 360 px in each language, as the browser asks for it. */
async function eachLanguage(link: string, name: string, wanted: Record<string, string[]>) {
  for (const language of ["fr", "nl", "en"] as const) {
    const url = new URL(link);
    const page = await web.open(url.pathname + url.hash, 360, locales[language]);
    await page.waitForSelector("#request-status");
    await page.screenshot({
      path: join(artifacts, `status-${name}-${language}-360.png`),
      fullPage: true,
    });
    const text = ((await page.textContent("#app")) ?? "").replace(/[\u00a0\u202f]/g, " ");
    const lang = await page.getAttribute("html", "lang");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    const violations = await axeViolations(page);
    expect(lang).toBe(language);
    for (const words of wanted[language] ?? [])
      expect(text, `${name} ${language}`).toContain(words);
    // No raw status value on a French or Dutch page (English words may coincide with them).
    if (language !== "en")
      expect(text).not.toMatch(/\b(scheduled|paid|payout-failed|needs-info|awaiting-approval)\b/);
    expect(overflow, `${name} ${language}`).toBe(false);
    expect(violations, `${name} ${language}`).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.context().close();
  }
}

describe("the status page in each status and language, at 360 px", () => {
  it("a request that failed its checks: the reasons, the deadline, pass and fail in words", async () => {
    const { link } = await submit(async (page) => {
      await fillAidWithoutDocuments(page);
      await fillMember(page, {
        number: "M0099",
        email: "x@example.org",
        iban: "BE68 5390 0754 7034",
      });
    });
    await waitForStatus(link, "needs-info");
    await eachLanguage(link, "needs-info", {
      fr: ["Informations demandées", "Échoué :", "Réussi :", "Répondez au plus tard le", "M0099"],
      nl: ["Informatie gevraagd", "Mislukt:", "Geslaagd:", "Antwoord uiterlijk op"],
      en: ["Information needed", "Failed:", "Passed:", "Answer by"],
    });
  });

  it("an aid approved for less, with the approver's comment, scheduled then paid", async () => {
    const { link } = await submit(fillAidWithoutDocuments);
    await waitForStatus(link, "awaiting-approval");
    await decide("solidarite.anne@smart.example.org", link, {
      decision: "approve",
      amountCents: 60_000,
      comment: "Le plafond du fonds est atteint ce mois-ci.",
    });
    await waitForStatus(link, "scheduled");
    await eachLanguage(link, "scheduled", {
      fr: ["Versement programmé", "Le plafond du fonds est atteint", "600,00 €"],
      nl: ["Uitbetaling gepland", "Le plafond du fonds est atteint", "€ 600,00"],
      en: ["Payout scheduled", "Le plafond du fonds est atteint", "€600.00"],
    });
    await payOut("solidarity");
    await waitForStatus(link, "paid");
    await eachLanguage(link, "paid", {
      fr: ["Payée", "Paiement effectué"],
      nl: ["Betaald", "Betaling uitgevoerd"],
      en: ["Paid", "Payment made"],
    });
  });

  it("a rejected request shows the reason", async () => {
    const { link } = await submit(async (page) => {
      await fillAidWithoutDocuments(page);
      await fillMember(page, {
        number: "M0006",
        email: "amelie.lambert@example.org",
        iban: "BE39 7350 1012 0219",
      });
    });
    await waitForStatus(link, "awaiting-approval");
    await decide("solidarite.marc@smart.example.org", link, {
      decision: "reject",
      comment: "Vos revenus dépassent le seuil de l'aide.",
    });
    await waitForStatus(link, "rejected");
    await eachLanguage(link, "rejected", {
      fr: ["Refusée", "Motif du refus", "Vos revenus dépassent le seuil"],
      nl: ["Geweigerd", "Reden van de weigering"],
      en: ["Rejected", "Reason for the rejection"],
    });
  });

  it("a loan being repaid: its schedule fits at 360 px, with the account and communication to repay", async () => {
    const { link } = await submit(async (page) => {
      await page.check("#f-type-relaunch-loan");
      await fillMember(page, {
        number: "M0004",
        email: "lea.martin@example.org",
        iban: "FR76 3000 4008 2300 0123 4567 819",
      });
      await page.fill("#f-activityId", "ACT-001");
      await page.check("#f-purpose");
      await page.fill("#f-description", "Nouveau matériel lumière pour la reprise.");
      await page.fill("#f-amountCents", "2400");
      await page.fill("#f-termMonths", "12");
      await page.fill("#f-graceMonths", "0");
      await attach(page, "#f-documents", "devis.pdf");
    });
    await waitForStatus(link, "awaiting-approval");
    await decide("credit.ines@smart.example.org", link, { decision: "approve" });
    await decide("credit.tom@smart.example.org", link, { decision: "approve" });
    await waitForStatus(link, "scheduled");
    await payOut("relaunch");
    await waitForStatus(link, "repaying");
    await eachLanguage(link, "repaying", {
      fr: ["En remboursement", "Échéancier du prêt", "Compte de remboursement", "+++", "200,00 €"],
      nl: ["Wordt terugbetaald", "Aflossingsplan", "Te vermelden gestructureerde mededeling"],
      en: ["Being repaid", "Loan schedule", "Structured communication to give"],
    });
  });
});

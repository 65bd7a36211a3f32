import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OffsetClock } from "../../packages/core/src/clock";
import { depsFromConfig } from "../../packages/core/src/deps";
import { createBatch } from "../../packages/core/src/finance/batches";
import { markBatchExported } from "../../packages/core/src/finance/exported";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { importRepayments } from "../../packages/core/src/finance/repayments";
import { markBatchPaid, markPayoutFailed } from "../../packages/core/src/finance/settlement";
import {
  type RequestStatus,
  requestStatuses,
} from "../../packages/core/src/requests/request-types";
import { nextSteps } from "../../packages/core/src/requests/view-texts";
import { createEngine } from "../../packages/core/src/workflows/index";
import {
  advanceClockOffset,
  readClockOffset,
} from "../../packages/functions/src/local/clock-offset";
import { statusTexts } from "../../packages/web/src/lib/ui-text";
import { artifacts, axeViolations, startWebStack, type WebStack } from "./browser";
import {
  attach,
  confirmationLink,
  decide,
  eventually,
  fillAidWithoutDocuments,
  fillMember,
  locales,
  pieter,
  requestView,
  submit,
  useStack,
  waitForStatus,
} from "./drive";

/**
 * The member's status page through every status a member can see, at 360 px (a few at 1280), in
 * the browser's language (French, Dutch, English): the status and next step in the page's words,
 * reasons, comments, payments, the loan's schedule and how to repay it, pass/fail in words; no
 * raw status name, no raw JSON, no English on a French or Dutch page, axe clean. Each journey
 * drives the real workflow (API, finance commands, the stack's clock) and reads the page at
 * each status it passes. The initiative-support statuses are tested with their own pages.
 */

let web: WebStack;
beforeAll(async () => {
  web = await startWebStack();
  useStack(web);
}, 180_000);
afterAll(async () => {
  await web?.stop();
});

type Language = keyof typeof locales;
type Words = Partial<Record<Language, string[]>>;

const idOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get("id")!;
const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get("token")!;

/** Core commands as finance would run them, on the stack's clock (its stored offset). */
async function stackDeps() {
  const clock = new OffsetClock();
  const deps = depsFromConfig(web.stack.config, clock);
  clock.offsetMs = await readClockOffset(deps);
  return deps;
}

/** A member's own POST on their request (withdraw, info), with the status link's token. */
async function memberPost(link: string, action: string, body: object = {}) {
  const answer = await fetch(`${web.base}/api/requests/${idOf(link)}/${action}`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokenOf(link)}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(answer.status, await answer.clone().text()).toBe(200);
}

/** Batches and exports every scheduled payout of `fund`; returns the batch to mark paid. */
async function exportPayouts(fund: "solidarity" | "relaunch") {
  const deps = await stackDeps();
  const { batch } = await createBatch(deps, fund);
  const sink = new Writable({ write: (_c, _e, done) => done() });
  await exportBatch(deps, batch!.batchId, "csv", sink);
  // As `finance export` does after writing the file: each request learns its payout is sent.
  await markBatchExported(deps, createEngine(deps), batch!.batchId);
  return batch!.batchId;
}

async function markPaid(batchId: string) {
  const deps = await stackDeps();
  await markBatchPaid(deps, createEngine(deps), batchId);
}

/** Words a page may show only once translated: hyphenated names anywhere, the others off English pages. */
const rawNames = (language: Language) =>
  requestStatuses.filter((s) => s.includes("-") || language !== "en");

/** The status page of `status` at `width` px in each language, checked and photographed. */
async function readStatusPage(link: string, status: RequestStatus, wanted: Words, width = 360) {
  for (const language of ["fr", "nl", "en"] as const) {
    const url = new URL(link);
    const page = await web.open(url.pathname + url.hash, width, locales[language]);
    await page.waitForSelector("#request-status");
    await page.screenshot({
      path: join(artifacts, `status-${status}-${language}-${width}.png`),
      fullPage: true,
    });
    const text = ((await page.textContent("#app")) ?? "").replace(/[\u00a0\u202f]/g, " ");
    const shown = await page.textContent("#request-status");
    const next = await page.textContent("#next-step");
    const payout = await page
      .locator("#payout-status")
      .textContent({ timeout: 1 })
      .catch(() => "");
    const lang = await page.getAttribute("html", "lang");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    const violations = await axeViolations(page);
    const where = `${status} ${language} ${width}px`;
    expect(lang).toBe(language);
    expect(shown, where).toBe(statusTexts[status][language]);
    expect(next, where).toBe(nextSteps[status]?.[language]);
    // A payout's status in words too (it has statuses of its own, such as "abandoned").
    expect(payout, `${where}: payout status`).not.toMatch(/^[a-z]+(-[a-z]+)*$/);
    for (const words of wanted[language] ?? []) expect(text, where).toContain(words);
    for (const name of rawNames(language))
      expect(text, `${where}: raw "${name}"`).not.toMatch(
        new RegExp(`(^|[^\\w-])${name}($|[^\\w-])`),
      );
    expect(text, `${where}: raw JSON`).not.toMatch(/[{[]\s*"|"\s*:\s*["{[\d]/);
    if (language !== "en") {
      // The English of what this page shows must not leak onto a French or Dutch page.
      expect(text, where).not.toContain(statusTexts[status].en);
      expect(text, where).not.toContain(nextSteps[status]!.en);
    }
    expect(overflow, where).toBe(false);
    expect(violations, where).toEqual([]);
    expect(page.problems, where).toEqual([]);
    await page.context().close();
  }
}

const amelie = {
  number: "M0006",
  email: "amelie.lambert@example.org",
  iban: "BE39 7350 1012 0219",
};

/** One journey: how a request is sent, then each status it is driven to and what its page says there. */
interface Journey {
  name: string;
  fill: Parameters<typeof submit>[0];
  stops: {
    status: RequestStatus;
    reach?: (link: string) => Promise<void>;
    words?: Words;
    wide?: boolean;
  }[];
}

const journeys: Journey[] = [
  {
    name: "an aid approved for less, with the approver's comment, scheduled, exported then paid",
    fill: fillAidWithoutDocuments,
    stops: [
      {
        status: "awaiting-approval",
        words: { fr: ["800,00 €"], nl: ["€ 800,00"], en: ["€800.00"] },
      },
      {
        status: "scheduled",
        reach: (link) =>
          decide("solidarite.anne@smart.example.org", link, {
            decision: "approve",
            amountCents: 60_000,
            comment: "Le plafond du fonds est atteint ce mois-ci.",
          }),
        words: {
          fr: ["Le plafond du fonds est atteint", "600,00 €"],
          nl: ["Le plafond du fonds est atteint", "€ 600,00"],
          en: ["Le plafond du fonds est atteint", "€600.00"],
        },
      },
      {
        status: "exported",
        reach: async () => {
          batch = await exportPayouts("solidarity");
        },
      },
      {
        status: "paid",
        reach: () => markPaid(batch),
        words: { fr: ["Paiement effectué"], nl: ["Betaling uitgevoerd"], en: ["Payment made"] },
        wide: true,
      },
    ],
  },
  {
    name: "a rejected request shows the reason",
    fill: async (page) => {
      await fillAidWithoutDocuments(page);
      await fillMember(page, amelie);
    },
    stops: [
      {
        status: "rejected",
        reach: async (link) => {
          await waitForStatus(link, "awaiting-approval");
          await decide("solidarite.marc@smart.example.org", link, {
            decision: "reject",
            comment: "Vos revenus dépassent le seuil de l'aide.",
          });
        },
        words: {
          fr: ["Motif du refus", "Vos revenus dépassent le seuil"],
          nl: ["Reden van de weigering", "Vos revenus dépassent le seuil"],
          en: ["Reason for the rejection", "Vos revenus dépassent le seuil"],
        },
      },
    ],
  },
  {
    name: "a request withdrawn by its member",
    fill: async (page) => {
      await fillAidWithoutDocuments(page);
      await fillMember(page, pieter);
    },
    stops: [
      {
        status: "withdrawn",
        reach: async (link) => {
          await waitForStatus(link, "awaiting-approval");
          await memberPost(link, "withdraw");
          // The status says withdrawn a moment before the history does (its item is written after).
          await eventually(
            "the withdrawal in the history",
            async () =>
              (await requestView(link)).history.some((e) => e.type === "Withdrawn") || undefined,
          );
        },
        words: { fr: ["Demande retirée"], nl: ["Aanvraag ingetrokken"], en: ["Request withdrawn"] },
      },
    ],
  },
  {
    name: "a payout the bank refused: a new IBAN asked, then confirmed from the registered address",
    fill: async (page) => {
      await fillAidWithoutDocuments(page);
      await fillMember(page, amelie);
    },
    stops: [
      {
        status: "payout-failed",
        reach: async (link) => {
          await waitForStatus(link, "awaiting-approval");
          await decide("solidarite.anne@smart.example.org", link, { decision: "approve" });
          await waitForStatus(link, "scheduled");
          const deps = await stackDeps();
          await createBatch(deps, "solidarity");
          await markPayoutFailed(deps, createEngine(deps), idOf(link), "account closed");
        },
      },
      {
        status: "confirming-iban",
        reach: (link) => memberPost(link, "info", { iban: "BE68 5390 0754 7034" }),
      },
      {
        status: "disputed",
        reach: async (link) => {
          const confirm = await web.open(await confirmationLink(amelie.email, idOf(link)));
          await confirm.click("#not-me");
          await confirm.waitForSelector(".notice[role=status]");
          await confirm.context().close();
        },
      },
    ],
  },
  {
    name: "a loan being repaid: its schedule fits at 360 px, with the account and communication to repay",
    fill: async (page) => {
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
    },
    stops: [
      {
        status: "repaying",
        reach: async (link) => {
          await waitForStatus(link, "awaiting-approval");
          await decide("credit.ines@smart.example.org", link, { decision: "approve" });
          await decide("credit.tom@smart.example.org", link, { decision: "approve" });
          await waitForStatus(link, "scheduled");
          await markPaid(await exportPayouts("relaunch"));
        },
        words: {
          fr: ["Échéancier du prêt", "Compte de remboursement", "+++", "200,00 €"],
          nl: ["Aflossingsplan", "Te vermelden gestructureerde mededeling"],
          en: ["Loan schedule", "Structured communication to give"],
        },
        wide: true,
      },
      {
        status: "repaid",
        reach: async (link) => {
          const deps = await stackDeps();
          const today = deps.clock.now().toISOString().slice(0, 10);
          // The whole loan in one transfer, as the bank statement's import records it.
          const line = `requestId,date,amountEuros\n${idOf(link)},${today},2400.00\n`;
          const report = await importRepayments(
            deps,
            createEngine(deps),
            new TextEncoder().encode(line),
          );
          expect(report.lines.map((l) => l.outcome)).toEqual(["applied"]);
        },
        words: { fr: ["Échéancier du prêt"], nl: ["Aflossingsplan"], en: ["Loan schedule"] },
      },
    ],
  },
  // Last: it moves the stack's clock on, which would age every request still waiting.
  {
    name: "a request that failed its checks: the reasons, the deadline, then expired unanswered",
    fill: async (page) => {
      await fillAidWithoutDocuments(page);
      await fillMember(page, {
        number: "M0099",
        email: "x@example.org",
        iban: "BE68 5390 0754 7034",
      });
    },
    stops: [
      {
        status: "needs-info",
        words: {
          fr: ["Échoué :", "Réussi :", "Répondez au plus tard le", "M0099"],
          nl: ["Mislukt:", "Geslaagd:", "Antwoord uiterlijk op"],
          en: ["Failed:", "Passed:", "Answer by"],
        },
      },
      {
        status: "expired",
        reach: async () => {
          await advanceClockOffset(await stackDeps(), 60 * 24 * 3600 * 1000);
        },
        words: { fr: ["Demande expirée"], nl: ["Aanvraag verlopen"], en: ["Request expired"] },
      },
    ],
  },
  {
    name: "a refused payout whose new IBAN never came: the payout abandoned",
    fill: async (page) => {
      await fillAidWithoutDocuments(page);
      await fillMember(page, pieter);
    },
    stops: [
      {
        status: "payout-failed",
        reach: async (link) => {
          await waitForStatus(link, "awaiting-approval");
          await decide("solidarite.anne@smart.example.org", link, { decision: "approve" });
          await waitForStatus(link, "scheduled");
          const deps = await stackDeps();
          await createBatch(deps, "solidarity");
          await markPayoutFailed(deps, createEngine(deps), idOf(link), "account closed");
        },
      },
      {
        status: "payout-abandoned",
        reach: async () => {
          await advanceClockOffset(await stackDeps(), 120 * 24 * 3600 * 1000);
        },
      },
    ],
  },
];
let batch = "";

describe("the status page in every status a member can see, in each language", () => {
  for (const journey of journeys) {
    it(journey.name, async () => {
      const { link } = await submit(journey.fill);
      for (const stop of journey.stops) {
        await stop.reach?.(link);
        await waitForStatus(link, stop.status);
        await readStatusPage(link, stop.status, stop.words ?? {});
        if (stop.wide) await readStatusPage(link, stop.status, stop.words ?? {}, 1280);
      }
    }, 300_000);
  }
});

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { OffsetClock } from "../../packages/core/src/clock";
import { depsFromConfig } from "../../packages/core/src/deps";
import { createBatch } from "../../packages/core/src/finance/batches";
import { markBatchExported } from "../../packages/core/src/finance/exported";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { importRepayments } from "../../packages/core/src/finance/repayments";
import { markBatchPaid, markPayoutFailed } from "../../packages/core/src/finance/settlement";
import { getFund, remainingCents, setEnvelope } from "../../packages/core/src/funds/fund";
import { resumeAwaitingFunds } from "../../packages/core/src/funds/resume";
import { closeDispute } from "../../packages/core/src/requests/operations";
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
import { axeViolations, type OpenPage, screenshot, type WebStack } from "./browser";
import {
  attach,
  camille,
  confirmationLink,
  decide,
  emailedPath,
  eventually,
  fillAidWithoutDocuments,
  fillMember,
  locales,
  payOut,
  pieter,
  requestView,
  sarah,
  stackForFile,
  submit,
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
stackForFile((started) => {
  web = started;
});

type Language = keyof typeof locales;
type Words = Partial<Record<Language, string[]>>;

const idOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get("id")!;
const tokenOf = (link: string) =>
  new URLSearchParams(new URL(link, "http://x").hash.slice(1)).get("token")!;

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
async function readStatusPage(
  link: string,
  status: RequestStatus,
  wanted: Words,
  width = 360,
  tag = "",
  nextKey: string = status,
) {
  for (const language of ["fr", "nl", "en"] as const) {
    const url = new URL(link);
    const page = await web.open(url.pathname + url.hash, width, locales[language]);
    await page.waitForSelector("#request-status");
    await screenshot(page, `status-${status}${tag}-${language}-${width}`);
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
    expect(next, where).toBe(nextSteps[nextKey]?.[language]);
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
      expect(text, where).not.toContain(nextSteps[nextKey]!.en);
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
const lea = {
  number: "M0004",
  email: "lea.martin@example.org",
  iban: "FR76 3000 4008 2300 0123 4567 819",
};
const hugo = {
  number: "M0005",
  email: "hugo.bernard@example.org",
  iban: "FR76 2004 1010 0505 0000 1302 147",
};
/** The demo's initiatives committee, which votes on projects (quorum 3, simple majority). */
const committee = [
  "initiatives.nora@smart.example.org",
  "initiatives.jan@smart.example.org",
  "initiatives.ola@smart.example.org",
];

/** A project of `lead` with `coApplicants`, in two tranches, sent from the form. */
const project =
  (lead: typeof amelie, coApplicants: (typeof amelie)[] = []) =>
  async (page: OpenPage) => {
    await page.check("#f-type-initiative-support");
    await fillMember(page, lead);
    await page.fill("#f-title", `Atelier vélo ${lead.number}`);
    await page.fill("#f-description", "Un atelier de réparation ouvert deux soirs par semaine.");
    await page.fill("#f-beneficiaries", "Les habitants du quartier");
    for (const [i, c] of coApplicants.entries()) {
      await page.click("#f-coApplicants-add");
      await page.fill(`#f-coApplicants-${i}-memberNumber`, c.number);
      await page.fill(`#f-coApplicants-${i}-email`, c.email);
    }
    await page.fill("#f-budgetLines-0-label", "Outils");
    await page.fill("#f-budgetLines-0-amountCents", "3000");
    await page.fill("#f-requestedAmountCents", "3000");
    await page.fill("#f-durationMonths", "6");
    await page.fill("#f-tranches-0-amountCents", "1200");
    await page.fill("#f-tranches-0-milestone", "Local loué et outillé");
    await page.fill("#f-tranches-0-dueDate", inDays(60));
    await page.click("#f-tranches-add");
    await page.fill("#f-tranches-1-amountCents", "1800");
    await page.fill("#f-tranches-1-milestone", "Six mois d'ouverture");
    await page.fill("#f-tranches-1-dueDate", inDays(180));
  };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** An emergency aid without documents, sent as `member`. */
const aidOf = (member: typeof amelie) => async (page: OpenPage) => {
  await fillAidWithoutDocuments(page);
  await fillMember(page, member);
};

/** The solidarity committee approves the aid once it waits for a decision. */
async function approveAid(link: string) {
  await waitForStatus(link, "awaiting-approval");
  await decide("solidarite.anne@smart.example.org", link, { decision: "approve" });
}

/** Approved, put in a batch, then refused by the bank before it was paid. */
async function refusedByBank(link: string) {
  await approveAid(link);
  await waitForStatus(link, "scheduled");
  const deps = await stackDeps();
  await createBatch(deps, "solidarity");
  await markPayoutFailed(deps, createEngine(deps), idOf(link), "account closed");
}

/** A committee member's vote, from the vote link emailed to them. */
async function vote(member: string, link: string, choice: "approve" | "reject") {
  const path = await emailedPath(member, "vote.html", idOf(link));
  const answer = await fetch(`${web.base}/api/votes`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokenOf(path)}`, "content-type": "application/json" },
    body: JSON.stringify({ vote: choice }),
  });
  expect(answer.status, await answer.clone().text()).toBe(200);
}

/** A co-applicant's answer from their confirmation email's page. */
async function confirm(path: string, answer: "confirm" | "not-me") {
  const posted = await fetch(`${web.base}/api/confirmations`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokenOf(path)}`, "content-type": "application/json" },
    body: JSON.stringify({ answer }),
  });
  expect(posted.status, await posted.clone().text()).toBe(200);
}

/** One journey: how a request is sent, then each status it is driven to and what its page says there. */
interface Journey {
  name: string;
  fill: Parameters<typeof submit>[0];
  stops: {
    status: RequestStatus;
    reach?: (link: string) => Promise<void>;
    words?: Words;
    wide?: boolean;
    /** Names the screenshots of a status a second journey reads too. */
    tag?: string;
    /** The next step the page says when it is more exact than the status's (a vote, a hold). */
    next?: keyof typeof nextSteps;
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
    fill: aidOf(amelie),
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
    fill: aidOf(pieter),
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
    fill: aidOf(amelie),
    stops: [
      {
        status: "payout-failed",
        reach: refusedByBank,
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
      {
        status: "dispute-closed",
        reach: async (link) => {
          await waitForStatus(link, "disputed");
          const deps = await stackDeps();
          await closeDispute(deps, createEngine(deps), idOf(link), "Compte d'un tiers.");
        },
        words: {
          fr: ["Close après contestation", "Close par la coopérative après vérification"],
          nl: ["Afgesloten na betwisting", "Afgesloten door de coöperatie na controle"],
          en: ["Closed after the dispute", "Closed by the cooperative after looking into"],
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
  {
    name: "an aid approved while its fund is short: it waits for the funds, then is scheduled",
    fill: aidOf(lea),
    stops: [
      {
        status: "awaiting-funds",
        reach: async (link) => {
          await waitForStatus(link, "awaiting-approval");
          // Operations set the envelope just above what is committed: 100 euros left, 800 asked.
          const deps = await stackDeps();
          const fund = (await getFund(deps, "solidarity"))!;
          envelopeBefore = fund.envelopeCents;
          const committed = fund.envelopeCents - remainingCents(fund);
          await setEnvelope(deps, "solidarity", committed + 10_000);
          await decide("solidarite.anne@smart.example.org", link, { decision: "approve" });
        },
        words: { fr: ["800,00 €"], nl: ["€ 800,00"], en: ["€800.00"] },
        wide: true,
      },
      {
        status: "scheduled",
        tag: "-after-funds",
        reach: async () => {
          // As `funds set` does: the envelope back, and the requests waiting for it resumed.
          const deps = await stackDeps();
          await setEnvelope(deps, "solidarity", envelopeBefore);
          await resumeAwaitingFunds(deps, createEngine(deps), "solidarity");
        },
      },
    ],
  },
  {
    name: "a paid aid whose transfer the bank returned: paid, then a new IBAN asked",
    fill: aidOf(hugo),
    stops: [
      {
        status: "paid",
        tag: "-before-return",
        reach: async (link) => {
          await approveAid(link);
          await waitForStatus(link, "scheduled");
          await markPaid(await exportPayouts("solidarity"));
        },
      },
      {
        status: "payout-failed",
        tag: "-returned",
        reach: async (link) => {
          const deps = await stackDeps();
          await markPayoutFailed(deps, createEngine(deps), idOf(link), "compte clôturé");
        },
        // The history keeps the payment, then says the bank returned it.
        words: {
          fr: ["Paiement effectué", "Le virement payé a été renvoyé par la banque"],
          nl: ["Betaling uitgevoerd", "De betaalde overschrijving werd door de bank teruggestuurd"],
          en: ["Payment made", "The paid transfer was returned by the bank"],
        },
        wide: true,
      },
    ],
  },
  {
    name: "an aid asked with another IBAN than the register's: approved, held for the registered member",
    fill: aidOf({ ...sarah, iban: "BE68 5390 0754 7034" }),
    stops: [
      {
        status: "approved",
        next: "approved-owner-hold",
        reach: approveAid,
      },
    ],
  },
  {
    name: "a project decided by the committee's vote: awaiting approval while it votes, rejected",
    fill: project(pieter),
    stops: [
      {
        status: "awaiting-approval",
        tag: "-vote",
        next: "awaiting-approval-vote",
        reach: async (link) => {
          await vote(committee[0]!, link, "reject");
        },
        words: {
          fr: ["Tranches du projet", "Local loué et outillé", "À venir"],
          nl: ["Schijven van het project", "Nog niet bereikt"],
          en: ["The project's tranches", "Not reached yet"],
        },
      },
      {
        status: "rejected",
        tag: "-vote",
        reach: async (link) => {
          await vote(committee[1]!, link, "reject");
          await vote(committee[2]!, link, "approve");
        },
        // Nobody commented their vote: no empty reason under its heading.
        words: {
          fr: ["Motif du refus", "Aucun motif n'a été donné."],
          nl: ["Reden van de weigering", "Er werd geen reden opgegeven."],
          en: ["Reason for the rejection", "No reason was given."],
        },
      },
    ],
  },
  {
    name: "a project whose co-applicant says it is not them: stopped",
    fill: project(amelie, [sarah]),
    stops: [
      { status: "confirming-co-applicants" },
      {
        status: "co-applicant-declined",
        reach: async (link) => {
          const path = await confirmationLink(sarah.email, idOf(link));
          await confirm(path, "not-me");
        },
      },
    ],
  },
  {
    name: "a project voted, its first tranche paid, its report sent back with a question, then closed",
    fill: project(camille),
    stops: [
      {
        status: "report-needs-info",
        reach: async (link) => {
          for (const member of committee.slice(0, 3)) await vote(member, link, "approve");
          await waitForStatus(link, "scheduled");
          await payOut("initiatives");
          await waitForStatus(link, "awaiting-report");
          await memberPost(link, "report", { report: "Le local est loué, les outils achetés." });
          await waitForStatus(link, "report-checking");
          await decide("initiatives.", link, {
            decision: "request-info",
            comment: "Joignez les factures des outils.",
          });
        },
        words: {
          fr: ["Joignez les factures des outils."],
          nl: ["Joignez les factures des outils."],
          en: ["Joignez les factures des outils."],
        },
      },
      {
        status: "closed",
        reach: (link) => memberPost(link, "close", { reason: "Le local a été repris." }),
      },
    ],
  },
  // Last: they move the stack's clock on, which would age every request still waiting.
  {
    name: "a project whose co-applicant never answered: stopped at the deadline",
    fill: project(lea, [hugo]),
    stops: [
      {
        status: "co-applicant-unconfirmed",
        reach: async (link) => {
          await waitForStatus(link, "confirming-co-applicants");
          await advanceClockOffset(await stackDeps(), 8 * 24 * 3600 * 1000);
        },
      },
    ],
  },
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
    fill: aidOf(pieter),
    stops: [
      {
        status: "payout-failed",
        reach: refusedByBank,
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
let envelopeBefore = 0;

describe("the status page in every status a member can see, in each language", () => {
  for (const journey of journeys) {
    it(journey.name, async () => {
      const { link } = await submit(journey.fill);
      for (const stop of journey.stops) {
        await stop.reach?.(link);
        await waitForStatus(link, stop.status);
        const read = (width: number) =>
          readStatusPage(link, stop.status, stop.words ?? {}, width, stop.tag, stop.next);
        await read(360);
        if (stop.wide) await read(1280);
      }
    }, 300_000);
  }
});

/** The statuses test/web/initiative.test.ts reads on the status page, in each language. */
const readByInitiativeTest: readonly RequestStatus[] = [
  "confirming-co-applicants",
  "awaiting-report",
  "report-checking",
];

/**
 * Statuses no journey photographs, each with why. Both pass within the worker's next step (well
 * under a second after the form shows the status link), so no journey can hold a request there.
 */
const notPhotographed: Partial<Record<RequestStatus, string>> = {
  received: "left by the worker's first step as soon as the request is stored",
  checking: "left as soon as the checks ran (they run in one step)",
};

describe("the journeys of the status page", () => {
  it("read every status of requestStatuses, here or in initiative.test.ts", async () => {
    // Prepare
    const here = new Set(journeys.flatMap((j) => j.stops.map((s) => s.status)));
    const initiativeTest = await readFile(join(import.meta.dirname, "initiative.test.ts"), "utf8");

    // Act
    const missing = requestStatuses.filter(
      (s) => !here.has(s) && !readByInitiativeTest.includes(s) && notPhotographed[s] === undefined,
    );

    // Assess
    expect(missing).toEqual([]);
    for (const status of readByInitiativeTest) expect(initiativeTest).toContain(`"${status}"`);
    for (const status of Object.keys(notPhotographed))
      expect(here.has(status as RequestStatus)).toBe(false);
  });
});

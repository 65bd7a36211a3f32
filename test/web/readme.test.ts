// First: the stack runs the demo plan of the day, as `npm start` does (read when the plan loads).
import "./demo-plan";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { depsFromConfig } from "../../packages/core/src/deps";
import { createBatch } from "../../packages/core/src/finance/batches";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { markBatchPaid } from "../../packages/core/src/finance/settlement";
import { createEngine } from "../../packages/core/src/workflows/index";
import { axeViolations, fieldErrors, screenshot, type WebStack } from "./browser";
import { addDays, demoWindow, today } from "./demo-plan";
import { attach, decisionLink, eventually, stackForFile, statusOf, waitForStatus } from "./drive";

/**
 * The README's "A first request, end to end", step by step in Chromium, with the values the
 * README gives (read from it, so the README and this test cannot drift apart) and the dates it
 * describes, computed from the day the test runs.
 */

let web: WebStack;
stackForFile((started) => {
  web = started;
});

/** The walkthrough's text, and each `value` it quotes in backticks. */
async function walkthrough() {
  const readme = await readFile(join(import.meta.dirname, "../../README.md"), "utf8");
  const start = readme.indexOf("### A first request, end to end");
  const text = readme.slice(start, readme.indexOf("## Architecture", start));
  const quoted = (before: string) => {
    const at = text.indexOf(before);
    const match = /`([^`]+)`/.exec(text.slice(at + before.length));
    if (at < 0 || !match) throw new Error(`the README no longer gives the ${before}`);
    return match[1]!;
  };
  return {
    text,
    member: quoted("as member "),
    email: quoted("as member `M0001`\n   ("),
    iban: quoted("IBAN "),
    activity: quoted("activity "),
    reference: quoted("reference "),
    gross: quoted("gross amount "),
  };
}

describe("the README walkthrough", () => {
  it("a cancelled contract filled in as the README says reaches an approver, is approved and paid", async () => {
    // Prepare
    const r = await walkthrough();
    // "a day of last week" and "the day before that work day", from today
    const workDay = addDays(today, -7);
    const cancellation = addDays(workDay, -1);

    // Act 1: the form, with the hint that says which work days the plan covers
    const form = await web.open("/", 1280);
    await form.check("#f-type");
    const hint = await form.textContent("#f-workDays-hint");
    await form.fill("#f-memberNumber", r.member);
    await form.fill("#f-email", r.email);
    await form.fill("#f-iban", r.iban);
    await form.fill("#f-activityId", r.activity);
    await form.fill("#f-client-name", "Théâtre du Parc");
    await form.check("#f-basis");
    await form.fill("#f-reference", r.reference);
    await form.fill("#f-workDays-0-date", workDay);
    await form.fill("#f-grossAmountCents", r.gross);
    await form.fill("#f-cancellationDate", cancellation);
    await form.fill("#f-cancellationReason", "Fermeture des salles (confinement).");
    await attach(form, "#f-documents", "contrat.pdf");
    await form.click("#review");
    await form.click("#send");
    await form.waitForSelector("#success:not([hidden])", { timeout: 20_000 });
    const link = (await form.getAttribute("#status-link", "href")) ?? "";

    // Act 2: the administrators' email, the decision page, approve
    const approve = await decisionLink("admin.spectacle@smart.example.org", "approve", link);
    const decision = await web.open(new URL(approve).pathname + new URL(approve).hash);
    await decision.waitForSelector("#decision-form");
    await decision.click("#decide");
    await decision.waitForSelector("#decision-result");

    // Act 3: the status page, then the batch created, exported and marked paid
    await waitForStatus(link, "scheduled");
    const status = await web.open(new URL(link).pathname + new URL(link).hash);
    await status.waitForSelector("#request-status");
    const shown = await status.textContent("#request-status");
    await screenshot(status, "readme-status-1280");
    const violations = await axeViolations(status);
    const deps = depsFromConfig(web.stack.config);
    const { batch } = await createBatch(deps, "solidarity");
    await exportBatch(deps, batch!.batchId, "sepa", new Writable({ write: (_c, _e, d) => d() }));
    await markBatchPaid(deps, createEngine(deps), batch!.batchId);
    await waitForStatus(link, "paid");
    const paidMail = await eventually("the paid email", async () => {
      const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as {
        emails: { destination: { to: string[] }; subject: string }[];
      };
      return store.emails.find(
        (e) =>
          e.destination.to.some((t) => t.includes(r.email)) &&
          e.subject.includes("Paiement effectué"),
      );
    });

    // Assess
    expect(r.text).toContain("work day *a day of last week*");
    expect(r.text).toContain("cancellation date *the day before that work day*");
    expect(r.text).toContain("from 1 March of last year to 31 December of this year");
    expect(hint).toContain(`1 mars ${Number(today.slice(0, 4)) - 1}`);
    expect(hint).toContain(`31 décembre ${today.slice(0, 4)}`);
    expect(demoWindow.from <= workDay && workDay <= demoWindow.to).toBe(true);
    expect(shown).toBe("Versement programmé");
    expect(r.text).toContain(`*${shown}*`);
    expect(violations).toEqual([]);
    expect(await statusOf(link)).toBe("paid");
    expect(paidMail).toBeDefined();
  });

  it("a work day outside the plan window is refused in the form with the check's own words", async () => {
    // Prepare
    const form = await web.open("/", 360);
    await form.check("#f-type");
    // Act: the day after the demo window ends
    await form.fill("#f-workDays-0-date", addDays(demoWindow.to, 1));
    await form.click("#review");
    await form.waitForSelector(".error-summary");
    const error = (await fieldErrors(form))["f-workDays-0-date"];
    await screenshot(form, "form-window-error-360");
    // Assess
    expect(error).toContain("hors de la période du plan");
  });
});

describe("the form without the plan's rules", () => {
  it("says in the page's language that it could not load them, and draws the form on a retry", async () => {
    // Prepare: the first answer for the plan's rules never arrives
    const context = await web.browser.newContext({
      viewport: { width: 360, height: 900 },
      locale: "nl-BE",
    });
    let refused = 0;
    await context.route("**/api/plan", (route) =>
      refused++ === 0 ? route.abort("connectionrefused") : route.continue(),
    );
    const page = await context.newPage();

    // Act
    await page.goto(`${web.base}/`);
    await page.waitForSelector("#plan-unavailable");
    const said = await page.textContent("#plan-unavailable");
    const typeChoice = await page.$("#f-type");
    await screenshot(page, "form-plan-unavailable-nl-360", {});
    const violations = await axeViolations(page);
    await page.click("#plan-retry");
    await page.waitForSelector("#f-type");
    await page.check("#f-type");
    const hint = await page.textContent("#f-workDays-hint");
    await context.close();

    // Assess
    expect(said).toContain("Het formulier kon de regels van het plan");
    expect(typeChoice).toBeNull();
    expect(violations).toEqual([]);
    expect(hint).toContain(`31 december ${today.slice(0, 4)}`);
  });
});

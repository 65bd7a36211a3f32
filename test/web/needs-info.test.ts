import { describe, expect, it } from "vitest";
import { axeViolations, fieldErrors, type OpenPage, screenshot, type WebStack } from "./browser";
import {
  attach,
  camille,
  fillMember,
  stackForFile,
  statusOf,
  submit,
  waitForStatus,
} from "./drive";

/**
 * A request whose checks fail on fields (a member number not in the register, an activity typed
 * by name) is corrected on its status page through those very fields, and then goes on.
 */

let web: WebStack;
stackForFile((started) => {
  web = started;
});

/** A cancelled contract with a member number typo and an activity typed by its name. */
const withTypos = (reference: string) => async (page: OpenPage) => {
  await page.check("#f-type");
  await fillMember(page, { ...camille, number: "M0091" });
  await page.fill("#f-activityId", "Spectacle vivant");
  await page.fill("#f-client-name", "Théâtre du Parc");
  await page.check("#f-basis");
  await page.fill("#f-reference", reference);
  await page.fill("#f-workDays-0-date", "2020-04-10");
  await page.fill("#f-grossAmountCents", "900");
  await page.fill("#f-cancellationDate", "2020-03-20");
  await page.fill("#f-cancellationReason", "Fermeture des salles (confinement).");
  await attach(page, "#f-documents", "contrat.pdf");
};

describe("a needs-info corrected through the fields it names", () => {
  it("offers the failing fields pre-filled, checks them like the form, and the request reaches the approvers", async () => {
    // Prepare: a member number with a typo and an activity typed by its name
    const { link } = await submit(withTypos("CDD-2020-18"));
    await waitForStatus(link, "needs-info");
    const status = await web.open(new URL(link).pathname + new URL(link).hash, 360);
    await status.waitForSelector("#info-form #f-memberNumber");

    // Act: what the page offers
    const offered = {
      memberNumber: await status.inputValue("#f-memberNumber"),
      activityId: await status.inputValue("#f-activityId"),
      other: await status.$("#info-form #f-grossAmountCents"),
      deadline: await status.textContent("#info-deadline"),
    };
    await screenshot(status, "needs-info-fields-360");
    const axeOffered = await axeViolations(status);

    // Act: a blank member number is stopped in the browser, next to its field
    await status.fill("#f-memberNumber", "");
    await status.click("#answer");
    await status.waitForSelector(".error-summary");
    const blank = await fieldErrors(status);
    await screenshot(status, "needs-info-errors-360");
    const axeErrors = await axeViolations(status);

    // Act: the corrected values
    await status.fill("#f-memberNumber", "M0001");
    await status.fill("#f-activityId", "ACT-001");
    await status.click("#answer");
    await status.waitForFunction(
      () => document.getElementById("request-status")?.textContent === "En attente de décision",
      undefined,
      { timeout: 30_000 },
    );
    await status.setViewportSize({ width: 1280, height: 900 });
    await screenshot(status, "needs-info-answered-1280");

    // Assess
    expect(offered.memberNumber).toBe("M0091");
    expect(offered.activityId).toBe("Spectacle vivant");
    expect(offered.other).toBeNull();
    expect(offered.deadline).toMatch(/Répondez au plus tard le \d+ \S+ \d{4}/);
    expect(axeOffered).toEqual([]);
    expect(Object.keys(blank)).toEqual(["f-memberNumber"]);
    expect(axeErrors).toEqual([]);
    expect(await statusOf(link)).toBe("awaiting-approval");
    expect(status.problems).toEqual([]);
  });

  it("says in the page's language when the plan's rules cannot be loaded, and still takes a comment", async () => {
    // Prepare: the needs-info page opened while the plan's rules do not arrive
    const { link } = await submit(withTypos("CDD-2020-19"));
    await waitForStatus(link, "needs-info");
    const context = await web.browser.newContext({
      viewport: { width: 360, height: 900 },
      locale: "en-GB",
    });
    await context.route("**/api/plan", (route) => route.abort("connectionrefused"));
    const page = await context.newPage();

    // Act
    await page.goto(`${web.base}${new URL(link).pathname}${new URL(link).hash}`);
    await page.waitForSelector("#info-form");
    const said = await page.textContent("#plan-unavailable");
    const fields = await page.$("#info-form #f-memberNumber");
    const comment = await page.$("#info-form #f-comment");
    await screenshot(page, "needs-info-plan-unavailable-en-360");
    const violations = await axeViolations(page);
    await context.close();

    // Assess
    expect(said).toContain("The form could not load the plan's rules");
    expect(fields).toBeNull();
    expect(comment).not.toBeNull();
    expect(violations).toEqual([]);
  });
});

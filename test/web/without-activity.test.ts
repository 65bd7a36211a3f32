import { describe, expect, it } from "vitest";
import { axeViolations, type OpenPage, screenshot, type WebStack } from "./browser";
import {
  attach,
  decisionLink,
  fillFreelanceExpenses,
  fillMember,
  pieter,
  stackForFile,
  submit,
  waitForStatus,
} from "./drive";

let web: WebStack;
stackForFile((started) => {
  web = started;
});

/** Pieter invoices through the cooperative without an Activity; the promise is a negotiation. */
async function fillFreelance(page: OpenPage) {
  await page.check("#f-type");
  await fillMember(page, pieter);
  await page.check("#f-withoutActivity");
  await page.fill("#f-client-name", "Studio Nord");
  await page.check("#f-basis-negotiation");
  await page.fill("#f-reference", "NEGO-2020-3");
  await page.fill("#f-workDays-0-date", "2020-04-20");
  await page.click("#f-workDays-add");
  await page.fill("#f-workDays-1-date", "2020-04-21");
  await page.fill("#f-workDays-1-hours", "4");
  await page.fill("#f-grossAmountCents", "900");
  await page.fill("#f-cancellationDate", "2020-03-20");
  await page.fill("#f-cancellationReason", "Tournage annulé (confinement).");
  await attach(page, "#f-documents", "devis.pdf");
  await attach(page, "#f-documents", "echanges-client.pdf");
  await page.check("#f-correspondenceDocuments-1");
}

describe("the form for a member without an Activity", () => {
  it("offers the choice, drops the activity, shows the daily amount and marks the correspondence", async () => {
    // Prepare
    const page = await web.open("/?lang=fr");
    await page.check("#f-type");
    const activityBefore = await page.isVisible("#f-activityId");

    // Act
    await fillFreelance(page);
    const activityAfter = await page.$("#f-activityId");
    const daily = await page.textContent("#f-grossAmountCents-daily");
    await screenshot(page, "form-without-activity");
    const violations = await axeViolations(page);

    // Assess
    expect(activityBefore).toBe(true);
    expect(activityAfter).toBeNull();
    expect(daily).toMatch(/^Soit 600,00\s€ brut par jour pour 1,5 jour de travail/);
    expect(violations).toEqual([]);
  });

  it("sends the request to the solidarity committee, with the correspondence marked", async () => {
    // Act
    const { link } = await submit(fillFreelance);
    await waitForStatus(link, "awaiting-approval");
    const approve = await decisionLink("solidarite.anne@smart.example.org", "approve", link);
    const page = await web.open(approve.replace(/^https?:\/\/[^/]+/, ""));
    await page.waitForSelector("#documents");
    const documents = await page.textContent("#documents");

    // Assess
    expect(documents).toContain("echanges-client.pdf (Correspondance avec le client)");
    expect(documents).not.toContain("devis.pdf (Correspondance");
  });

  it("sends incurred expenses without an Activity to the solidarity committee", async () => {
    // Act
    const { link } = await submit((page) => fillFreelanceExpenses(page, "2020-03-02", "BO-NOACT"));
    await waitForStatus(link, "awaiting-approval");
    const approve = await decisionLink("solidarite.anne@smart.example.org", "approve", link);

    // Assess
    expect(approve).toMatch(/decision\.html#token=/);
  });
});

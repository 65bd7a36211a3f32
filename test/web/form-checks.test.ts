import { describe, expect, it } from "vitest";
import { axeViolations, fieldErrors, screenshot, type WebStack } from "./browser";
import { attach, fillFreelanceExpenses, fillMember, pieter, stackForFile } from "./drive";

let web: WebStack;
stackForFile((started) => {
  web = started;
});

/** A phone's width: every field and its message must still fit. */
const PHONE = 360;

/** What each language says for the rules the form checks before sending (the server's words). */
const expected = {
  fr: {
    receipt: /ne précède pas l'annulation/,
    correspondence: /marquez au moins un document comme la correspondance/,
    daily: /^Soit 400,00\s€ brut par jour pour 1,5 jour de travail/,
    bidi: /caractère invisible qui inverse le sens du texte/,
  },
  nl: {
    receipt: /gaat niet vooraf aan de annulering/,
    correspondence: /minstens één document als de briefwisseling/,
    daily: /400,00 bruto per dag voor 1,5 werkdag/,
    bidi: /onzichtbaar teken dat de leesrichting omkeert/,
  },
  en: {
    receipt: /does not precede the cancellation/,
    correspondence: /mark at least one document as the correspondence/,
    daily: /€400\.00 gross per day for 1\.5 days? of work/,
    bidi: /invisible character that reverses the text's direction/,
  },
} as const;

describe.each(["fr", "nl", "en"] as const)("the form's new checks in %s, at 360 px", (lang) => {
  it("offers incurred expenses without an Activity and refuses a receipt dated on the cancellation day", async () => {
    // Prepare
    const page = await web.open(`/?lang=${lang}`, PHONE);

    // Act
    await fillFreelanceExpenses(page, "2020-03-25");
    const activity = await page.$("#f-activityId");
    await page.click("#review");
    const errors = await fieldErrors(page);
    await screenshot(page, `form-expenses-receipt-${lang}`);
    const violations = await axeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);

    // Assess
    expect(activity).toBeNull();
    expect(errors["f-lines-0-date"]).toMatch(expected[lang].receipt);
    expect(await page.isVisible("#summary-title")).toBe(false);
    expect(violations).toEqual([]);
    expect(overflow).toBe(false);
    expect(page.problems).toEqual([]);
  });

  it("asks for the negotiation's correspondence before sending, under the computed daily amount", async () => {
    // Prepare
    const page = await web.open(`/?lang=${lang}`, PHONE);

    // Act
    await page.check("#f-type");
    await fillMember(page, pieter);
    await page.check("#f-withoutActivity");
    await page.fill("#f-client-name", "Studio Nord");
    await page.check("#f-basis-negotiation");
    await page.fill("#f-reference", "NEGO-7");
    await page.fill("#f-workDays-0-date", "2020-04-20");
    await page.click("#f-workDays-add");
    await page.fill("#f-workDays-1-date", "2020-04-21");
    await page.fill("#f-workDays-1-hours", "4");
    await page.fill("#f-grossAmountCents", "600");
    await page.fill("#f-cancellationDate", "2020-03-20");
    await page.fill("#f-cancellationReason", "Tournage annulé (confinement).");
    await attach(page, "#f-documents", "echanges-client.pdf");
    const daily = await page.textContent("#f-grossAmountCents-daily");
    await page.click("#review");
    const errors = await fieldErrors(page);
    await screenshot(page, `form-correspondence-${lang}`);
    const violations = await axeViolations(page);

    // Assess
    expect(daily).toMatch(expected[lang].daily);
    expect(errors["f-correspondenceDocuments"]).toMatch(expected[lang].correspondence);
    expect(violations).toEqual([]);
    expect(page.problems).toEqual([]);
  });

  it("shows the API's 400 next to the field it names, not only in the summary", async () => {
    // Prepare: a bidirectional control the browser lets through and the API refuses.
    const page = await web.open(`/?lang=${lang}`, PHONE);
    await fillFreelanceExpenses(page, "2020-03-02", "BO-\u202E7");

    // Act
    await page.click("#review");
    await page.click("#send");
    await page.waitForSelector(".error-summary", { timeout: 20_000 });
    const errors = await fieldErrors(page);
    const summary = await page.textContent(".error-summary");
    await screenshot(page, `form-api-error-${lang}`);
    const violations = await axeViolations(page);

    // Assess
    expect(Object.keys(errors)).toEqual(["f-orderReference"]);
    expect(errors["f-orderReference"]).toMatch(expected[lang].bidi);
    expect(summary).toContain(errors["f-orderReference"]);
    expect(violations).toEqual([]);
  });
});

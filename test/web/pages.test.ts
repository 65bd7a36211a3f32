import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labelOf } from "../../packages/core/src/request-view/labels";
import { quote } from "../../packages/core/src/requests/i18n";
import { errorMap } from "../../packages/core/src/requests/messages";
import { say as uiSay } from "../../packages/web/src/lib/ui-text";
import { axeViolations, fieldErrors, screenshot, startWebStack, type WebStack } from "./browser";

/** The API's wording of an issue, computed here from the same `messages.ts` the page bundles. */
const say = (language: "fr" | "en", issue: Record<string, unknown>) =>
  (errorMap(language) as (i: unknown) => string)(issue);

let web: WebStack;
beforeAll(async () => {
  web = await startWebStack();
}, 180_000);
afterAll(async () => {
  await web?.stop();
});

describe("the request form", () => {
  it("renders in French by default, switches to English, and remembers the choice", async () => {
    // Prepare
    const page = await web.open("/");

    // Act
    const frenchLang = await page.getAttribute("html", "lang");
    const frenchTitle = await page.textContent("h1");
    const frenchLegend = await page.textContent("legend");
    await page.selectOption("#lang", "en");
    const englishLang = await page.getAttribute("html", "lang");
    const englishTitle = await page.textContent("h1");
    const englishLegend = await page.textContent("legend");
    const url = page.url();
    await page.goto(`${web.base}/`);
    const afterReload = await page.getAttribute("html", "lang");

    // Assess
    expect(frenchLang).toBe("fr");
    expect(frenchTitle).toBe("Demande d'aide");
    expect(frenchLegend).toContain("Type de demande");
    expect(englishLang).toBe("en");
    expect(englishTitle).toBe("Request for help");
    expect(englishLegend).toContain("Type of request");
    expect(url).toContain("lang=en");
    expect(afterReload).toBe("en");
    expect(page.problems).toEqual([]);
  });

  it("shows only the chosen type's fields", async () => {
    // Prepare
    const page = await web.open("/");

    // Act
    await page.check("#f-type-relaunch-loan");
    const loanFields = await page.$$eval("[id^=f-]", (els) => els.map((e) => e.id));
    await page.check("#f-type");
    const contractFields = await page.$$eval("[id^=f-]", (els) => els.map((e) => e.id));

    // Assess
    expect(loanFields).toContain("f-termMonths");
    expect(loanFields).not.toContain("f-workDays");
    expect(contractFields).toContain("f-workDays-0-date");
    expect(contractFields).not.toContain("f-termMonths");
  });

  for (const language of ["fr", "en"] as const) {
    it(`shows field errors next to the fields and in a focused summary, in ${language}`, async () => {
      // Prepare
      const page = await web.open(`/?lang=${language}`);
      await page.check("#f-type");
      await page.fill("#f-memberNumber", "M 01!");
      await page.fill("#f-email", "not-an-email");
      await page.fill("#f-iban", "BE68 5390 0754 7035");
      await page.fill("#f-grossAmountCents", "12,34,5");
      await page.fill("#f-workDays-0-hours", "2,1");

      // Act
      await page.click("#review");
      const errors = await fieldErrors(page);
      const focused = await page.evaluate(() => document.activeElement?.className);
      const summaryLinks = await page.$$eval(".error-summary a", (as) =>
        as.map((a) => a.getAttribute("href")),
      );
      await page.click(".error-summary a[href='#f-iban']");
      const afterLink = await page.evaluate(() => document.activeElement?.id);

      // Assess
      expect(errors["f-memberNumber"]).toBe(
        say(language, {
          code: "custom",
          path: ["memberNumber"],
          params: { code: "invalid_member_number" },
        }),
      );
      expect(errors["f-email"]).toBe(
        say(language, { code: "invalid_format", format: "email", path: ["email"] }),
      );
      expect(errors["f-iban"]).toBe(
        say(language, { code: "custom", path: ["iban"], params: { code: "invalid_iban" } }),
      );
      expect(errors["f-activityId"]).toBe(
        say(language, { code: "invalid_type", expected: "string", path: ["activityId"] }),
      );
      expect(errors["f-workDays-0-hours"]).toBe(
        say(language, { code: "not_multiple_of", divisor: 0.25, path: ["workDays", 0, "hours"] }),
      );
      expect(errors["f-grossAmountCents"]).toMatch(
        language === "fr" ? /montant en euros/ : /amount in euros/,
      );
      expect(errors["f-documents"]).toBe(
        say(language, {
          code: "too_small",
          origin: "array",
          minimum: 1,
          inclusive: true,
          path: ["documents"],
        }),
      );
      expect(focused).toContain("error-summary");
      expect(summaryLinks).toContain("#f-iban");
      expect(afterLink).toBe("f-iban");
    });
  }

  it("refuses a file of the wrong type or size before uploading anything", async () => {
    // Prepare
    const page = await web.open("/?lang=en");
    await page.check("#f-type");
    const calls: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/documents")) calls.push(r.url());
    });

    // Act
    await page.setInputFiles("#f-documents", {
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("hello"),
    });
    const typeMessage = await page.textContent("#f-documents-status");
    await page.setInputFiles("#f-documents", {
      name: "scan.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    const sizeMessage = await page.textContent("#f-documents-status");

    // Assess
    expect(typeMessage).toBe(
      say("en", {
        code: "custom",
        path: ["contentType"],
        params: { code: "invalid_content_type" },
      }),
    );
    expect(sizeMessage).toBe("scan.pdf is too large: 10 MB at most.");
    expect(calls).toEqual([]);
  });

  it("adds and removes work days and expense lines, keeping what was typed", async () => {
    // Prepare
    const page = await web.open("/");
    await page.check("#f-type");
    await page.fill("#f-workDays-0-date", "2020-04-01");

    // Act
    await page.click("#f-workDays-add");
    const focusedAfterAdd = await page.evaluate(() => document.activeElement?.id);
    await page.fill("#f-workDays-1-date", "2020-04-02");
    await page.click("#f-workDays-add");
    await page.click("text=Retirer le jour 2");
    const dates = await page.$$eval("input[id$=-date][id^=f-workDays]", (els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    await page.check("#f-type-incurred-expenses");
    await page.click("#f-lines-add");
    const lines = await page.$$eval("fieldset.row legend", (els) => els.map((e) => e.textContent));

    // Assess
    expect(focusedAfterAdd).toBe("f-workDays-1-date");
    expect(dates).toEqual(["2020-04-01", ""]);
    expect(lines).toEqual(["Dépense 1", "Dépense 2"]);
  });

  it("converts euros to cents exactly and shows a summary before sending", async () => {
    // Prepare
    const page = await web.open("/?lang=fr");
    await page.check("#f-type-emergency-aid");
    await page.fill("#f-memberNumber", "M0001");
    await page.fill("#f-email", "camille.dubois@example.org");
    await page.fill("#f-iban", "be21 0012 3456 7803");
    await page.check("#f-category");
    await page.fill("#f-description", "Loyer impayé depuis l'annulation de la tournée.");
    await page.fill("#f-incomeBeforeCents", "1 800");
    await page.fill("#f-incomeAfterCents", "0");
    await page.fill("#f-householdSize", "2");
    await page.fill("#f-requestedAmountCents", "1 234,56");

    // Act
    await page.click("#review");
    const summary = await page.textContent("#summary");
    const focused = await page.evaluate(() => document.activeElement?.id);

    // Assess
    expect(summary).toMatch(/1\s234,56\s€/);
    expect(summary).toContain("BE21001234567803");
    expect(summary).toContain("Loyer");
    expect(focused).toBe("summary-title");
  });

  // Amounts as members type them: thousands grouped in their language's way, or refused.
  it.each([
    ["fr", "1.250,50", /1\s250,50\s€/],
    ["fr", "1\u202f250,50", /1\s250,50\s€/],
    ["fr", "1\u00a0250,50", /1\s250,50\s€/],
    ["fr", "1.250", /1\s250,00\s€/],
    ["nl", "1.250,50", /€\s1\.250,50/],
    ["nl", "1 250,50", /€\s1\.250,50/],
    ["en", "1,250.50", /€1,250\.50/],
    ["en", "1,250", /€1,250\.00/],
    ["en", "1.250,50", /€1,250\.50/],
  ] as const)("reads %s %j as the amount it says", async (language, typed, shown) => {
    // Prepare
    const page = await web.open(`/?lang=${language}`);
    await fillEmergencyAid(page, "2");

    // Act
    await page.fill("#f-incomeBeforeCents", typed);
    await page.click("#review");
    const summary = await page.textContent("#summary");

    // Assess
    expect(summary).toMatch(shown);
  });

  it.each([
    ["fr", "1.25.0"],
    ["fr", "1,2,3"],
    ["fr", "1,250"],
    ["nl", "1.25.0"],
    ["nl", "12.50,5.0"],
    ["en", "1,2,3"],
    ["en", "1.250"],
    ["en", "1 25,0"],
  ] as const)(
    "refuses %s %j with the field's message in that language",
    async (language, typed) => {
      // Prepare
      const page = await web.open(`/?lang=${language}`);
      await fillEmergencyAid(page, "2");

      // Act
      await page.fill("#f-incomeBeforeCents", typed);
      await page.click("#review");
      const errors = await fieldErrors(page);

      // Assess
      const label = quote(labelOf(["incomeBeforeCents"], language), language);
      expect(errors["f-incomeBeforeCents"]).toBe(uiSay("eurosInvalidZero", language, { label }));
    },
  );

  /** Fills a valid emergency-aid request, without sending or reviewing it. */
  async function fillEmergencyAid(page: import("playwright-core").Page, householdSize: string) {
    await page.check("#f-type-emergency-aid");
    await page.fill("#f-memberNumber", "M0001");
    await page.fill("#f-email", "camille.dubois@example.org");
    await page.fill("#f-iban", "BE21 0012 3456 7803");
    await page.check("#f-category");
    await page.fill("#f-description", "Loyer impayé depuis l'annulation de la tournée.");
    await page.fill("#f-incomeBeforeCents", "1800");
    await page.fill("#f-incomeAfterCents", "0");
    await page.fill("#f-householdSize", householdSize);
    await page.fill("#f-requestedAmountCents", "900");
  }

  /** Fills a valid emergency-aid request and opens its summary. */
  async function reviewEmergencyAid(page: import("playwright-core").Page) {
    await page.check("#f-type-emergency-aid");
    await page.fill("#f-memberNumber", "M0001");
    await page.fill("#f-email", "camille.dubois@example.org");
    await page.fill("#f-iban", "BE21 0012 3456 7803");
    await page.check("#f-category");
    await page.fill("#f-description", "Rent unpaid since the tour was cancelled.");
    await page.fill("#f-incomeBeforeCents", "1800");
    await page.fill("#f-incomeAfterCents", "0");
    await page.fill("#f-householdSize", "1");
    await page.fill("#f-requestedAmountCents", "900");
    await page.click("#review");
  }

  /** The Idempotency-Key of every POST /api/requests the page starts, failed ones included. */
  function sentKeys(page: import("playwright-core").Page): string[] {
    const keys: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/requests") && r.method() === "POST") {
        keys.push(r.headers()["idempotency-key"] ?? "");
      }
    });
    return keys;
  }

  it("starts one POST for a double click on send", async () => {
    // Prepare
    const page = await web.open("/?lang=en");
    await reviewEmergencyAid(page);
    const keys = sentKeys(page);

    // Act
    await page.dblclick("#send");
    await page.waitForFunction(
      () =>
        !document.getElementById("success")?.hidden ||
        !(document.getElementById("send") as HTMLButtonElement | null)?.disabled,
    );

    // Assess
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("resends with the same idempotency key after a network error", async () => {
    // Prepare
    const page = await web.open("/?lang=en");
    await reviewEmergencyAid(page);
    const keys = sentKeys(page);

    // Act
    await page.context().setOffline(true);
    await page.click("#send");
    await page.waitForSelector("#send-result.error");
    const offlineMessage = await page.textContent("#send-result");
    await page.context().setOffline(false);
    await page.click("#send");
    await page.waitForFunction(
      () =>
        !document.getElementById("success")?.hidden ||
        !(document.getElementById("send") as HTMLButtonElement | null)?.disabled,
    );

    // Assess
    expect(offlineMessage).toContain("it will not be recorded twice");
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });
});

describe("the status and decision pages", () => {
  it("reads the status token from the fragment, sends it only as a bearer token and removes it from the address", async () => {
    // Prepare
    const sent: { url: string; auth?: string }[] = [];
    const context = await web.browser.newContext();
    const page = await context.newPage();
    page.on("request", (r) => {
      if (r.url().includes("/api/")) sent.push({ url: r.url(), auth: r.headers().authorization });
    });

    // Act
    await page.goto(`${web.base}/status.html#id=req-123&token=secret-token-value`);
    await page.waitForSelector("#app .notice");
    const address = page.url();
    const kept = await page.evaluate(() => sessionStorage.getItem("entraide.status"));

    // Assess
    expect(address).toBe(`${web.base}/status.html`);
    expect(sent).toEqual([
      { url: `${web.base}/api/requests/req-123`, auth: "Bearer secret-token-value" },
    ]);
    expect(kept).toContain("secret-token-value");
    await context.close();
  });

  it("says a link without a token is incomplete", async () => {
    // Prepare
    const page = await web.open("/status.html?lang=en");

    // Act
    const text = await page.textContent("#app");

    // Assess
    expect(text).toContain("The address has no status code");
  });

  it("never decides when the decision page opens with an action in its link", async () => {
    // Prepare
    const sent: string[] = [];
    const context = await web.browser.newContext();
    const page = await context.newPage();
    page.on("request", (r) => {
      if (r.url().includes("/api/")) sent.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });

    // Act
    await page.goto(`${web.base}/decision.html#token=decision-token&action=approve`);
    await page.waitForSelector("#app .notice");
    await page.waitForTimeout(300);

    // Assess
    expect(sent).toEqual(["GET /api/decisions/current"]);
    expect(page.url()).toBe(`${web.base}/decision.html`);
    await context.close();
  });
});

describe("accessibility and looks", () => {
  for (const [name, path, prepare] of [
    ["form (type chosen)", "/", async (p: import("playwright-core").Page) => p.check("#f-type")],
    [
      "form with errors",
      "/",
      async (p: import("playwright-core").Page) => {
        await p.check("#f-type-incurred-expenses");
        await p.click("#review");
      },
    ],
    ["status page", "/status.html", async () => {}],
    ["decision page", "/decision.html", async () => {}],
    ["confirmation page without a link", "/confirm.html", async () => {}],
  ] as const) {
    it(`axe-core finds no serious or critical violation on the ${name}`, async () => {
      // Prepare
      const page = await web.open(path);
      await prepare(page);

      // Act
      const violations = await axeViolations(page);

      // Assess
      expect(violations).toEqual([]);
    });
  }

  it("writes screenshots of the form and the status page at 360 px and 1280 px", async () => {
    // Prepare
    const shots: string[] = [];

    // Act
    for (const width of [360, 1280]) {
      const form = await web.open("/", width);
      await form.check("#f-type");
      const formShot = `form-${width}`;
      await screenshot(form, formShot);
      const overflow = await form.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      const status = await web.open("/status.html", width);
      const statusShot = `status-${width}`;
      await screenshot(status, statusShot);
      shots.push(formShot, statusShot);
      // Assess: nothing sticks out sideways on a phone.
      expect(overflow).toBe(false);
    }

    // Assess
    expect(shots).toHaveLength(4);
  });
});

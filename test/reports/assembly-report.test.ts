import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planConfig } from "../../packages/core/src/plan/config";
import { reportCsv } from "../../packages/core/src/reports/csv";
import { type AssemblyFigures, assemblyFigures } from "../../packages/core/src/reports/figures";
import { reportHtml } from "../../packages/core/src/reports/html";
import { artifacts, axeViolations, CHROMIUM_ARGS, screenshot } from "../web/browser";
import { expectedFigures } from "./support/expected";
import { PERSONAL, seedYear, YEAR_START } from "./support/seed-year";

let seeded: Awaited<ReturnType<typeof seedYear>>;
let figures: AssemblyFigures;
let browser: Browser;
const pages: Record<string, string> = {};

/** Every figure on a page: `<data value data-figure>` is how the page shows a number. */
function pageFigures(html: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of html.matchAll(/<data value="(-?\d+)" data-figure="([^"]+)">/g))
    found.set(m[2]!, Number(m[1]));
  return found;
}

beforeAll(async () => {
  seeded = await seedYear();
  figures = await assemblyFigures(seeded.stack);
  for (const language of ["fr", "nl", "en"] as const)
    pages[language] = reportHtml(figures, language);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  await mkdir(artifacts, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe("the assembly report of a seeded year", () => {
  it("shows every figure as the fund report and the requests' history say, small groups merged", async () => {
    // Prepare
    const expected = await expectedFigures(seeded.stack, seeded.ids, planConfig, {
      solidarity: { month: YEAR_START.slice(0, 7), cents: 2_500_000_00 },
      relaunch: { month: YEAR_START.slice(0, 7), cents: 5_000_00 },
      initiatives: { month: YEAR_START.slice(0, 7), cents: 150_000_00 },
    });

    // Act
    const shown = pageFigures(pages.fr!);

    // Assess
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
    // A year of requests, in numbers a reader can check against each other.
    expect(shown.get("solidarity.requests.total.submitted")).toBeGreaterThan(60);
    expect(shown.get("relaunch.requests.total.submitted")).toBeUndefined();
    for (const fund of figures.funds) {
      const last = fund.series.at(-1)!;
      expect(last.reservedCents + fund.undated.reservedCents).toBe(fund.line.reservedCents);
      expect(last.paidCents + fund.undated.paidCents).toBe(fund.line.paidCents);
      expect(last.recoveredCents + fund.undated.recoveredCents).toBe(fund.line.recoveredCents);
      expect(last.repaidCents + fund.undated.repaidCents).toBe(fund.line.repaidCents);
    }
    // The same figures in every language.
    expect(Object.fromEntries(pageFigures(pages.nl!))).toEqual(Object.fromEntries(shown));
    expect(Object.fromEntries(pageFigures(pages.en!))).toEqual(Object.fromEntries(shown));
  });

  it("writes the same figures as CSV, amounts in euros with a decimal comma", () => {
    // Act
    const csv = reportCsv(figures, "fr");
    const rows = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .map((l) => l.split(";"));

    // Assess
    expect(rows[0]).toEqual(["fund", "section", "group", "measure", "value", "unit"]);
    const shown = pageFigures(pages.fr!);
    expect(rows.length - 1).toBe(shown.size);
    const funds: Record<string, string> = {
      "Fonds de solidarité": "solidarity",
      "Fonds de relance": "relaunch",
      "Fonds d'appui aux initiatives": "initiatives",
    };
    for (const [fund, section, group, measure, value, unit] of rows.slice(1)) {
      const key = [funds[fund!], section, group, measure].filter((p) => p !== "").join(".");
      const cents =
        unit === "EUR" ? Math.round(Number(value!.replace(",", ".")) * 100) : Number(value);
      expect([key, cents]).toEqual([key, shown.get(key)]);
    }
  });

  it("shows no name, email or IBAN of the seeded members, in the page or the CSV", () => {
    const texts = [...Object.values(pages), reportCsv(figures, "fr"), reportCsv(figures, "nl")];
    for (const text of texts) {
      for (const personal of PERSONAL) expect(text).not.toContain(personal);
      expect(text).not.toMatch(/\bM000\d\b/);
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.\w/);
      expect(text).not.toMatch(/\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/);
    }
  });

  it("writes amounts in euros and dates in words, in fr, nl and en", () => {
    expect(pages.fr).toContain("Rapport des fonds");
    expect(pages.fr).toMatch(/1er mars 2020|1 mars 2020/);
    expect(pages.fr).toMatch(/\d\s?€/);
    expect(pages.nl).toContain("Verslag van de fondsen");
    expect(pages.nl).toContain("maart 2020");
    expect(pages.nl).toMatch(/€\s?\d/);
    expect(pages.en).toContain("Fund report");
    expect(pages.en).toContain("March 2020");
    expect(pages.en).toMatch(/€\d/);
  });

  for (const width of [360, 1280]) {
    it(`reads at ${width} px in Chromium with nothing fetched, no script, and no serious axe violation; prints to PDF`, async () => {
      // Prepare
      const file = join(artifacts, `assembly-report-${width}.html`);
      await writeFile(file, pages.fr!);
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });

      // Act
      await page.goto(pathToFileURL(file).href);
      await screenshot(page, `assembly-report-${width}`);
      for (const [i, chart] of (await page.locator("svg.chart").all()).entries()) {
        await screenshot(chart, `assembly-report-${width}-chart-${i}`);
      }
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      const scripts = await page.evaluate(() => document.scripts.length);
      const violations = await axeViolations(page);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      // The PDF as printed cannot be looked at here: the page under print CSS is what it holds.
      await page.emulateMedia({ media: "print" });
      await screenshot(page, `assembly-report-${width}-print`);
      await writeFile(join(artifacts, `assembly-report-${width}.pdf`), pdf);
      await context.close();

      // Assess
      expect(requests).toEqual([]);
      expect(scripts).toBe(0);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(violations).toEqual([]);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(10_000);
    });
  }
});

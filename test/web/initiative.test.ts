import { describe, expect, it } from "vitest";
import { axeViolations, fieldErrors, type OpenPage, screenshot, type WebStack } from "./browser";
import {
  attach,
  camille,
  confirmationLink,
  decisionLink,
  eachLanguage,
  emailedPath,
  fillMember,
  locales,
  payOut,
  sarah,
  stackForFile,
  submit,
  waitForStatus,
} from "./drive";

/**
 * An initiative project through the pages, in French, Dutch and English at 360 and 1280 px:
 * sent from the form (co-applicant, budget lines, tranches whose sum the form checks), confirmed
 * by its co-applicant, read on the decision page, followed on the status page, and its first
 * milestone reported from there.
 */
let web: WebStack;
stackForFile((started) => {
  web = started;
});

const WIDTHS = [360, 1280] as const;
const pathOf = (link: string) => `${new URL(link).pathname}${new URL(link).hash}`;
const textOf = async (page: OpenPage) =>
  ((await page.textContent("#app")) ?? "").replace(/[\u00a0\u202f]/g, " ");

/** Screenshots at both widths, axe, no sideways scroll, no console errors: what every page owes. */
async function looksRight(page: OpenPage, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    expect(overflow, `${name} at ${width}`).toBe(false);
  }
  expect(await axeViolations(page), name).toEqual([]);
  expect(page.problems, name).toEqual([]);
}

/** Fills the project: one co-applicant, two budget lines, two tranches of `tranches` euros. */
async function fillProject(page: OpenPage, tranches: [string, string]) {
  await page.check("#f-type-initiative-support");
  await fillMember(page, camille);
  await page.fill("#f-title", "Atelier vélo partagé");
  await page.fill("#f-description", "Un atelier de réparation ouvert deux soirs par semaine.");
  await page.fill("#f-beneficiaries", "Les habitants du quartier");
  // Keyboard: the add buttons are reached and pressed like any button, focus moves to the new row.
  await page.focus("#f-coApplicants-add");
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(
    "f-coApplicants-0-memberNumber",
  );
  await page.keyboard.type(sarah.number);
  await page.fill("#f-coApplicants-0-email", sarah.email);
  await page.fill("#f-budgetLines-0-label", "Outils");
  await page.fill("#f-budgetLines-0-amountCents", "1200");
  await page.click("#f-budgetLines-add");
  await page.fill("#f-budgetLines-1-label", "Loyer du local");
  await page.fill("#f-budgetLines-1-amountCents", "1800");
  await page.fill("#f-requestedAmountCents", "3000");
  await page.fill("#f-durationMonths", "6");
  await page.fill("#f-tranches-0-amountCents", tranches[0]);
  await page.fill("#f-tranches-0-milestone", "Local loué et outillé");
  await page.fill("#f-tranches-0-dueDate", "2027-03-01");
  await page.click("#f-tranches-add");
  await page.fill("#f-tranches-1-amountCents", tranches[1]);
  await page.fill("#f-tranches-1-milestone", "Six mois d'ouverture");
  await page.fill("#f-tranches-1-dueDate", "2027-09-01");
}

describe("an initiative project in the pages", () => {
  it("is sent from the form, confirmed, decided, followed and reported on", async () => {
    // The form: the plan's bounds as hints, the tranches' sum refused with the server's words
    const form = await web.open("/?lang=fr", 1280);
    await fillProject(form, ["1000", "1500"]);
    const formText = await textOf(form);
    expect(formText).toContain("Entre 1 000,00 € et 50 000,00 €.");
    expect(formText).toContain("De 1 à 4 tranches");
    await looksRight(form, "initiative-form-fr");
    await form.click("#review");
    expect(Object.values(await fieldErrors(form))).toContain(
      "Les montants des tranches doivent faire ensemble le montant demandé.",
    );
    await form.context().close();
    for (const language of ["nl", "en"] as const) {
      const page = await web.open(`/?lang=${language}`, 1280, locales[language]);
      await fillProject(page, ["1000", "1500"]);
      await page.click("#review");
      expect(Object.values(await fieldErrors(page))).toContain(
        language === "nl"
          ? "De bedragen van de schijven moeten samen het gevraagde bedrag vormen."
          : "The tranches' amounts must add up to the requested amount.",
      );
      await looksRight(page, `initiative-form-${language}`);
      await page.context().close();
    }

    // Act: the member sends a correct project from the form
    const { page: sent, link } = await submit((page) => fillProject(page, ["1200", "1800"]));
    await sent.context().close();
    const id = new URLSearchParams(new URL(link).hash.slice(1)).get("id")!;

    // The status page while the co-applicant has to confirm
    await waitForStatus(link, "confirming-co-applicants");
    await eachLanguage(
      link,
      "initiative-confirming",
      {
        fr: [
          "Confirmation des membres du projet",
          "Chaque membre du projet a reçu un e-mail",
          "M0003",
          "n'a pas encore confirmé",
          "1 200,00 €",
          "À venir",
        ],
        nl: ["heeft nog niet bevestigd", "€ 1.200,00", "Nog niet bereikt"],
        en: ["has not confirmed yet", "€1,200.00", "Not reached yet", "Local loué et outillé"],
      },
      WIDTHS,
    );

    // The confirmation page: the co-applicant is named by the lead, in each language
    const confirmPath = await confirmationLink(sarah.email, id);
    for (const language of ["fr", "nl", "en"] as const) {
      const page = await web.open(confirmPath, 1280, locales[language]);
      await page.waitForSelector("#confirm");
      const text = await textOf(page);
      expect(text).toContain("Camille Dubois");
      expect(text).toContain("Atelier vélo partagé");
      expect(text).toContain(
        { fr: "co-porteur", nl: "medeaanvrager", en: "co-applicant" }[language],
      );
      await looksRight(page, `initiative-confirm-${language}`);
      if (language === "en") {
        await page.click("#confirm");
        await page.waitForSelector("text=you are confirmed in the project");
      }
      await page.context().close();
    }

    // The vote page (the committee decides a project): the project's tables, not generic fields
    await waitForStatus(link, "awaiting-approval");
    const voters = {
      fr: "initiatives.nora@smart.example.org",
      nl: "initiatives.jan@smart.example.org",
      en: "initiatives.ola@smart.example.org",
    };
    for (const language of ["fr", "nl", "en"] as const) {
      const page = await web.open(
        await emailedPath(voters[language], "vote.html", id),
        1280,
        locales[language],
      );
      await page.waitForSelector("#tranches-table");
      const text = await textOf(page);
      expect(await page.locator("#budgetLines-table tbody tr").count()).toBe(3);
      expect(await page.locator("#tranches-table tbody tr").count()).toBe(3);
      expect(await page.locator("#coApplicants-table tbody tr").count()).toBe(1);
      expect(text).toContain("Six mois d'ouverture");
      expect(text).toContain(
        { fr: "1 septembre 2027", nl: "1 september 2027", en: "1 September 2027" }[language],
      );
      expect(text).toContain(
        { fr: "Poste du budget", nl: "Begrotingspost", en: "Budget item" }[language],
      );
      if (language !== "en")
        expect(text).not.toMatch(/\b(budgetLines|tranches\.|milestone|dueDate)\b/);
      await looksRight(page, `initiative-vote-${language}`);
      await page.check("#f-vote");
      await page.click("#cast");
      await page.waitForSelector("#vote-result");
      await page.context().close();
    }

    // The first tranche is paid; the project then waits for the first milestone's report
    await waitForStatus(link, "scheduled");
    await payOut("initiatives");
    await waitForStatus(link, "awaiting-report");
    await eachLanguage(
      link,
      "initiative-awaiting-report",
      {
        fr: ["Payée", "Rapport sur l'étape 2", "Envoyer le rapport", "a confirmé"],
        nl: ["Betaald", "Verslag over mijlpaal 2", "Verslag versturen"],
        en: ["Paid", "Report on milestone 2", "Send the report"],
      },
      WIDTHS,
    );

    // Act: the member sends the report from the status page, first too short, then with a document
    const status = await web.open(pathOf(link), 360);
    await status.waitForSelector("#report-form");
    await status.fill("#f-report", "Fait");
    await status.click("#send-report");
    await status.waitForSelector("#f-report[aria-invalid=true]");
    await status.fill("#f-report", "Le local est loué et les outils sont achetés.");
    await attach(status, "#f-documents", "factures.pdf");
    await status.click("#send-report");
    await status.waitForSelector("text=Votre rapport a été envoyé");
    await waitForStatus(link, "report-checking");
    await status.waitForSelector("#request-status");
    expect(await textOf(status)).toContain("Rapport en vérification");
    await looksRight(status, "initiative-report-sent-fr");
    await status.context().close();

    // The checker's decision page: the report and its document first
    const check = await decisionLink("initiatives.", "approve", link);
    for (const language of ["fr", "nl", "en"] as const) {
      const page = await web.open(pathOf(check), 1280, locales[language]);
      await page.waitForSelector("#report-text");
      expect(await page.textContent("#report-text")).toBe(
        "Le local est loué et les outils sont achetés.",
      );
      expect(await page.textContent("#report-documents")).toContain("factures.pdf");
      expect(await textOf(page)).toContain(
        { fr: "Rapport sur l'étape 2", nl: "Verslag over mijlpaal 2", en: "Report on milestone 2" }[
          language
        ],
      );
      // A tranche is paid as planned: the check offers no amount to change.
      await page.check("#f-decision");
      expect(await page.locator("#f-amountCents").count()).toBe(0);
      await looksRight(page, `initiative-report-check-${language}`);
      await page.context().close();
    }
  }, 300_000);
});

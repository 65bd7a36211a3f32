import { describe, expect, it } from "vitest";
import { axeViolations, type OpenPage, screenshot, type WebStack } from "./browser";
import {
  attach,
  decisionLink,
  eventually,
  fillAidWithoutDocuments,
  fillers,
  fillMember,
  stackForFile,
  statusOf,
  submit,
  waitForStatus,
} from "./drive";

/**
 * The decision page as approvers read it: a typed summary of each type of request, in French,
 * Dutch and English; the conversation with the member; what the decision caused.
 */

let web: WebStack;
stackForFile((started) => {
  web = started;
});

const approverOf: Record<string, string> = {
  "cancelled-contract": "admin.spectacle@smart.example.org",
  "incurred-expenses": "admin.atelier@smart.example.org",
  "emergency-aid": "solidarite.anne@smart.example.org",
  "relaunch-loan": "credit.ines@smart.example.org",
};

/** What each type's summary must show, by language: its own tables and fields. */
const expected: Record<string, Record<"fr" | "nl" | "en", string[]>> = {
  "cancelled-contract": {
    fr: ["Jours de travail", "10 avril 2020", "1 200,50 €", "Théâtre du Parc", "Contrat signé"],
    nl: ["10 april 2020", "€ 1.200,50", "Ondertekend contract"],
    en: ["10 April 2020", "€1,200.50", "Signed contract"],
  },
  "incurred-expenses": {
    fr: ["Pièces détachées", "350,20 €", "ticket.pdf", "Total"],
    nl: ["€ 350,20", "ticket.pdf", "Totaal"],
    en: ["€350.20", "ticket.pdf", "Total"],
  },
  "emergency-aid": {
    fr: ["1 800,00 €", "0,00 €", "Loyer", "2"],
    nl: ["€ 1.800,00", "Huur"],
    en: ["€1,800.00", "Rent"],
  },
  "relaunch-loan": {
    fr: ["Échéancier s'il est versé aujourd'hui", "250,00 €", "Équipement"],
    nl: ["Aflossingsplan bij uitbetaling vandaag", "€ 250,00", "Uitrusting"],
    en: ["Schedule if paid out today", "€250.00", "Equipment"],
  },
};

/** The subject of the approval email `to` received for the request of `link`. */
async function emailSubject(to: string, link: string): Promise<string> {
  const id = new URLSearchParams(new URL(link).hash.slice(1)).get("id") ?? "";
  const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as {
    emails: { destination: { to: string[] }; subject: string }[];
  };
  return (
    store.emails.find((e) => e.destination.to.some((t) => t.includes(to)) && e.subject.includes(id))
      ?.subject ?? ""
  );
}

const pathOf = (link: string, language: string) => {
  const url = new URL(link);
  return `${url.pathname}?lang=${language}${url.hash}`;
};

async function shoot(page: OpenPage, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`);
  }
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

describe("the decision page of each type, in each language", () => {
  for (const type of Object.keys(fillers)) {
    it(`summarises a ${type} as its approver reads it, in fr, nl and en`, async () => {
      // Prepare
      const { link } = await submit(type);
      await waitForStatus(link, "awaiting-approval");
      const approve = await decisionLink(approverOf[type]!, "approve", link);

      for (const language of ["fr", "nl", "en"] as const) {
        // Act
        const page = await web.open(pathOf(approve, language));
        await page.waitForSelector("#decision-form");
        // Intl writes euros with (narrow) no-break spaces: compared as plain spaces.
        const text = ((await page.textContent("#app")) ?? "").replace(/[\u00a0\u202f]/g, " ");
        const overflow = await shoot(page, `decision-${type}-${language}`);
        const violations = await axeViolations(page);
        const amountShown = await page.isVisible("#f-amountCents");
        await page.check("#f-decision-reject");
        const amountWhenRejecting = await page.isVisible("#f-amountCents");

        // Assess
        for (const words of expected[type]![language]) expect(text, language).toContain(words);
        expect(text).not.toMatch(/\{"|\d{4}-\d{2}-\d{2}|Cents\b/);
        expect(overflow).toBe(false);
        expect(violations).toEqual([]);
        expect(amountShown).toBe(true);
        expect(amountWhenRejecting).toBe(false);
        expect(page.problems).toEqual([]);
      }
    });
  }
});

describe("the approver's language from the registers", () => {
  it("emails and opens the decision page in each approver's registered language when the browser speaks none of ours", async () => {
    // Prepare: admin.atelier reads Dutch (activities import), credit.tom English (committee)
    const expenses = await submit(async (page) => {
      await fillers["incurred-expenses"]!(page);
      await page.fill("#f-orderReference", "BO-2020-9");
    });
    const loan = await submit(async (page) => {
      await fillers["relaunch-loan"]!(page);
      await fillMember(page, {
        number: "M0004",
        email: "lea.martin@example.org",
        iban: "FR76 3000 4008 2300 0123 4567 819",
      });
    });
    await waitForStatus(expenses.link, "awaiting-approval");
    await waitForStatus(loan.link, "awaiting-approval");
    const cases = [
      {
        approver: "admin.atelier@smart.example.org",
        link: expenses.link,
        language: "nl",
        subject: "Aanvraag ter goedkeuring",
        title: "Beslissing over een aanvraag",
      },
      {
        approver: "admin.artisanat@smart.example.org",
        link: expenses.link,
        language: "fr",
        subject: "Demande à approuver",
        title: "Décision sur une demande",
      },
      {
        approver: "credit.tom@smart.example.org",
        link: loan.link,
        language: "en",
        subject: "Request to approve",
        title: "Decision on a request",
      },
    ];
    for (const c of cases) {
      // Act
      const decision = await decisionLink(c.approver, "approve", c.link);
      const subject = await emailSubject(c.approver, c.link);
      const url = new URL(decision);
      const page = await web.open(url.pathname + url.hash, 1280, "de-DE");
      await page.waitForSelector("#decision-form");
      // Assess
      expect(subject, c.approver).toContain(c.subject);
      expect(await page.getAttribute("html", "lang"), c.approver).toBe(c.language);
      expect(await page.textContent("h1"), c.approver).toBe(c.title);
    }
  });
});

describe("the conversation and the outcome", () => {
  it("shows the approver the question asked and the member's answer with its document, then what the approval caused", async () => {
    // Prepare: the committee asks, the member answers on the status page
    const { link } = await submit("emergency-aid");
    await waitForStatus(link, "awaiting-approval");
    const ask = await decisionLink("solidarite.anne@smart.example.org", "request-info", link);
    const first = await decisionLink("solidarite.marc@smart.example.org", "approve", link);
    const asking = await web.open(pathOf(ask, "fr"));
    await asking.waitForSelector("#decision-form");
    await asking.fill("#f-comment", "Pouvez-vous joindre votre bail ?");
    await asking.click("#decide");
    await asking.waitForSelector("#decision-result");
    const asked = await asking.textContent("#decision-result");
    await waitForStatus(link, "needs-info");
    const status = await web.open(new URL(link).pathname + new URL(link).hash);
    await status.waitForSelector("#info-form");
    await status.fill("#f-comment", "Voici le bail signé.");
    await attach(status, "#f-documents", "bail-signe.pdf");
    await status.click("#answer");
    await waitForStatus(link, "awaiting-approval");

    // Act: the new decision link, read in Dutch
    const again = await eventually("the new approval email", async () => {
      const newest = await decisionLink("solidarite.marc@smart.example.org", "approve", link);
      return newest === first ? undefined : newest;
    });
    const page = await web.open(pathOf(again, "nl"));
    await page.waitForSelector("#conversation");
    const turns = await page.$$eval("#conversation > li", (els) =>
      els.map((e) => e.textContent ?? ""),
    );
    const links = await page.$$eval("#conversation a", (els) => els.map((e) => e.textContent));
    await shoot(page, "decision-conversation-nl");
    const violations = await axeViolations(page);
    await page.click("#decide");
    await page.waitForSelector("#decision-result");
    const result = await page.textContent("#decision-result");
    const resultViolations = await axeViolations(page);
    await shoot(page, "decision-outcome-nl");

    // Assess
    expect(asked).toContain("Votre question est envoyée au membre");
    expect(turns).toHaveLength(2);
    expect(turns[0]).toContain("Vraag van solidarite.anne@smart.example.org");
    expect(turns[0]).toContain("Pouvez-vous joindre votre bail ?");
    expect(turns[1]).toContain("Antwoord van het lid");
    expect(turns[1]).toContain("Voici le bail signé.");
    expect(links).toEqual(["bail-signe.pdf"]);
    expect(violations).toEqual([]);
    expect(result).toContain("Uw goedkeuring is geregistreerd");
    expect(resultViolations).toEqual([]);
    expect(await statusOf(link)).not.toBe("awaiting-approval");
  });

  it("after a rejection the page says the request is rejected, not that it awaits a decision", async () => {
    // Prepare
    const { link } = await submit(async (page) => {
      await fillAidWithoutDocuments(page);
      await fillMember(page, {
        number: "M0006",
        email: "amelie.lambert@example.org",
        iban: "BE39 7350 1012 0219",
      });
    });
    await waitForStatus(link, "awaiting-approval");
    const reject = await decisionLink("solidarite.marc@smart.example.org", "reject", link);
    const page = await web.open(pathOf(reject, "en"));
    await page.waitForSelector("#decision-form");
    // Act
    await page.fill("#f-comment", "The activity already has an open loan.");
    await page.click("#decide");
    await page.waitForSelector("#decision-result");
    const result = await page.textContent("#decision-result");
    // Assess
    expect(result).toContain("Your rejection is recorded: the request is rejected");
    expect(result).not.toContain("Awaiting a decision");
    await waitForStatus(link, "rejected");
  });
});

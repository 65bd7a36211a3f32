import { describe, expect, it } from "vitest";
import { render, templateNames } from "../../packages/core/src/notifications/templates/index";
import { languages } from "../../packages/core/src/requests/request-types";
import { fixtures, plainText, visible } from "./fixtures";
import { readHtml } from "./read-html";

const footers = {
  fr: "Ce message a été envoyé automatiquement.",
  nl: "Dit bericht werd automatisch verstuurd.",
  en: "This message was sent automatically.",
};

describe.each(templateNames)("the %s email", (name) => {
  it.each(languages)(
    "renders in %s with a subject, a text part and an HTML part in that language",
    (language) => {
      // Prepare
      const params = fixtures(plainText)[name];

      // Act
      const email = render(name, params as never, language);

      // Assess
      const html = readHtml(email.html);
      expect(email.subject.trim()).not.toBe("");
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.text.trim().length).toBeGreaterThan(50);
      expect(html.lang).toBe(language);
      expect(email.html.startsWith("<!DOCTYPE html>")).toBe(true);
      expect(html.elements.filter((e) => e.name === "h1")).toHaveLength(1);
      expect(email.text).toContain(footers[language]);
      expect(html.text).toContain(footers[language]);
    },
  );

  it.each(languages)("shows every param in %s in both parts", (language) => {
    // Prepare
    const params = fixtures(plainText)[name];

    // Act
    const email = render(name, params as never, language);

    // Assess
    const html = readHtml(email.html);
    // A reader sees the subject with either part.
    for (const value of visible(name, language)) {
      expect(`${email.subject}\n${email.text}`, `text part shows ${value}`).toContain(value);
      const inHtml = `${email.subject} ${html.text}`.includes(value) || html.hrefs.includes(value);
      expect(inHtml, `HTML part shows ${value}`).toBe(true);
    }
  });

  it("says different things in French, Dutch and English", () => {
    // Act
    const [fr, nl, en] = languages.map((language) =>
      render(name, fixtures(plainText)[name] as never, language),
    );

    // Assess
    expect(new Set([fr?.subject, nl?.subject, en?.subject]).size).toBe(3);
    expect(new Set([fr?.text, nl?.text, en?.text]).size).toBe(3);
  });

  it.each(languages)("matches its text snapshot in %s", (language) => {
    expect(render(name, fixtures(plainText)[name] as never, language).text).toMatchSnapshot();
  });
});

describe("the approval emails", () => {
  it("carry the decision token only in the URL fragment", () => {
    // Act
    const email = render("approval-request", fixtures(plainText)["approval-request"], "en");

    // Assess
    const decisionLinks = readHtml(email.html).hrefs.filter((href) =>
      href.includes("decision.html"),
    );
    // The three decisions, and the document through the page (which signs it when opened)
    expect(decisionLinks).toHaveLength(4);
    for (const href of decisionLinks) {
      const url = new URL(href);
      expect(url.pathname).toBe("/decision.html");
      expect(url.search).toBe("");
      expect(url.hash).toMatch(
        /^#token=[A-Za-z0-9_-]+&(action=(approve|reject|request-info)|document=doc-d1)$/,
      );
    }
  });

  it("link documents through the decision page, never to a presigned storage URL", () => {
    for (const name of [
      "approval-request",
      "approval-reminder",
      "approval-escalation",
      "second-approval",
    ] as const) {
      // Act
      const email = render(name, fixtures(plainText)[name] as never, "fr");
      // Assess
      expect(email.text).not.toMatch(/X-Amz-|:\d{4,5}\//);
      expect(readHtml(email.html).hrefs).toContain(
        "https://entraide.example.org/decision.html#token=tK3n_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_&document=doc-d1",
      );
    }
  });

  it("list warnings before passed checks", () => {
    // Act
    const { text } = render("approval-request", fixtures(plainText)["approval-request"], "en");

    // Assess
    expect(text.indexOf("Warning —")).toBeGreaterThan(-1);
    expect(text.indexOf("Warning —")).toBeLessThan(text.indexOf("OK —"));
  });
});

describe("the recovery invitation", () => {
  it("gives a Belgian client a structured communication and others an RF reference", () => {
    // Prepare
    const params = fixtures(plainText)["recovery-invitation"];

    // Act
    const belgian = render("recovery-invitation", params, "fr");
    const french = render("recovery-invitation", { ...params, clientCountry: "FR" }, "fr");

    // Assess
    expect(belgian.text).toContain("+++090/9337/55493+++");
    expect(french.text).not.toContain("+++");
    expect(french.text).toMatch(/RF\d{2}909337554/);
  });
});

describe("the payout emails", () => {
  it("show only the last four characters of the IBAN", () => {
    // Act
    const { text, html } = render("payout-paid", fixtures(plainText)["payout-paid"], "nl");

    // Assess
    expect(text).toContain("•••• 7034");
    expect(text).not.toContain("5390");
    expect(html).not.toContain("5390");
  });
});

describe("the approval email's summary of the request", () => {
  const aid = {
    type: "emergency-aid",
    language: "fr",
    memberNumber: "M0001",
    email: "camille@example.org",
    iban: "BE21001234567803",
    category: "rent",
    description: "Plus de revenus depuis l'annulation des concerts.",
    incomeBeforeCents: 210_000,
    incomeAfterCents: 15_050,
    householdSize: 3,
    requestedAmountCents: 80_000,
  } as const;
  const wanted = {
    fr: [
      "Situation : Loyer",
      "Revenus mensuels avant la crise : 2 100,00 €",
      "Personnes dans le ménage : 3",
      "Réponse du membre",
    ],
    nl: ["Situatie: Huur", "€ 2.100,00", "Personen in het gezin: 3", "Antwoord van het lid"],
    en: ["Situation: Rent", "€2,100.00", "3", "The member's answer"],
  };

  it.each(languages)(
    "labels every field of an emergency aid and shows the member's answer, in %s",
    (language) => {
      // Prepare
      const params = {
        ...fixtures(plainText)["approval-request"],
        type: "emergency-aid",
        dates: [],
        request: aid,
        answers: [{ at: "2020-04-02T08:05:00Z", comment: "Voici mon bail." }],
      };
      // Act
      const email = render("approval-request", params as never, language);
      const text = email.text.replace(/[\u00a0\u202f]/g, " ");
      // Assess
      for (const words of wanted[language]) expect(text).toContain(words);
      expect(text).toContain("Voici mon bail.");
      expect(text).not.toMatch(/Dates/);
      expect(email.text).toMatchSnapshot();
    },
  );
});

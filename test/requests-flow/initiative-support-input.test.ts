import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { flowStack } from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

/** A valid project of two members in two tranches (M0001 leads, M0003 joins). */
const valid = () => ({
  type: "initiative-support",
  language: "fr",
  memberNumber: "M0001",
  email: "camille.dubois@example.org",
  iban: "BE21001234567803",
  coApplicants: [{ memberNumber: "M0003", email: "sarah.oconnor@example.org" }],
  title: "Atelier vélo",
  description: "Un atelier de réparation ouvert deux soirs par semaine.",
  beneficiaries: "Les habitants du quartier",
  budgetLines: [{ label: "Outils", amountCents: 500_000 }],
  requestedAmountCents: 500_000,
  durationMonths: 6,
  tranches: [
    { milestone: "Local ouvert", dueDate: "2027-03-31", amountCents: 200_000 },
    { milestone: "Six mois d'ouverture", dueDate: "2027-09-30", amountCents: 300_000 },
  ],
});
type Body = ReturnType<typeof valid>;

/**
 * One mistake per new field, and the words each language must use for it: the field's label
 * (or the rule broken) as a reader of that language sees it.
 */
const mistakes: {
  name: string;
  change: (b: Body) => void;
  path: string;
  code: string;
  words: { fr: string; nl: string; en: string };
}[] = [
  {
    name: "a co-applicant's member number",
    change: (b) => (b.coApplicants[0]!.memberNumber = "M 0003 !"),
    path: "coApplicants.0.memberNumber",
    code: "invalid_member_number",
    words: { fr: "co-porteur", nl: "medeaanvrager", en: "Co-applicant" },
  },
  {
    name: "a co-applicant's email",
    change: (b) => (b.coApplicants[0]!.email = "sarah"),
    path: "coApplicants.0.email",
    code: "invalid_email",
    words: {
      fr: "Adresse e-mail du co-porteur",
      nl: "E-mailadres van de medeaanvrager",
      en: "Co-applicant's email",
    },
  },
  {
    name: "the lead named again as co-applicant",
    change: (b) => (b.coApplicants[0]!.memberNumber = "M0001"),
    path: "coApplicants.0.memberNumber",
    code: "duplicate_applicant",
    words: {
      fr: "figure déjà dans le projet",
      nl: "staat al in het project",
      en: "already in the project",
    },
  },
  {
    name: "the title",
    change: (b) => (b.title = ""),
    path: "title",
    code: "too_short",
    words: { fr: "Titre du projet", nl: "Titel van het project", en: "Project title" },
  },
  {
    name: "the description",
    change: (b) => (b.description = "Court"),
    path: "description",
    code: "too_short",
    words: { fr: "10 caractères", nl: "10 tekens", en: "10 characters" },
  },
  {
    name: "who benefits",
    change: (b) => delete (b as Partial<Body>).beneficiaries,
    path: "beneficiaries",
    code: "required",
    words: { fr: "Qui en bénéficie", nl: "Wie er baat bij heeft", en: "Who benefits" },
  },
  {
    name: "the budget lines",
    change: (b) => (b.budgetLines = []),
    path: "budgetLines",
    code: "too_few",
    words: { fr: "Budget", nl: "Begroting", en: "Budget" },
  },
  {
    name: "a budget line's amount",
    change: (b) => (b.budgetLines[0]!.amountCents = 12.5),
    path: "budgetLines.0.amountCents",
    code: "not_integer",
    words: { fr: "Montant du poste", nl: "Bedrag van de post", en: "Amount of the item" },
  },
  {
    name: "the requested amount below €1,000",
    change: (b) => {
      b.requestedAmountCents = 99_999;
      b.tranches = [{ ...b.tranches[0]!, amountCents: 99_999 }];
    },
    path: "requestedAmountCents",
    code: "too_small",
    words: { fr: "1 000,00 €", nl: "€ 1.000,00", en: "€1,000.00" },
  },
  {
    name: "the requested amount above €50,000",
    change: (b) => {
      b.requestedAmountCents = 5_000_001;
      b.tranches = [{ ...b.tranches[0]!, amountCents: 5_000_001 }];
    },
    path: "requestedAmountCents",
    code: "too_big",
    words: { fr: "50 000,00 €", nl: "€ 50.000,00", en: "€50,000.00" },
  },
  {
    name: "the duration",
    change: (b) => (b.durationMonths = 0),
    path: "durationMonths",
    code: "too_small",
    words: { fr: "Durée du projet", nl: "Duur van het project", en: "Duration of the project" },
  },
  {
    name: "five tranches",
    change: (b) => {
      b.tranches = [1, 2, 3, 4, 5].map((m) => ({
        milestone: `Étape ${m}`,
        dueDate: `2027-0${m}-28`,
        amountCents: 100_000,
      }));
    },
    path: "tranches",
    code: "too_many",
    words: { fr: "Tranches", nl: "Schijven", en: "Tranches" },
  },
  {
    name: "tranches that do not add up",
    change: (b) => (b.tranches[1]!.amountCents = 250_000),
    path: "tranches",
    code: "tranches_sum",
    words: {
      fr: "Les montants des tranches doivent faire ensemble le montant demandé.",
      nl: "De bedragen van de schijven moeten samen het gevraagde bedrag vormen.",
      en: "The tranches' amounts must add up to the requested amount.",
    },
  },
  {
    name: "a milestone",
    change: (b) => (b.tranches[0]!.milestone = "ok"),
    path: "tranches.0.milestone",
    code: "too_short",
    words: { fr: "Étape à atteindre", nl: "Te bereiken mijlpaal", en: "Milestone to reach" },
  },
  {
    name: "a due date",
    change: (b) => (b.tranches[0]!.dueDate = "2027-02-30"),
    path: "tranches.0.dueDate",
    code: "invalid_date",
    words: {
      fr: "Échéance de l'étape",
      nl: "Vervaldatum van de mijlpaal",
      en: "Milestone due date",
    },
  },
  {
    name: "due dates out of order",
    change: (b) => (b.tranches[1]!.dueDate = "2027-01-31"),
    path: "tranches.1.dueDate",
    code: "tranche_dates_order",
    words: {
      fr: "après celle de la tranche précédente",
      nl: "na die van de vorige schijf",
      en: "after the previous tranche's",
    },
  },
  {
    name: "a tranche's amount",
    change: (b) => (b.tranches[0]!.amountCents = -5),
    path: "tranches.0.amountCents",
    code: "too_small",
    words: { fr: "Montant de la tranche", nl: "Bedrag van de schijf", en: "Amount of the tranche" },
  },
];

const cases = mistakes.flatMap((m) =>
  (["fr", "nl", "en"] as const).map((language) => ({ ...m, language, word: m.words[language] })),
);

const count = async () =>
  (
    await f.stack.clients.ddb.send(
      new ScanCommand({ TableName: f.stack.config.table, Select: "COUNT" }),
    )
  ).Count;

describe("initiative-support: bad input", () => {
  it("the valid project is accepted (the mistakes below are the only difference)", async () => {
    // Act
    const answer = await f.api.call("POST", "/api/requests", {
      body: valid(),
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    // Assess
    expect(answer.status).toBe(201);
  });

  it.each(cases)(
    "$name: 400 in $language naming the field, nothing stored",
    async ({ change, language, path, code, word }) => {
      // Prepare
      const body = { ...valid(), language };
      change(body);
      const before = await count();
      // Act
      const answer = await f.api.call("POST", "/api/requests", {
        body,
        headers: { "idempotency-key": crypto.randomUUID() },
      });
      // Assess
      expect(answer.status).toBe(400);
      const error = (answer.body.errors as { path: string; code: string; message: string }[]).find(
        (e) => e.path === path,
      );
      expect(error).toMatchObject({ code });
      // Intl writes amounts with no-break spaces: compared as plain spaces.
      expect(error!.message.replace(/\s/g, " ")).toContain(word);
      expect(await count()).toBe(before);
    },
  );
});

/**
 * The test plan of the committee-vote tests: a third fund and a third approving committee, and
 * the emergency aid (an existing type) paid from that fund and decided by a vote of that
 * committee. Given to the process as `ENTRAIDE_PLAN`, as a deployment would.
 */
export const DAY_SECONDS = 86_400;

export const votePlan = {
  funds: [
    {
      name: "solidarity",
      labels: { fr: "Fonds de solidarité", nl: "Solidariteitsfonds", en: "Solidarity fund" },
    },
    {
      name: "relaunch",
      labels: { fr: "Fonds de relance", nl: "Relancefonds", en: "Relaunch fund" },
    },
    {
      name: "initiatives",
      labels: {
        fr: "Fonds d'appui aux initiatives",
        nl: "Steunfonds voor initiatieven",
        en: "Community initiatives fund",
      },
    },
  ],
  committees: [
    {
      name: "solidarity",
      labels: { fr: "Comité de solidarité", nl: "Solidariteitscomité", en: "Solidarity committee" },
      minMembers: 1,
      role: "approvers",
    },
    {
      name: "credit",
      labels: { fr: "Comité de crédit", nl: "Kredietcomité", en: "Credit committee" },
      minMembers: 2,
      role: "approvers",
    },
    {
      name: "moderators",
      labels: { fr: "Modération", nl: "Moderatie", en: "Moderators" },
      minMembers: 1,
      role: "moderators",
    },
    {
      name: "initiatives",
      labels: {
        fr: "Comité des initiatives",
        nl: "Initiatievencomité",
        en: "Initiatives committee",
      },
      minMembers: 3,
      role: "approvers",
    },
  ],
  types: {
    "emergency-aid": {
      fund: "initiatives",
      approval: {
        kind: "committee-vote",
        committee: "initiatives",
        quorum: 3,
        majority: "simple",
        votingSeconds: 10 * DAY_SECONDS,
        reminderEverySeconds: 3 * DAY_SECONDS,
      },
    },
  },
};

/** The committee: its first member chairs; Pieter (member M0002) sits on it too. */
export const committee = {
  chair: "ini.chair@smart.example.org",
  nl: "ini.nl@smart.example.org",
  en: "ini.en@smart.example.org",
  fr: "ini.fr@smart.example.org",
  pieter: "pieter.janssens@example.org",
};
export const committeeEntries = [
  `${committee.chair}:fr`,
  `${committee.nl}:nl`,
  `${committee.en}:en`,
  `${committee.fr}:fr`,
  `${committee.pieter}:nl`,
];

/** The members who ask, by number: an emergency aid of `amountCents` each. */
export const applicants = {
  M0001: { email: "camille.dubois@example.org", iban: "BE21001234567803" },
  M0002: { email: "pieter.janssens@example.org", iban: "BE35310123456737" },
  M0003: { email: "sarah.oconnor@example.org", iban: "BE74063445566707" },
  M0005: { email: "hugo.bernard@example.org", iban: "FR7620041010050500001302147" },
  M0006: { email: "amelie.lambert@example.org", iban: "BE39735010120219" },
} as const;

export function aidBody(memberNumber: keyof typeof applicants, amountCents = 60_000) {
  return {
    type: "emergency-aid",
    language: "fr",
    memberNumber,
    ...applicants[memberNumber],
    category: "rent",
    description: "Le projet de quartier a perdu sa salle.",
    incomeBeforeCents: 180_000,
    incomeAfterCents: 0,
    householdSize: 2,
    requestedAmountCents: amountCents,
  };
}

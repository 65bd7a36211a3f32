/**
 * The test plan of the committee-vote tests: the emergency aid (an existing type) paid from the
 * default plan's initiatives fund and decided by a vote of its initiatives committee. Given to
 * the process as `ENTRAIDE_PLAN`, as a deployment would; the funds and committees are the
 * defaults'.
 */
export const DAY_SECONDS = 86_400;

export const votePlan = {
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

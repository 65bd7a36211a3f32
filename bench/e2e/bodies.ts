import type { BenchMember } from "./registers";

export const REQUEST_TYPES = [
  "cancelled-contract",
  "incurred-expenses",
  "emergency-aid",
  "relaunch-loan",
  "initiative-support",
] as const;
export type BenchType = (typeof REQUEST_TYPES)[number];

/** Demo members of activity ACT-001 (approved by its two administrators). */
const ACT_001 = [
  { memberNumber: "M0001", email: "camille.dubois@example.org", iban: "BE21001234567803" },
  { memberNumber: "M0003", email: "sarah.oconnor@example.org", iban: "BE74063445566707" },
  { memberNumber: "M0004", email: "lea.martin@example.org", iban: "FR7630004008230001234567819" },
];

/** How many documents a request of the type carries (uploaded before it is submitted). */
export const DOCUMENTS: Record<BenchType, number> = {
  "cancelled-contract": 1,
  "incurred-expenses": 2,
  "emergency-aid": 0,
  "relaunch-loan": 1,
  "initiative-support": 0,
};

/** A milestone `months` ahead of now, as a due date. */
const monthsAhead = (months: number) =>
  new Date(Date.now() + months * 30 * 86_400_000).toISOString().slice(0, 10);

const unique = () => crypto.randomUUID().slice(0, 8);

/**
 * A valid body of the type, as the form sends it (the shapes of test/requests-flow): the
 * clients, references and order numbers are unique so the duplicate checks pass; aid and
 * loans go to a bench member of their own (see loadBenchRegisters).
 */
export function bodyOf(
  type: BenchType,
  i: number,
  own: BenchMember,
  documents: string[],
): Record<string, unknown> {
  const demo = ACT_001[i % ACT_001.length]!;
  switch (type) {
    case "cancelled-contract":
      return {
        type,
        language: "fr",
        ...demo,
        activityId: "ACT-001",
        client: { name: `Théâtre ${unique()}`, email: "prod@theatre.example" },
        basis: "signed-contract",
        reference: `CDD-${unique()}`,
        workDays: [{ date: "2020-03-20" }, { date: "2020-03-21", hours: 4 }],
        grossAmountCents: 90_000,
        cancellationDate: "2020-03-13",
        cancellationReason: "Confinement : représentations annulées",
        documents,
        clientConsent: true,
      };
    case "incurred-expenses":
      return {
        type,
        language: "en",
        ...demo,
        activityId: "ACT-001",
        client: { name: `Festival ${unique()}` },
        orderReference: `PO-${unique()}`,
        cancellationDate: "2020-03-20",
        lines: [
          {
            date: "2020-03-02",
            description: "Fabric for costumes",
            amountCents: 45_000,
            documentId: documents[0],
          },
          {
            date: "2020-03-10",
            description: "Van rental deposit",
            amountCents: 20_000,
            documentId: documents[1],
          },
        ],
      };
    case "emergency-aid":
      return {
        type,
        language: "nl",
        memberNumber: own.memberNumber,
        email: own.email,
        iban: own.iban,
        category: "rent",
        description: "Geen inkomen sinds maart, de huur van april is verschuldigd.",
        incomeBeforeCents: 180_000,
        incomeAfterCents: 0,
        householdSize: 2,
        requestedAmountCents: 70_000,
      };
    case "relaunch-loan":
      return {
        type,
        language: "fr",
        memberNumber: own.memberNumber,
        email: own.email,
        iban: own.iban,
        activityId: own.activityId,
        purpose: "equipment",
        description: "Caméra et micros pour diffuser les spectacles",
        amountCents: 400_000,
        termMonths: 24,
        graceMonths: 3,
        documents,
      };
    // A project of one member (no co-applicant to wait for): the committee approves, the first tranche is reserved.
    case "initiative-support":
      return {
        type,
        language: "en",
        memberNumber: own.memberNumber,
        email: own.email,
        iban: own.iban,
        title: `Repair café ${unique()}`,
        description: "A repair café open two evenings a week for the neighbourhood.",
        beneficiaries: "The neighbourhood and the bicycle couriers",
        budgetLines: [{ label: "Tools", amountCents: 300_000 }],
        requestedAmountCents: 300_000,
        durationMonths: 6,
        tranches: [
          { milestone: "Workshop open", dueDate: monthsAhead(2), amountCents: 100_000 },
          { milestone: "Six months open", dueDate: monthsAhead(6), amountCents: 200_000 },
        ],
      };
  }
}

import { planConfig } from "../../packages/core/src/plan/config";
import type { RequestBody, RequestOf } from "../../packages/core/src/request-view/schemas";
import type { CheckContext, DocumentMeta } from "../../packages/core/src/requests/checks/context";

/** Fixed ids so failures are readable. */
export const docA = "3f2b8c1e-6d4a-4b7e-9c1f-0a1b2c3d4e5f";
export const docB = "7a9e2d4c-1b3f-4e6a-8d2c-5f6e7a8b9c0d";
export const docC = "c0ffee00-1234-4abc-8def-0123456789ab";

const common = {
  language: "fr",
  memberNumber: "M-001234",
  email: "ada@example.be",
  iban: "BE68539007547034",
} as const;

/** Valid bodies as the form sends them, one per type. */
export const validBodies = {
  "cancelled-contract": {
    type: "cancelled-contract",
    ...common,
    activityId: "act-theatre",
    client: { name: "Théâtre de la Ville", email: "prod@theatre.example" },
    basis: "signed-contract",
    reference: "CDD-2020-17",
    workDays: [
      { date: "2020-03-20" },
      { date: "2020-03-21", hours: 4 },
      { date: "2020-03-22", cachets: 2 },
    ],
    grossAmountCents: 90_000,
    cancellationDate: "2020-03-13",
    cancellationReason: "Confinement: all performances cancelled",
    documents: [docA],
    clientConsent: true,
  },
  "incurred-expenses": {
    type: "incurred-expenses",
    ...common,
    activityId: "act-theatre",
    client: { name: "Festival d'été" },
    orderReference: "PO-5521",
    cancellationDate: "2020-03-20",
    lines: [
      {
        date: "2020-03-02",
        description: "Fabric for costumes",
        amountCents: 45_000,
        documentId: docA,
      },
      {
        date: "2020-03-19",
        description: "Van rental deposit",
        amountCents: 20_000,
        documentId: docB,
      },
    ],
  },
  "emergency-aid": {
    type: "emergency-aid",
    ...common,
    category: "rent",
    description: "No income since March, the rent of April is due.",
    incomeBeforeCents: 180_000,
    incomeAfterCents: 0,
    householdSize: 2,
    requestedAmountCents: 70_000,
  },
  "relaunch-loan": {
    type: "relaunch-loan",
    ...common,
    activityId: "act-theatre",
    purpose: "equipment",
    description: "Streaming camera and microphones",
    amountCents: 400_000,
    termMonths: 24,
    graceMonths: 3,
    documents: [docC],
  },
  "initiative-support": {
    type: "initiative-support",
    ...common,
    coApplicants: [{ memberNumber: "M-004321", email: "bert@example.be" }],
    title: "Atelier de réparation de vélos",
    description: "Un atelier ouvert deux soirs par semaine dans le quartier.",
    beneficiaries: "Les habitants du quartier et les coursiers à vélo",
    budgetLines: [
      { label: "Outils", amountCents: 300_000 },
      { label: "Loyer du local", amountCents: 450_000 },
    ],
    requestedAmountCents: 750_000,
    durationMonths: 12,
    tranches: [
      { milestone: "Local loué et outillé", dueDate: "2020-06-30", amountCents: 300_000 },
      { milestone: "Six mois d'ouverture", dueDate: "2020-12-31", amountCents: 450_000 },
    ],
  },
} satisfies Record<RequestBody["type"], Record<string, unknown>>;

/** A parsed request of `type`, with fields replaced. */
export function requestOf<T extends RequestBody["type"]>(
  type: T,
  changes: Partial<RequestOf<T>> = {},
): RequestOf<T> {
  return { ...structuredClone(validBodies[type]), ...changes } as unknown as RequestOf<T>;
}

export const pdfBytes = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj");
export const pngBytes = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13,
]);
export const jpegBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

export function documentMeta(
  documentId: string,
  changes: Partial<DocumentMeta> = {},
): DocumentMeta {
  return {
    documentId,
    fileName: `${documentId.slice(0, 4)}.pdf`,
    contentType: "application/pdf",
    size: 120_000,
    sniffedType: "pdf",
    sha256: documentId.replace(/-/g, "").padEnd(64, "0"),
    ...changes,
  };
}

/** A context in which every check of every valid body passes. */
export function context(changes: Partial<CheckContext> = {}): CheckContext {
  const ids = [docA, docB, docC];
  return {
    requestId: "req-this",
    member: { memberNumber: "M-001234", email: "ada@example.be", iban: "BE68 5390 0754 7034" },
    activity: {
      activityId: "act-theatre",
      memberNumbers: ["M-001234", "M-000777"],
      administrators: ["admin@theatre.example"],
      backupAdministrators: ["backup@theatre.example"],
    },
    documents: ids.map((id) => documentMeta(id)),
    otherRequests: [],
    ibanSharedWith: [],
    documentReuse: [],
    plan: planConfig,
    today: "2020-04-15",
    ...changes,
  };
}

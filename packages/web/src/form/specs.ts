import type { RequestType } from "@entraide/core/requests/request-types";

/** How the form shows and checks one field; the API's zod schema remains the authority. */
export type Spec =
  | { path: string; kind: "text" | "textarea"; required: boolean; min?: number; max: number }
  | { path: string; kind: "email"; required: boolean }
  | { path: string; kind: "date" }
  | { path: string; kind: "euros"; zeroOk?: boolean; range?: { min: number; max: number } }
  | { path: string; kind: "int"; range: { min: number; max: number } }
  | { path: string; kind: "choice"; options: readonly string[] }
  | { path: "clientConsent"; kind: "consent" }
  | { path: "withoutActivity"; kind: "flag" }
  | { path: "correspondenceDocuments"; kind: "correspondence" }
  | { path: "workDays"; kind: "workDays" }
  | { path: "lines"; kind: "lines" }
  | { path: RowsPath; kind: "rows"; min: number; max: number; columns: readonly Column[] }
  | { path: "documents"; kind: "documents"; min: number };

/** The lists of an initiative project, each row a few plain fields. */
export type RowsPath = "coApplicants" | "budgetLines" | "tranches";
/** One field of a row, checked like the scalar field of the same kind. */
export type Column =
  | { key: string; kind: "text"; min?: number; max: number }
  | { key: string; kind: "email" | "euros" | "date" };

const { loan, initiative, options } = __PLAN_LIMITS__;

const activity: Spec = { path: "activityId", kind: "text", required: true, max: 64 };
const clientName: Spec = { path: "client.name", kind: "text", required: true, max: 200 };
const clientEmail: Spec = { path: "client.email", kind: "email", required: false };
const consent: Spec = { path: "clientConsent", kind: "consent" };
const description: Spec = {
  path: "description",
  kind: "textarea",
  required: true,
  min: 10,
  max: 2000,
};

/** The fields of every request (§8). */
export const commonSpecs: Spec[] = [
  { path: "memberNumber", kind: "text", required: true, max: 40 },
  { path: "email", kind: "email", required: true },
  { path: "iban", kind: "text", required: true, max: 50 },
];

/** The fields of each type, in the order the form shows them. */
export const typeSpecs: Record<RequestType, Spec[]> = {
  "cancelled-contract": [
    { path: "withoutActivity", kind: "flag" },
    activity,
    clientName,
    clientEmail,
    { path: "basis", kind: "choice", options: options.basis },
    { path: "reference", kind: "text", required: true, max: 100 },
    { path: "workDays", kind: "workDays" },
    { path: "grossAmountCents", kind: "euros" },
    { path: "cancellationDate", kind: "date" },
    { path: "cancellationReason", kind: "textarea", required: true, max: 2000 },
    { path: "documents", kind: "documents", min: 1 },
    { path: "correspondenceDocuments", kind: "correspondence" },
    consent,
  ],
  "incurred-expenses": [
    { path: "withoutActivity", kind: "flag" },
    activity,
    clientName,
    clientEmail,
    { path: "orderReference", kind: "text", required: true, max: 100 },
    { path: "cancellationDate", kind: "date" },
    { path: "lines", kind: "lines" },
    { path: "documents", kind: "documents", min: 0 },
    consent,
  ],
  "emergency-aid": [
    { path: "category", kind: "choice", options: options.category },
    description,
    { path: "incomeBeforeCents", kind: "euros", zeroOk: true },
    { path: "incomeAfterCents", kind: "euros", zeroOk: true },
    { path: "householdSize", kind: "int", range: { min: 1, max: 20 } },
    { path: "requestedAmountCents", kind: "euros" },
    { path: "documents", kind: "documents", min: 0 },
  ],
  "relaunch-loan": [
    activity,
    { path: "purpose", kind: "choice", options: options.purpose },
    description,
    { path: "amountCents", kind: "euros", range: loan.amountCents },
    { path: "termMonths", kind: "int", range: loan.termMonths },
    { path: "graceMonths", kind: "int", range: loan.graceMonths },
    { path: "documents", kind: "documents", min: 1 },
  ],
  "initiative-support": [
    { path: "title", kind: "text", required: true, min: 3, max: 120 },
    { ...description, max: 4000 },
    { path: "beneficiaries", kind: "textarea", required: true, min: 3, max: 1000 },
    {
      path: "coApplicants",
      kind: "rows",
      min: 0,
      max: initiative.maxCoApplicants,
      columns: [
        { key: "memberNumber", kind: "text", max: 40 },
        { key: "email", kind: "email" },
      ],
    },
    {
      path: "budgetLines",
      kind: "rows",
      min: 1,
      max: 30,
      columns: [
        { key: "label", kind: "text", max: 200 },
        { key: "amountCents", kind: "euros" },
      ],
    },
    { path: "requestedAmountCents", kind: "euros", range: initiative.amountCents },
    { path: "durationMonths", kind: "int", range: initiative.durationMonths },
    {
      path: "tranches",
      kind: "rows",
      min: initiative.tranches.min,
      max: initiative.tranches.max,
      columns: [
        { key: "amountCents", kind: "euros" },
        { key: "milestone", kind: "text", min: 3, max: 500 },
        { key: "dueDate", kind: "date" },
      ],
    },
    { path: "documents", kind: "documents", min: 0 },
  ],
};

/** The draft's value of the "without an Activity" choice: the activity is then neither shown nor sent. */
export const WITHOUT_ACTIVITY = "true";

/**
 * The specs of `type`'s fields, or of those whose top-level key is in `keys` only; without the
 * activity when the member chose to invoice through the cooperative without one.
 */
export function specsOf(
  type: RequestType,
  keys?: readonly string[],
  values: Record<string, string> = {},
): Spec[] {
  const specs = [...commonSpecs, ...typeSpecs[type]];
  // Only the types that offer the choice drop the activity for it.
  const noActivity =
    values.withoutActivity === WITHOUT_ACTIVITY && specs.some((s) => s.kind === "flag");
  const all = specs.filter((s) => !(noActivity && s.path === "activityId"));
  return keys ? all.filter((s) => keys.includes(s.path.split(".")[0] as string)) : all;
}

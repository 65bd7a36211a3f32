/** The four kinds of request of PRODUCT.md §2; the discriminator of every request body. */
export const requestTypes = [
  "cancelled-contract",
  "incurred-expenses",
  "emergency-aid",
  "relaunch-loan",
] as const;
export type RequestType = (typeof requestTypes)[number];

export { defaultLanguage, isLanguage, type Language, languages } from "../i18n/language";

/** Who decides a request of a given type (§2): `activity-administrators` or `<committee>-committee` of the plan. */
export type ApproverGroup = string;

/** Content types a document may have (§2: PDF, JPEG, PNG by their magic bytes). */
export const documentContentTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
export type DocumentContentType = (typeof documentContentTypes)[number];

/** The lifecycle of §3 (loans go on to `repaying` and `repaid`). */
export const requestStatuses = [
  "received",
  "checking",
  "needs-info",
  "awaiting-approval",
  "approved",
  "awaiting-funds",
  "scheduled",
  "exported",
  "paid",
  "payout-failed",
  // A new IBAN was given: it waits for the registered address (and maybe an approver) to confirm it.
  "confirming-iban",
  // Returned and not corrected in time: the reservation went back to the fund.
  "payout-abandoned",
  // The registered member said "this is not me": frozen until operations look at it.
  "disputed",
  "repaying",
  "repaid",
  "rejected",
  "withdrawn",
  "expired",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Ends where nothing was granted: such a request claims nothing any more. */
export const endedWithoutGrant: readonly RequestStatus[] = ["rejected", "withdrawn", "expired"];

/** Statuses reached only through a final approval. */
export const grantedStatuses: readonly RequestStatus[] = [
  "approved",
  "awaiting-funds",
  "scheduled",
  "exported",
  "paid",
  "payout-failed",
  "repaying",
  "repaid",
];

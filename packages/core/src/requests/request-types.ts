export { defaultLanguage, isLanguage, type Language, languages } from "../i18n/language";
export {
  type DocumentContentType,
  documentContentTypes,
  type RequestType,
  requestTypes,
} from "../plan/vocabulary";

/** Who decides a request of a given type (§2): `activity-administrators` or `<committee>-committee` of the plan. */
export type ApproverGroup = string;

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
  // Closed by operations after the dispute: nothing paid, any reservation back to the fund.
  "dispute-closed",
  "repaying",
  "repaid",
  // initiative-support: the co-applicants confirm from their own addresses before the approval.
  "confirming-co-applicants",
  // A co-applicant said no, or did not answer by the deadline: the request stops there.
  "co-applicant-declined",
  "co-applicant-unconfirmed",
  // Between tranches: the applicants report on the milestone, a committee member checks it.
  "awaiting-report",
  "report-checking",
  "report-needs-info",
  // The project ended: what was not paid went back to the fund.
  "closed",
  "rejected",
  "withdrawn",
  "expired",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Ends where nothing was granted: such a request claims nothing any more. */
export const endedWithoutGrant: readonly RequestStatus[] = [
  "rejected",
  "withdrawn",
  "expired",
  "co-applicant-declined",
  "co-applicant-unconfirmed",
  "dispute-closed",
];

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
  "awaiting-report",
  "report-checking",
  "report-needs-info",
  "closed",
];

import type { DocumentMeta } from "../../documents/meta";
import type { PlanConfig } from "../../plan/config";
import type { CheckOutcome, CheckResult, ReasonCode } from "../../request-view/reasons";
import type { RequestBody } from "../../request-view/schemas";
import type { Language, RequestStatus, RequestType } from "../request-types";

export type { DocumentMeta };

/** A member of the register (§9 members import), as far as the checks need it. */
export interface MemberRecord {
  memberNumber: string;
  email: string;
  iban?: string;
  /** The country the register gives the member (a country of the plan). */
  country?: string;
  language?: Language;
}

/** An activity of the register (§9 activities import). */
export interface ActivityRecord {
  activityId: string;
  name?: string;
  memberNumbers: string[];
  administrators: string[];
  backupAdministrators: string[];
}

/** Another request, reduced to what the duplicate and risk checks compare. */
export interface RequestSummary {
  id: string;
  type: RequestType;
  status: RequestStatus;
  memberNumber: string;
  activityId?: string;
  clientName?: string;
  orderReference?: string;
  /** Work dates (`YYYY-MM-DD`) of a cancelled-contract. */
  workDays?: string[];
  /** When it was approved or rejected (ISO date or timestamp). */
  decidedAt?: string;
  /** When its amount was granted (final approval; ISO date or timestamp). */
  grantedAt?: string;
}

/** A document of this request whose bytes (same SHA-256) also appear in another request. */
export interface DocumentReuse {
  sha256: string;
  /** This request's document. */
  documentId: string;
  /** The other request using the same bytes. */
  requestId: string;
  memberNumber?: string;
}

/**
 * Everything the checks need besides the request, loaded by the workflow step from DynamoDB
 * (and S3 metadata) before calling {@link runChecks}; the checks themselves do no I/O.
 */
export interface CheckContext {
  /** This request's id, so that summaries and reuse lists may include it harmlessly. */
  requestId?: string;
  /** The register's entry for `request.memberNumber`, or undefined when there is none. */
  member: MemberRecord | undefined;
  /** The register's entry for `request.activityId` (types that have one), or undefined. */
  activity: ActivityRecord | undefined;
  /** Metadata of each document the request refers to that was uploaded (missing = not uploaded). */
  documents: DocumentMeta[];
  /**
   * The member's other requests, and for a relaunch-loan also the other loans of the same
   * activity whoever asked for them.
   */
  otherRequests: RequestSummary[];
  /** Member numbers of OTHER members whose requests or register entry use the same IBAN. */
  ibanSharedWith: string[];
  /** Other requests holding a document with the same SHA-256 as one of this request's. */
  documentReuse: DocumentReuse[];
  plan: PlanConfig;
  /** Today in Europe/Brussels, `YYYY-MM-DD`, from the injected Clock: see {@link isoDay}. */
  today: string;
}

/** One justification check: pure, and run only for the request types it applies to. */
export interface Check {
  name: string;
  appliesTo: readonly RequestType[];
  run(request: RequestBody, ctx: CheckContext): CheckResult;
}

export const allTypes: readonly RequestType[] = [
  "cancelled-contract",
  "incurred-expenses",
  "emergency-aid",
  "relaunch-loan",
];

/** Builds the results of one check without repeating its name. */
export function resultsOf(check: string) {
  const make =
    (outcome: CheckOutcome) =>
    (code: ReasonCode, params: Record<string, string | number> = {}): CheckResult => ({
      check,
      outcome,
      reason: { code, params },
    });
  return { pass: make("pass"), warn: make("warn"), fail: make("fail") };
}

/** The calendar day of `instant` in `timeZone` (Brussels by default), `YYYY-MM-DD`. */
export function isoDay(instant: Date, timeZone = "Europe/Brussels"): string {
  // The Swedish locale writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short" }).format(instant);
}

/** `YYYY-MM-DD` plus `days` (negative to go back). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

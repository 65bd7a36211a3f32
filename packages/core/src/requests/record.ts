import type { Data } from "../engine/definition";
import type { LoanRecord } from "../loans/notices";
import type { CheckReason, CheckResult } from "../request-view/reasons";
import type { RequestBody } from "../request-view/schemas";
import type { Language, RequestStatus } from "./request-types";
import type { Routing } from "./routing";
import type { CommitteeVote } from "./votes";

export interface Decision {
  approver: string;
  decision: "approve" | "reject" | "request-info";
  amountCents?: number;
  comment?: string;
  via: "page" | "email";
  at: string;
  round?: number;
}

export interface InfoQuestion {
  at: string;
  /** The approver who asked; absent when the checks asked. */
  by?: string;
  message?: string;
  reasons?: CheckReason[];
}

export interface InfoAnswerRecord {
  comment?: string;
  documents?: string[];
  corrected?: string[];
  question?: InfoQuestion;
  at: string;
}

/**
 * A request is the data of its workflow execution: one item holds both, so every change of
 * status is the same conditional write as the transition that causes it.
 */
export interface RequestData extends Data {
  request: RequestBody;
  language: Language;
  statusTokenHash: string;
  status: RequestStatus;
  amountCents: number;
  checks?: { outcome: "pass" | "warn" | "fail"; results: CheckResult[] };
  infoRequest?: { message: string; requestedAt: string; by?: string };
  /**
   * The member's answers, in order, each with the question it answers (an approver's, or the
   * failed checks' reasons); `corrected` names the fields the answer changed.
   */
  infoAnswers?: InfoAnswerRecord[];
  routing?: Routing;
  decisions?: Decision[];
  /** The committee's vote, under a `committee-vote` approval policy (its latest round). */
  vote?: CommitteeVote;
  remindersSent?: number;
  /** When this round's approvers were asked: the reminders are numbered from it. */
  approvalAskedAt?: string;
  /** When this round went to the backups: no reminder follows an escalation. */
  escalatedAt?: string;
  /** Which approval round this is: a request back from needs-info is decided afresh. */
  round?: number;
  approvedAmountCents?: number;
  approvedAt?: string;
  approvedBy?: string[];
  rejection?: { reason: string; by: string; at: string };
  payout?: {
    payoutId: string;
    reference: string;
    status: string;
    batchId?: string;
    paidAt?: string;
    failure?: string;
    /** The payout's approval time: part of its index keys. */
    approvedAt?: string;
  };
  /** When the current run of returned transfer began: the reservation is released after the plan's delay. */
  payoutFailedAt?: string;
  /** A new IBAN the member gave after a returned transfer: a claim until confirmed. */
  ibanClaim?: { iban: string; claimedAt: string; confirmedAt?: string };
  ibanCheck?: { needsApproval: boolean; warnings: CheckResult[] };
  /** The registered address was told of a request whose email or IBAN is not the register's. */
  ownerNotice?: { sentAt: string; to: string; confirmedAt?: string };
  /** The registered member said the request (or a change of its account) is not theirs. */
  /** The registered member said "this is not me"; operations may close it later, with why. */
  dispute?: { at: string; by: string; during: string; closedAt?: string; closeReason?: string };
  loan?: LoanRecord;
  recovery?: {
    reference: string;
    invitedAt: string;
    recoveredCents?: number;
    /** Bank references of the client payments the follow-up was told about. */
    payments?: string[];
  };
}

export const asRequest = (data: Data) => data as RequestData;

/**
 * Written once (or seldom) and large: kept out of the execution item every transition rewrites,
 * so that it stays under 1 KB (one unit). `status`, `approvedAt` and `rejection` stay inline:
 * the checks of a member's next request read them by projection (checks/gather.ts).
 */
export const DETACHED_REQUEST_FIELDS = [
  "request",
  "checks",
  "routing",
  "ibanCheck",
  "loan",
  "statusTokenHash",
  "decisions",
  "payout",
  "infoRequest",
  "infoAnswers",
] satisfies (keyof RequestData)[];

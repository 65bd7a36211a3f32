import { day, euros, moment } from "../../packages/core/src/notifications/format";
import type { RequestSummary } from "../../packages/core/src/notifications/templates/common";
import type {
  TemplateName,
  TemplateParams,
} from "../../packages/core/src/notifications/templates/index";
import type { Language } from "../../packages/core/src/requests/request-types";

export const publicUrl = "https://entraide.example.org";
export const token = "tK3n_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_";
export const statusToken = "sT4t_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_";

/** Every free-text value a person typed, so the escaping test can poison them all at once. */
export interface FreeText {
  memberName: string;
  description: string;
  reason: string;
  comment: string;
  clientName: string;
  reply: string;
}

export const plainText: FreeText = {
  memberName: "Anna Peeters",
  description: "Le festival de Dour a annulé la tournée.",
  reason: "Le devis n'est pas signé par le client.",
  comment: "Vu avec l'activité, montant vérifié.",
  clientName: "Festival Asbl",
  reply: "Peut-être oui ?",
};

const summary = (t: FreeText): RequestSummary => ({
  requestId: "req-7f3a",
  type: "cancelled-contract",
  memberNumber: "M-001234",
  memberName: t.memberName,
  amountCents: 123_456,
  dates: ["2020-03-16", "2020-03-17"],
  description: t.description,
  checks: [
    { check: "iban", outcome: "warn", reason: { code: "iban_differs_from_register", params: {} } },
    {
      check: "membership",
      outcome: "pass",
      reason: { code: "member_known", params: { memberNumber: "M-001234" } },
    },
  ],
  documents: [{ documentId: "doc-d1", name: "devis-dour.pdf" }],
});

const approval = (t: FreeText) => ({
  ...summary(t),
  publicUrl,
  token,
  expiresAt: "2020-03-30T09:00:00Z",
  requiredApprovals: 2 as const,
});
const status = { publicUrl, requestId: "req-7f3a", statusToken };
const installment = { number: 3, dueDate: "2021-06-30", amountCents: 16_666 };
const recovery = (t: FreeText) => ({
  clientName: t.clientName,
  memberName: t.memberName,
  workReference: "DEVIS-2020-042",
  cancellationDate: "2020-03-13",
  amountCents: 98_000,
  iban: "BE68539007547034",
  clientCountry: "BE",
  referenceNumber: 909_337_554,
});

export type Fixtures = { [N in TemplateName]: TemplateParams<N> };

/** Params of every template, with the free texts given. */
export function fixtures(t: FreeText): Fixtures {
  return {
    "approval-request": approval(t),
    "approval-reminder": { ...approval(t), reminder: 2, of: 3 },
    "approval-escalation": {
      ...approval(t),
      approvers: ["admin@activity.example.org"],
      waitingDays: 7,
    },
    "second-approval": {
      ...approval(t),
      firstDecision: {
        approver: "first@committee.example.org",
        at: "2020-03-20T14:05:00Z",
        amountCents: 100_000,
        comment: t.comment,
      },
    },
    "vote-request": {
      ...summary(t),
      publicUrl,
      token,
      committee: "Comité des initiatives",
      quorum: 3,
      deadline: "2020-03-30T09:00:00Z",
      reminder: 2,
    },
    "vote-chair": {
      ...approval(t),
      committee: "Comité des initiatives",
      tally: { approve: 1, reject: 1, abstain: 0, cast: 2, quorum: 3, eligible: 4 },
    },
    "vote-outcome": {
      requestId: "req-7f3a",
      committee: "Comité des initiatives",
      outcome: "rejected",
      byChair: false,
      tally: { approve: 1, reject: 2, abstain: 1, cast: 4, quorum: 3, eligible: 5 },
      votes: [{ member: "first@committee.example.org", vote: "reject", comment: t.comment }],
    },
    "reply-answered": { requestId: "req-7f3a", outcome: "decided", decision: "approve" },
    "reply-not-understood": {
      requestId: "req-7f3a",
      ambiguity: { code: "contradictory", found: ["approve", "reject"] },
      replyText: t.reply,
    },
    "request-received": { ...status, type: "cancelled-contract", amountCents: 123_456 },
    "info-needed": {
      ...status,
      message: t.comment,
      checks: [{ check: "iban", outcome: "fail", reason: { code: "iban_invalid", params: {} } }],
      answerBy: "2020-04-15",
    },
    "info-reminder": { ...status, message: t.comment, answerBy: "2020-04-15" },
    "request-approved": {
      ...status,
      type: "emergency-aid",
      amountCents: 50_000,
      requestedCents: 80_000,
    },
    "request-rejected": { ...status, type: "incurred-expenses", reason: t.reason },
    "request-expired": { ...status, type: "emergency-aid", cause: "no-answer" },
    "payout-paid": {
      ...status,
      amountCents: 50_000,
      iban: "BE68 5390 0754 7034",
      paidOn: "2020-04-02",
      reference: "ENTRAIDE req-7f3a",
    },
    "payout-failed": { ...status, amountCents: 50_000, iban: "BE68539007547034", reason: t.reason },
    "payout-failed-reminder": { ...status, amountCents: 50_000, abandonOn: "2020-05-02" },
    "payout-abandoned": { ...status, amountCents: 50_000 },
    "request-disputed": { requestId: "req-7f3a", memberNumber: "M0001", during: "confirming-iban" },
    "dispute-closed": { ...status, reason: t.reason },
    "dispute-closed-approver": {
      requestId: "req-7f3a",
      memberNumber: "M0001",
      reason: t.reason,
      releasedCents: 50_000,
    },
    "iban-changed": {
      ...status,
      amountCents: 50_000,
      iban: "BE68539007547034",
      previousIban: "BE21001234567803",
    },
    "co-applicant-confirmation": {
      publicUrl,
      requestId: "req-7f3a",
      token,
      title: t.clientName,
      leadName: t.memberName,
      amountCents: 500_000,
      confirmBy: "2020-05-08T10:00:00Z",
    },
    "project-stopped": { ...status, memberNumber: "M-004321", cause: "declined" },
    "tranche-check": {
      publicUrl,
      token,
      expiresAt: "2020-03-30T09:00:00Z",
      requestId: "req-7f3a",
      title: t.clientName,
      tranche: 2,
      of: 3,
      milestone: t.reason,
      amountCents: 150_000,
      report: t.description,
    },
    "owner-notice": {
      publicUrl,
      requestId: "req-7f3a",
      token,
      amountCents: 50_000,
      email: "someone@else.example",
      ibanEnd: "7034",
      holdUntil: "2020-05-02T10:00:00Z",
    },
    "iban-confirmation": {
      publicUrl,
      requestId: "req-7f3a",
      token,
      amountCents: 50_000,
      iban: "BE68539007547034",
      confirmBy: "2020-05-02T10:00:00Z",
    },
    "loan-schedule": {
      ...status,
      principalCents: 100_000,
      installments: [
        { number: 1, dueDate: "2021-04-30", amountCents: 50_000 },
        { number: 2, dueDate: "2021-05-31", amountCents: 50_000 },
      ],
      iban: "BE68539007547034",
      paymentReference: "+++090/9337/55493+++",
    },
    "installment-reminder": {
      ...status,
      installment,
      of: 6,
      iban: "BE68539007547034",
      paymentReference: "+++090/9337/55493+++",
    },
    "installment-overdue": {
      ...status,
      installment,
      of: 6,
      outstandingCents: 33_332,
      iban: "BE68539007547034",
      paymentReference: "+++090/9337/55493+++",
    },
    "loan-repaid": { ...status, principalCents: 100_000, repaidOn: "2021-11-30" },
    "recovery-invitation": recovery(t),
    "recovery-reminder": { ...recovery(t), invitedOn: "2020-05-01" },
    "batch-ready": {
      batchId: "batch-2020-04-02-solidarity",
      fund: "solidarity",
      payoutCount: 42,
      totalCents: 4_200_000,
      downloads: [
        { name: "batch.csv", url: "https://files.example.org/exports/b.csv?X-Amz-Signature=1" },
        { name: "batch.xml", url: "https://files.example.org/exports/b.xml?X-Amz-Signature=2" },
      ],
      expiresAt: "2020-04-09T06:00:00Z",
    },
    // The board: the post's title and text, the answerer's name and message are typed by people.
    "board-confirm": { title: t.clientName, publicUrl, token, expiresAt: "2020-04-02T09:00:00Z" },
    "board-published": boardManage(t),
    "board-reminder": boardManage(t),
    "board-expired": { title: t.clientName },
    "board-hidden": { title: t.clientName },
    "board-warned": { title: t.clientName },
    "board-answer": { title: t.clientName, name: t.memberName, message: t.reply },
    "board-moderation": {
      title: t.clientName,
      text: t.description,
      publicUrl,
      token,
      reasons: ["commercial", "other"],
      expiresAt: "2020-04-30T09:00:00Z",
    },
    "board-moderation-answer": {
      code: "decided",
      title: t.clientName,
      decisions: [
        { decision: "hide", by: "moderation.lea@smart.example.org", at: "2020-04-02T09:00:00Z" },
      ],
    },
  };
}

const boardManage = (t: FreeText) => ({
  title: t.clientName,
  publicUrl,
  postId: "post-51c2",
  manageToken: statusToken,
  expiresAt: "2020-04-30T09:00:00Z",
});
const manageLink = `${publicUrl}/board.html#view=manage&id=post-51c2&token=${statusToken}`;

const decisionLinks = [
  `${publicUrl}/decision.html#token=${token}&action=approve`,
  `${publicUrl}/decision.html#token=${token}&action=reject`,
  `${publicUrl}/decision.html#token=${token}&action=request-info`,
];
export const statusLink = `${publicUrl}/status.html#id=req-7f3a&token=${statusToken}`;

/** What each email must show, in the words of `language`: every param, formatted. */
export function visible(name: TemplateName, language: Language, t: FreeText = plainText): string[] {
  const approvalShown = [
    "req-7f3a",
    "M-001234",
    t.memberName,
    euros(123_456, language),
    day("2020-03-16", language),
    day("2020-03-17", language),
    t.description,
    "devis-dour.pdf",
    `${publicUrl}/decision.html#token=${token}&document=doc-d1`,
    moment("2020-03-30T09:00:00Z", language),
    ...decisionLinks,
  ];
  const loan = ["+++090/9337/55493+++", "BE68539007547034"];
  const shown: Record<TemplateName, string[]> = {
    "approval-request": approvalShown,
    "approval-reminder": [...approvalShown, "2/3"],
    "approval-escalation": [...approvalShown, "admin@activity.example.org", "7"],
    "second-approval": [
      ...approvalShown,
      "first@committee.example.org",
      moment("2020-03-20T14:05:00Z", language),
      euros(100_000, language),
      t.comment,
    ],
    "vote-request": [
      "req-7f3a",
      "Comité des initiatives",
      t.description,
      day("2020-03-30", language),
      `${publicUrl}/vote.html#token=${encodeURIComponent(token)}`,
    ],
    "vote-chair": [...approvalShown, "Comité des initiatives"],
    "vote-outcome": [
      "req-7f3a",
      "Comité des initiatives",
      "first@committee.example.org",
      t.comment,
    ],
    "reply-answered": ["req-7f3a"],
    "reply-not-understood": ["req-7f3a", t.reply],
    "request-received": ["req-7f3a", euros(123_456, language), statusLink],
    "info-needed": ["req-7f3a", t.comment, day("2020-04-15", language), statusLink],
    "info-reminder": ["req-7f3a", t.comment, day("2020-04-15", language), statusLink],
    "request-approved": ["req-7f3a", euros(50_000, language), euros(80_000, language), statusLink],
    "request-rejected": ["req-7f3a", t.reason, statusLink],
    "request-expired": ["req-7f3a", statusLink],
    "payout-paid": [
      "req-7f3a",
      euros(50_000, language),
      "7034",
      day("2020-04-02", language),
      "ENTRAIDE req-7f3a",
    ],
    "payout-failed": ["req-7f3a", euros(50_000, language), "7034", t.reason, statusLink],
    "payout-failed-reminder": [
      "req-7f3a",
      euros(50_000, language),
      day("2020-05-02", language),
      statusLink,
    ],
    "payout-abandoned": ["req-7f3a", euros(50_000, language), statusLink],
    "request-disputed": ["req-7f3a", "M0001"],
    "dispute-closed": ["req-7f3a", t.reason, statusLink],
    "dispute-closed-approver": ["req-7f3a", "M0001", t.reason, euros(50_000, language)],
    "iban-changed": ["req-7f3a", euros(50_000, language), "7034", "7803", statusLink],
    "co-applicant-confirmation": [
      "req-7f3a",
      t.clientName,
      t.memberName,
      euros(500_000, language),
      day("2020-05-08", language),
      `${publicUrl}/confirm.html#token=${encodeURIComponent(token)}`,
    ],
    "project-stopped": ["req-7f3a", "M-004321", statusLink],
    "tranche-check": [
      "req-7f3a",
      t.clientName,
      t.reason,
      t.description,
      euros(150_000, language),
      moment("2020-03-30T09:00:00Z", language),
      ...decisionLinks,
    ],
    "owner-notice": [
      "req-7f3a",
      euros(50_000, language),
      "someone@else.example",
      "7034",
      day("2020-05-02", language),
      `${publicUrl}/confirm.html#token=${encodeURIComponent(token)}`,
    ],
    "iban-confirmation": [
      "req-7f3a",
      euros(50_000, language),
      "7034",
      `${publicUrl}/confirm.html#token=${encodeURIComponent(token)}`,
    ],
    "loan-schedule": [
      "req-7f3a",
      euros(100_000, language),
      day("2021-04-30", language),
      day("2021-05-31", language),
      euros(50_000, language),
      ...loan,
    ],
    "installment-reminder": [
      "req-7f3a",
      "3",
      "6",
      euros(16_666, language),
      day("2021-06-30", language),
      ...loan,
    ],
    "installment-overdue": [
      "req-7f3a",
      "3",
      "6",
      euros(16_666, language),
      euros(33_332, language),
      day("2021-06-30", language),
      ...loan,
    ],
    "loan-repaid": ["req-7f3a", euros(100_000, language), day("2021-11-30", language)],
    "recovery-invitation": [
      t.clientName,
      t.memberName,
      "DEVIS-2020-042",
      day("2020-03-13", language),
      euros(98_000, language),
      "BE68539007547034",
      "+++090/9337/55493+++",
    ],
    "recovery-reminder": [
      t.clientName,
      t.memberName,
      "DEVIS-2020-042",
      euros(98_000, language),
      "+++090/9337/55493+++",
      day("2020-05-01", language),
    ],
    "batch-ready": [
      "batch-2020-04-02-solidarity",
      "solidarity",
      "42",
      euros(4_200_000, language),
      "https://files.example.org/exports/b.csv?X-Amz-Signature=1",
      "https://files.example.org/exports/b.xml?X-Amz-Signature=2",
      moment("2020-04-09T06:00:00Z", language),
    ],
    "board-confirm": [
      t.clientName,
      `${publicUrl}/board.html#view=confirm&token=${token}`,
      moment("2020-04-02T09:00:00Z", language),
    ],
    "board-published": [t.clientName, manageLink, day("2020-04-30T09:00:00Z", language)],
    "board-reminder": [
      t.clientName,
      `${manageLink}&action=renew`,
      day("2020-04-30T09:00:00Z", language),
    ],
    "board-expired": [t.clientName],
    "board-hidden": [t.clientName],
    "board-warned": [t.clientName],
    "board-answer": [t.clientName, t.memberName, t.reply],
    "board-moderation": [
      t.clientName,
      t.description,
      `${publicUrl}/board.html#view=moderate&token=${token}&decision=hide`,
      `${publicUrl}/board.html#view=moderate&token=${token}&decision=keep`,
      `${publicUrl}/board.html#view=moderate&token=${token}&decision=warn`,
      moment("2020-04-30T09:00:00Z", language),
    ],
    "board-moderation-answer": [
      t.clientName,
      "moderation.lea@smart.example.org",
      moment("2020-04-02T09:00:00Z", language),
    ],
  };
  return shown[name];
}

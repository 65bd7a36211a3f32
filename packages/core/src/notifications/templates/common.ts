import type { Language } from "../../i18n/language";
import type { RequestType } from "../../plan/vocabulary";
import { labelOf, optionTexts } from "../../request-view/labels";
import type { CheckResult } from "../../request-view/reasons";
import { renderReason } from "../../request-view/reasons";
import type { RequestBody } from "../../request-view/schemas";
import { detailRows } from "../../request-view/show";
import { day, euros, moment } from "../format";
import { type Block, block } from "../layout";
import { decisionActions, decisionDocumentUrl, decisionUrl, statusUrl } from "../links";

/** One text per language. */
export type Words<T> = Record<Language, T>;

/** What approvers see of a request in every approval email. */
export interface RequestSummary {
  requestId: string;
  type: RequestType;
  memberNumber: string;
  /** The member's name when the register has one. */
  memberName?: string;
  /** The amount asked for, in cents. */
  amountCents: number;
  /** The request's dates (work days, expense dates, cancellation date), ISO `YYYY-MM-DD`. */
  dates: readonly string[];
  /** The request itself: when given, every field is shown labelled instead of bare dates. */
  request?: RequestBody;
  /** The member's answers to earlier questions, oldest first. */
  answers?: readonly { at: string; comment?: string }[];
  /** The member's own words (cancellation reason, description): escaped like every value. */
  description?: string;
  checks: readonly CheckResult[];
  /** The request's documents, linked through the decision page; which are the correspondence. */
  documents: readonly { documentId: string; name: string; correspondence?: boolean }[];
}

/** What every email with decision links needs. */
export interface DecisionLinks {
  publicUrl: string;
  /** This approver's decision token for this approval step. */
  token: string;
  /** When the links stop working (ISO timestamp), shown to the approver. */
  expiresAt?: string;
}

/** What a member's email needs to link to the private status page. */
export interface StatusLink {
  publicUrl: string;
  requestId: string;
  statusToken: string;
}

const summaryWords: Words<{
  reference: string;
  type: string;
  member: string;
  amount: string;
  dates: string;
  description: string;
  answer: string;
  checks: string;
  documents: string;
  outcome: Record<CheckResult["outcome"], string>;
  expires: (when: string) => string;
  reply: string;
  status: string;
}> = {
  fr: {
    reference: "Référence",
    type: "Type",
    member: "Membre",
    amount: "Montant demandé",
    dates: "Dates",
    description: "Explication du membre",
    answer: "Réponse du membre",
    checks: "Vérifications",
    documents: "Documents",
    outcome: { pass: "OK", warn: "Attention", fail: "Échec" },
    expires: (when) => `Ces liens sont valables jusqu'au ${when}.`,
    reply:
      "Vous pouvez aussi répondre à cet e-mail : « OK » ou « APPROUVÉ » pour approuver, « REFUSÉ parce que … » pour refuser, « PLUS D'INFOS : … » pour demander des informations.",
    status: "Suivre votre demande",
  },
  nl: {
    reference: "Referentie",
    type: "Soort",
    member: "Lid",
    amount: "Gevraagd bedrag",
    dates: "Data",
    description: "Toelichting van het lid",
    answer: "Antwoord van het lid",
    checks: "Controles",
    documents: "Documenten",
    outcome: { pass: "OK", warn: "Let op", fail: "Mislukt" },
    expires: (when) => `Deze links zijn geldig tot ${when}.`,
    reply:
      "U kunt ook op deze e-mail antwoorden: ‘OK’ of ‘GOEDGEKEURD’ om goed te keuren, ‘AFGEWEZEN OMDAT …’ om te weigeren, ‘MEER INFO: …’ om informatie te vragen.",
    status: "Uw aanvraag volgen",
  },
  en: {
    reference: "Reference",
    type: "Type",
    member: "Member",
    amount: "Amount requested",
    dates: "Dates",
    description: "The member's explanation",
    answer: "The member's answer",
    checks: "Checks",
    documents: "Documents",
    outcome: { pass: "OK", warn: "Warning", fail: "Failed" },
    expires: (when) => `These links work until ${when}.`,
    reply:
      "You may also reply to this email: “OK” or “APPROVED” to approve, “REJECTED BECAUSE …” to reject, “MORE INFO: …” to ask for information.",
    status: "Follow your request",
  },
};

export const typeLabel = (type: RequestType, language: Language) =>
  optionTexts.type[type][language];

/** Who the member is: their name and number, or the number alone. */
export const memberLabel = (s: { memberNumber: string; memberName?: string }) =>
  s.memberName ? `${s.memberName} (${s.memberNumber})` : s.memberNumber;

/**
 * The request's facts, the member's words, the checks (warnings first) and the documents,
 * each linked through the decision page with this approver's token.
 */
export function summaryBlocks(
  s: RequestSummary & DecisionLinks,
  language: Language,
  /** Where a document opens: the decision page by default (a vote link opens the vote page). */
  documentUrl = (documentId: string) => decisionDocumentUrl(s.publicUrl, s.token, documentId),
): Block[] {
  const w = summaryWords[language];
  const order = { fail: 0, warn: 1, pass: 2 } as const;
  const checks = [...s.checks].sort((a, b) => order[a.outcome] - order[b.outcome]);
  return [
    block.facts([
      [w.reference, s.requestId],
      [w.type, typeLabel(s.type, language)],
      [w.member, memberLabel(s)],
      [w.amount, euros(s.amountCents, language)],
      // Each field labelled as the form labels it; older callers give only the dates.
      ...(s.request
        ? detailRows(s.request, language)
        : s.dates.length > 0
          ? [[w.dates, s.dates.map((d) => day(d, language)).join(", ")] as const]
          : []),
    ]),
    ...(s.description ? [block.quote(w.description, s.description)] : []),
    ...(s.answers ?? [])
      .filter((a) => a.comment)
      .map((a) => block.quote(`${w.answer} (${moment(a.at, language)})`, a.comment!)),
    ...(checks.length > 0
      ? [
          block.list(
            w.checks,
            checks.map((c) => `${w.outcome[c.outcome]} — ${renderReason(c.reason, language)}`),
          ),
        ]
      : []),
    ...(s.documents.length > 0
      ? [
          block.links(
            w.documents,
            s.documents.map((d) => ({
              label: d.correspondence
                ? `${d.name} (${labelOf(["correspondenceDocuments"], language)})`
                : d.name,
              url: documentUrl(d.documentId),
            })),
          ),
        ]
      : []),
  ];
}

/** The three decision links, the expiry, and how to decide by replying. */
export function decisionBlocks(links: DecisionLinks, language: Language): Block[] {
  const w = summaryWords[language];
  return [
    block.actions(
      decisionActions.map((action) => ({
        label: optionTexts.decision[action][language],
        url: decisionUrl(links.publicUrl, links.token, action),
      })),
    ),
    ...(links.expiresAt ? [block.note(w.expires(moment(links.expiresAt, language)))] : []),
    block.note(w.reply),
  ];
}

/** The member's private status link. */
export function statusBlock(link: StatusLink, language: Language): Block {
  return block.actions([
    {
      label: summaryWords[language].status,
      url: statusUrl(link.publicUrl, link.requestId, link.statusToken),
    },
  ]);
}

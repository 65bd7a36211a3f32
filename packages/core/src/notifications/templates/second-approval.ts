import type { Language } from "../../i18n/language";
import { euros, moment } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type ApprovalRequestParams, approvalSubject } from "./approval-request";
import { decisionBlocks, summaryBlocks, type Words } from "./common";

export interface SecondApprovalParams extends ApprovalRequestParams {
  /** The first approval of a request that needs two distinct approvers. */
  firstDecision: { approver: string; at: string; amountCents?: number; comment?: string };
}

const words: Words<{
  subject: string;
  heading: string;
  intro: (who: string, when: string, amount: string) => string;
  comment: string;
}> = {
  fr: {
    subject: "Seconde approbation",
    heading: "Une demande attend une seconde approbation",
    intro: (who, when, amount) =>
      `${who} a approuvé cette demande le ${when} pour ${amount}. Une seconde personne doit la confirmer : vous.`,
    comment: "Commentaire de la première approbation",
  },
  nl: {
    subject: "Tweede goedkeuring",
    heading: "Een aanvraag wacht op een tweede goedkeuring",
    intro: (who, when, amount) =>
      `${who} keurde deze aanvraag goed op ${when} voor ${amount}. Een tweede persoon moet bevestigen: u.`,
    comment: "Opmerking bij de eerste goedkeuring",
  },
  en: {
    subject: "Second approval",
    heading: "A request awaits a second approval",
    intro: (who, when, amount) =>
      `${who} approved this request on ${when} for ${amount}. A second person must confirm it: you.`,
    comment: "Comment of the first approval",
  },
};

/** Four-eyes: to the second approver, showing who approved first, when, and for how much. */
export function secondApproval(p: SecondApprovalParams, language: Language): RenderedEmail {
  const w = words[language];
  const first = p.firstDecision;
  return renderEmail(
    {
      subject: approvalSubject(w.subject, p, language),
      heading: w.heading,
      blocks: [
        block.p(
          w.intro(
            first.approver,
            moment(first.at, language),
            euros(first.amountCents ?? p.amountCents, language),
          ),
        ),
        first.comment ? block.quote(w.comment, first.comment) : false,
        ...summaryBlocks(p, language),
        ...decisionBlocks(p, language),
      ],
    },
    language,
  );
}

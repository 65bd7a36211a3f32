import type { Language } from "../../i18n/language";
import { euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import {
  type DecisionLinks,
  decisionBlocks,
  memberLabel,
  type RequestSummary,
  summaryBlocks,
  typeLabel,
  type Words,
} from "./common";

export interface ApprovalRequestParams extends RequestSummary, DecisionLinks {
  /** Distinct approvals the request needs (§4 four-eyes: 2 above the type's threshold). */
  requiredApprovals: 1 | 2;
}

const words: Words<{ subject: string; heading: string; intro: string; fourEyes: string }> = {
  fr: {
    subject: "Demande à approuver",
    heading: "Une demande attend votre décision",
    intro:
      "Voici la demande, les vérifications faites et ses documents. Choisissez ci-dessous : la page de confirmation vous montrera ce que vous décidez avant de l'enregistrer.",
    fourEyes: "Cette demande doit être approuvée par deux personnes distinctes.",
  },
  nl: {
    subject: "Aanvraag ter goedkeuring",
    heading: "Een aanvraag wacht op uw beslissing",
    intro:
      "Hieronder vindt u de aanvraag, de uitgevoerde controles en de documenten. Kies hieronder: de bevestigingspagina toont wat u beslist voordat het wordt vastgelegd.",
    fourEyes: "Deze aanvraag moet door twee verschillende personen worden goedgekeurd.",
  },
  en: {
    subject: "Request to approve",
    heading: "A request awaits your decision",
    intro:
      "Here are the request, the checks made and its documents. Choose below: the confirmation page shows what you decide before recording it.",
    fourEyes: "This request needs the approval of two different people.",
  },
};

/** Subject line shared by the approval emails: what, who, how much, which request. */
export const approvalSubject = (lead: string, p: RequestSummary, language: Language) =>
  `${lead} — ${typeLabel(p.type, language)}, ${memberLabel(p)}, ${euros(p.amountCents, language)} [${p.requestId}]`;

/** To an approver: the request, its checks and documents, and the decision links. */
export function approvalRequest(p: ApprovalRequestParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: approvalSubject(w.subject, p, language),
      heading: w.heading,
      blocks: [
        block.p(w.intro),
        p.requiredApprovals === 2 && block.note(w.fourEyes),
        ...summaryBlocks(p, language),
        ...decisionBlocks(p, language),
      ],
    },
    language,
  );
}

import type { Language } from "../../i18n/language";
import type { RequestType } from "../../plan/vocabulary";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, typeLabel, type Words } from "./common";

export interface RequestRejectedParams extends StatusLink {
  type: RequestType;
  /** The approver's reason, in their words. */
  reason: string;
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (type: string) => string;
  reason: string;
  contact: string;
}> = {
  fr: {
    subject: (ref) => `Demande refusée [${ref}]`,
    heading: "Votre demande n'a pas été acceptée",
    intro: (type) => `Votre demande « ${type} » a été refusée.`,
    reason: "Motif",
    contact:
      "Si un élément a été mal compris, vous pouvez introduire une nouvelle demande avec les justificatifs utiles.",
  },
  nl: {
    subject: (ref) => `Aanvraag afgewezen [${ref}]`,
    heading: "Uw aanvraag werd niet aanvaard",
    intro: (type) => `Uw aanvraag ‘${type}’ werd afgewezen.`,
    reason: "Reden",
    contact:
      "Werd iets verkeerd begrepen, dan kunt u een nieuwe aanvraag indienen met de nodige bewijsstukken.",
  },
  en: {
    subject: (ref) => `Request rejected [${ref}]`,
    heading: "Your request was not accepted",
    intro: (type) => `Your “${type}” request was rejected.`,
    reason: "Reason",
    contact:
      "If something was misunderstood, you may submit a new request with the supporting documents.",
  },
};

/** To the member: rejected, and why. */
export function requestRejected(p: RequestRejectedParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(typeLabel(p.type, language))),
        block.quote(w.reason, p.reason),
        block.p(w.contact),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

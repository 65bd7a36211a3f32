import type { Language } from "../../i18n/language";
import type { RequestType } from "../../plan/vocabulary";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, typeLabel, type Words } from "./common";

export interface RequestExpiredParams extends StatusLink {
  type: RequestType;
  /** Why it expired: the member did not answer, or no approver decided in time. */
  cause: "no-answer" | "no-decision";
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (type: string) => string;
  cause: Record<RequestExpiredParams["cause"], string>;
  again: string;
}> = {
  fr: {
    subject: (ref) => `Demande expirée [${ref}]`,
    heading: "Votre demande a expiré",
    intro: (type) => `Votre demande « ${type} » est close sans décision.`,
    cause: {
      "no-answer": "Nous n'avons pas reçu les informations demandées à temps.",
      "no-decision": "Aucune décision n'a pu être prise dans le délai prévu.",
    },
    again: "Vous pouvez introduire une nouvelle demande si elle reste d'actualité.",
  },
  nl: {
    subject: (ref) => `Aanvraag vervallen [${ref}]`,
    heading: "Uw aanvraag is vervallen",
    intro: (type) => `Uw aanvraag ‘${type}’ is afgesloten zonder beslissing.`,
    cause: {
      "no-answer": "We ontvingen de gevraagde informatie niet op tijd.",
      "no-decision": "Er kon binnen de voorziene termijn geen beslissing worden genomen.",
    },
    again: "U kunt een nieuwe aanvraag indienen als ze nog actueel is.",
  },
  en: {
    subject: (ref) => `Request expired [${ref}]`,
    heading: "Your request has expired",
    intro: (type) => `Your “${type}” request is closed without a decision.`,
    cause: {
      "no-answer": "We did not receive the information asked for in time.",
      "no-decision": "No decision could be made within the allotted time.",
    },
    again: "You may submit a new request if it still applies.",
  },
};

/** To the member: the request closed without a decision. */
export function requestExpired(p: RequestExpiredParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(typeLabel(p.type, language))),
        block.p(w.cause[p.cause]),
        block.p(w.again),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

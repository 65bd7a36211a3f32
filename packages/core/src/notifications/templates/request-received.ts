import type { Language } from "../../i18n/language";
import type { RequestType } from "../../plan/vocabulary";
import { euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, typeLabel, type Words } from "./common";

export interface RequestReceivedParams extends StatusLink {
  type: RequestType;
  amountCents: number;
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (type: string, amount: string) => string;
  keep: string;
}> = {
  fr: {
    subject: (ref) => `Demande reçue [${ref}]`,
    heading: "Nous avons bien reçu votre demande",
    intro: (type, amount) =>
      `Votre demande « ${type} » de ${amount} est enregistrée. Nous la vérifions, puis elle sera soumise à approbation ; vous recevrez un e-mail à chaque étape.`,
    keep: "Gardez ce lien pour vous : il permet de suivre la demande, d'y répondre ou de la retirer.",
  },
  nl: {
    subject: (ref) => `Aanvraag ontvangen [${ref}]`,
    heading: "We hebben uw aanvraag ontvangen",
    intro: (type, amount) =>
      `Uw aanvraag ‘${type}’ van ${amount} is geregistreerd. We controleren ze en leggen ze daarna ter goedkeuring voor; u krijgt bij elke stap een e-mail.`,
    keep: "Houd deze link voor uzelf: ermee volgt u de aanvraag, beantwoordt u vragen of trekt u ze in.",
  },
  en: {
    subject: (ref) => `Request received [${ref}]`,
    heading: "We have received your request",
    intro: (type, amount) =>
      `Your “${type}” request for ${amount} is recorded. We check it, then submit it for approval; you will get an email at each step.`,
    keep: "Keep this link to yourself: with it you follow the request, answer questions or withdraw it.",
  },
};

/** To the member on submission, with the private status link. */
export function requestReceived(p: RequestReceivedParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(typeLabel(p.type, language), euros(p.amountCents, language))),
        statusBlock(p, language),
        block.note(w.keep),
      ],
    },
    language,
  );
}

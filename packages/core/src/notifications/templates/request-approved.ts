import type { Language } from "../../i18n/language";
import type { RequestType } from "../../plan/vocabulary";
import { euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, typeLabel, type Words } from "./common";

export interface RequestApprovedParams extends StatusLink {
  type: RequestType;
  /** The amount granted, in cents. */
  amountCents: number;
  /** The amount asked for, when more than the amount granted. */
  requestedCents?: number;
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (type: string, amount: string) => string;
  lower: (asked: string) => string;
  next: string;
}> = {
  fr: {
    subject: (ref) => `Demande approuvée [${ref}]`,
    heading: "Votre demande est approuvée",
    intro: (type, amount) => `Votre demande « ${type} » est approuvée pour ${amount}.`,
    lower: (asked) =>
      `Vous aviez demandé ${asked} ; les approbateurs ont accordé un montant inférieur.`,
    next: "Le paiement suivra dans le prochain lot de virements ; vous recevrez un e-mail quand il sera effectué.",
  },
  nl: {
    subject: (ref) => `Aanvraag goedgekeurd [${ref}]`,
    heading: "Uw aanvraag is goedgekeurd",
    intro: (type, amount) => `Uw aanvraag ‘${type}’ is goedgekeurd voor ${amount}.`,
    lower: (asked) => `U vroeg ${asked}; de goedkeurders kenden een lager bedrag toe.`,
    next: "De betaling volgt in de volgende reeks overschrijvingen; u krijgt een e-mail zodra ze is uitgevoerd.",
  },
  en: {
    subject: (ref) => `Request approved [${ref}]`,
    heading: "Your request is approved",
    intro: (type, amount) => `Your “${type}” request is approved for ${amount}.`,
    lower: (asked) => `You asked for ${asked}; the approvers granted a lower amount.`,
    next: "Payment follows in the next batch of transfers; you will get an email once it is made.",
  },
};

/** To the member: approved, for how much. */
export function requestApproved(p: RequestApprovedParams, language: Language): RenderedEmail {
  const w = words[language];
  const lower = p.requestedCents !== undefined && p.requestedCents > p.amountCents;
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(typeLabel(p.type, language), euros(p.amountCents, language))),
        lower && block.p(w.lower(euros(p.requestedCents ?? 0, language))),
        block.p(w.next),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

import type { Language } from "../../i18n/language";
import { euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, type Words } from "./common";
import { maskIban } from "./payout-paid";

export interface PayoutFailedParams extends StatusLink {
  amountCents: number;
  /** The account the bank refused; only its last four characters are shown. */
  iban: string;
  /** The bank's reason, as finance recorded it. */
  reason?: string;
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (amount: string, iban: string) => string;
  reason: string;
  fix: string;
}> = {
  fr: {
    subject: (ref) => `Paiement impossible : vérifiez votre IBAN [${ref}]`,
    heading: "Nous n'avons pas pu vous payer",
    intro: (amount, iban) =>
      `Le virement de ${amount} vers le compte ${iban} a été refusé par la banque.`,
    reason: "Motif de la banque",
    fix: "Corrigez votre IBAN depuis le lien ci-dessous : nous referons le virement dans le prochain lot.",
  },
  nl: {
    subject: (ref) => `Betaling mislukt: controleer uw IBAN [${ref}]`,
    heading: "We konden u niet betalen",
    intro: (amount, iban) =>
      `De overschrijving van ${amount} naar rekening ${iban} werd door de bank geweigerd.`,
    reason: "Reden van de bank",
    fix: "Verbeter uw IBAN via de link hieronder: we voeren de overschrijving opnieuw uit in de volgende reeks.",
  },
  en: {
    subject: (ref) => `Payment failed: check your IBAN [${ref}]`,
    heading: "We could not pay you",
    intro: (amount, iban) => `The bank refused the transfer of ${amount} to account ${iban}.`,
    reason: "The bank's reason",
    fix: "Correct your IBAN from the link below: we will make the transfer again in the next batch.",
  },
};

/** To the member whose transfer bounced: correct the IBAN. */
export function payoutFailed(p: PayoutFailedParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(euros(p.amountCents, language), maskIban(p.iban))),
        p.reason ? block.quote(w.reason, p.reason) : false,
        block.p(w.fix),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

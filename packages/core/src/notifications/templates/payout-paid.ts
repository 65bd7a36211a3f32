import { ibanEnd } from "../../bank/iban";
import type { Language } from "../../i18n/language";
import { day, euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, type Words } from "./common";

export interface PayoutPaidParams extends StatusLink {
  amountCents: number;
  /** The account paid into; only its last four characters are shown. */
  iban: string;
  /** The day the transfer was made, `YYYY-MM-DD`. */
  paidOn: string;
  /** The transfer's communication, to find it on the bank statement. */
  reference: string;
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (amount: string, date: string) => string;
  account: string;
  reference: string;
}> = {
  fr: {
    subject: (ref) => `Paiement effectué [${ref}]`,
    heading: "Votre paiement est parti",
    intro: (amount, date) =>
      `Nous avons viré ${amount} le ${date}. Selon votre banque, il apparaîtra sur votre compte sous un à deux jours ouvrables.`,
    account: "Compte",
    reference: "Communication",
  },
  nl: {
    subject: (ref) => `Betaling uitgevoerd [${ref}]`,
    heading: "Uw betaling is vertrokken",
    intro: (amount, date) =>
      `We hebben ${amount} overgeschreven op ${date}. Afhankelijk van uw bank verschijnt het binnen één à twee werkdagen op uw rekening.`,
    account: "Rekening",
    reference: "Mededeling",
  },
  en: {
    subject: (ref) => `Payment made [${ref}]`,
    heading: "Your payment is on its way",
    intro: (amount, date) =>
      `We transferred ${amount} on ${date}. Depending on your bank, it will show on your account within one or two working days.`,
    account: "Account",
    reference: "Reference",
  },
};

/** The account number with all but its last four characters hidden. */
export const maskIban = (iban: string) => `•••• ${ibanEnd(iban)}`;

/** To the member once their payout's batch is marked paid. */
export function payoutPaid(p: PayoutPaidParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(euros(p.amountCents, language), day(p.paidOn, language))),
        block.facts([
          [w.account, maskIban(p.iban)],
          [w.reference, p.reference],
        ]),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

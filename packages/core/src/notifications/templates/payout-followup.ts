/** After a payout was returned: the member is reminded, the money goes back, a dispute is flagged. */
import type { Language } from "../../i18n/language";
import { day, euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, type Words } from "./common";

export interface PayoutReminderParams extends StatusLink {
  amountCents: number;
  /** The day after which the money goes back to the fund (ISO date or timestamp). */
  abandonOn: string;
}

const reminderWords: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (amount: string, when: string) => string;
}> = {
  fr: {
    subject: (ref) => `Rappel : nous attendons votre IBAN [${ref}]`,
    heading: "Nous attendons toujours votre IBAN",
    intro: (amount, when) =>
      `Le virement de ${amount} a été refusé par la banque. Donnez-nous un autre IBAN avant le ${when} : après cette date, le montant retourne au fonds.`,
  },
  nl: {
    subject: (ref) => `Herinnering: we wachten op uw IBAN [${ref}]`,
    heading: "We wachten nog op uw IBAN",
    intro: (amount, when) =>
      `De overschrijving van ${amount} werd door de bank geweigerd. Geef ons vóór ${when} een ander IBAN: daarna gaat het bedrag terug naar het fonds.`,
  },
  en: {
    subject: (ref) => `Reminder: we are waiting for your IBAN [${ref}]`,
    heading: "We are still waiting for your IBAN",
    intro: (amount, when) =>
      `The bank refused the transfer of ${amount}. Give us another IBAN before ${when}: after that day, the amount returns to the fund.`,
  },
};

/** To the member whose returned transfer is still not corrected. */
export function payoutFailedReminder(p: PayoutReminderParams, language: Language): RenderedEmail {
  const w = reminderWords[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(euros(p.amountCents, language), day(p.abandonOn, language))),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

export interface PayoutAbandonedParams extends StatusLink {
  amountCents: number;
}

const abandonedWords: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (amount: string) => string;
  again: string;
}> = {
  fr: {
    subject: (ref) => `Paiement abandonné faute d'IBAN [${ref}]`,
    heading: "Nous n'avons pas pu vous payer",
    intro: (amount) =>
      `Sans nouvel IBAN dans le délai prévu, les ${amount} de votre demande sont retournés au fonds.`,
    again:
      "Si vous souhaitez toujours ce paiement, contactez le service Entraide de la coopérative : il peut rouvrir la demande.",
  },
  nl: {
    subject: (ref) => `Betaling stopgezet zonder IBAN [${ref}]`,
    heading: "We konden u niet betalen",
    intro: (amount) =>
      `Zonder nieuw IBAN binnen de termijn gaan de ${amount} van uw aanvraag terug naar het fonds.`,
    again:
      "Wilt u deze betaling nog, neem dan contact op met de Entraide-dienst van de coöperatie: die kan de aanvraag heropenen.",
  },
  en: {
    subject: (ref) => `Payment abandoned for lack of an IBAN [${ref}]`,
    heading: "We could not pay you",
    intro: (amount) =>
      `Without a new IBAN in time, the ${amount} of your request went back to the fund.`,
    again:
      "If you still want this payment, contact the cooperative's Entraide service: it can reopen the request.",
  },
};

/** To the member: the returned transfer was not corrected in time; the money went back to the fund. */
export function payoutAbandoned(p: PayoutAbandonedParams, language: Language): RenderedEmail {
  const w = abandonedWords[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(euros(p.amountCents, language))),
        block.p(w.again),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

export interface RequestDisputedParams {
  requestId: string;
  memberNumber: string;
  /** Where the request stood when the registered member said it was not theirs. */
  during: string;
}

const disputedWords: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (member: string) => string;
  next: string;
}> = {
  fr: {
    subject: (ref) => `Demande contestée par le membre, bloquée [${ref}]`,
    heading: "Une demande est contestée",
    intro: (member) =>
      `Depuis l'adresse du registre des membres, le membre ${member} dit ne pas être à l'origine de cette demande ou du changement de compte demandé.`,
    next: "La demande est bloquée : rien ne sera payé. Vérifiez avec le membre avant toute suite.",
  },
  nl: {
    subject: (ref) => `Aanvraag betwist door het lid, geblokkeerd [${ref}]`,
    heading: "Een aanvraag wordt betwist",
    intro: (member) =>
      `Vanaf het adres uit het ledenregister zegt lid ${member} dat deze aanvraag of de gevraagde rekeningwijziging niet van hem of haar komt.`,
    next: "De aanvraag is geblokkeerd: er wordt niets betaald. Controleer bij het lid voor u verdergaat.",
  },
  en: {
    subject: (ref) => `Request disputed by the member, frozen [${ref}]`,
    heading: "A request is disputed",
    intro: (member) =>
      `From the address in the members register, member ${member} says they did not make this request or ask for the change of account.`,
    next: "The request is frozen: nothing will be paid. Check with the member before anything else.",
  },
};

/** To the approvers: the registered member disowned the request; it is frozen. */
export function requestDisputed(p: RequestDisputedParams, language: Language): RenderedEmail {
  const w = disputedWords[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [block.p(w.intro(p.memberNumber)), block.p(w.next)],
    },
    language,
  );
}

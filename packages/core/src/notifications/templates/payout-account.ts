import type { Language } from "../../i18n/language";
import { day, euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, type Words } from "./common";
import { maskIban } from "./payout-paid";

/** The owner's confirmation page: the token in the fragment, like the decision links. */
export const confirmationUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, "")}/confirm.html#token=${encodeURIComponent(token)}`;

export interface IbanConfirmationParams {
  publicUrl: string;
  requestId: string;
  /** The owner's confirmation token (bound to the registered address). */
  token: string;
  amountCents: number;
  /** The IBAN asked for; only its last four characters are shown. */
  iban: string;
  /** Until when the link works (ISO timestamp). */
  confirmBy: string;
}

const confirmationWords: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (amount: string, iban: string) => string;
  act: string;
  notMe: string;
  button: string;
  until: (when: string) => string;
}> = {
  fr: {
    subject: (ref) => `Confirmez le nouveau compte pour votre paiement [${ref}]`,
    heading: "Confirmez votre nouveau compte",
    intro: (amount, iban) =>
      `Quelqu'un a demandé, depuis le lien de suivi de votre demande, que les ${amount} qui vous reviennent soient versés sur le compte ${iban}.`,
    act: "Rien ne change tant que vous n'avez pas confirmé depuis cette adresse, celle de notre registre des membres.",
    notMe:
      "Si ce n'est pas vous, ouvrez le lien et choisissez « Ce n'est pas moi » : la demande sera bloquée et nos équipes prévenues.",
    button: "Confirmer ou refuser",
    until: (when) => `Ce lien est valable jusqu'au ${when}.`,
  },
  nl: {
    subject: (ref) => `Bevestig de nieuwe rekening voor uw betaling [${ref}]`,
    heading: "Bevestig uw nieuwe rekening",
    intro: (amount, iban) =>
      `Iemand heeft via de volglink van uw aanvraag gevraagd om de ${amount} die u toekomen op rekening ${iban} te storten.`,
    act: "Er verandert niets zolang u niet bevestigt vanaf dit adres, het adres uit ons ledenregister.",
    notMe:
      "Bent u het niet, open dan de link en kies ‘Dit ben ik niet’: de aanvraag wordt geblokkeerd en onze teams worden verwittigd.",
    button: "Bevestigen of weigeren",
    until: (when) => `Deze link is geldig tot ${when}.`,
  },
  en: {
    subject: (ref) => `Confirm the new account for your payment [${ref}]`,
    heading: "Confirm your new account",
    intro: (amount, iban) =>
      `Someone asked, from your request's status link, that the ${amount} owed to you be paid into account ${iban}.`,
    act: "Nothing changes until you confirm from this address, the one in our members register.",
    notMe:
      "If this was not you, open the link and choose “This is not me”: the request will be frozen and our teams told.",
    button: "Confirm or refuse",
    until: (when) => `This link works until ${when}.`,
  },
};

/** To the address in the members register: a new IBAN was asked for; it takes effect once confirmed. */
export function ibanConfirmation(p: IbanConfirmationParams, language: Language): RenderedEmail {
  const w = confirmationWords[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(euros(p.amountCents, language), maskIban(p.iban))),
        block.p(w.act),
        block.actions([{ label: w.button, url: confirmationUrl(p.publicUrl, p.token) }]),
        block.p(w.notMe),
        block.note(w.until(day(p.confirmBy, language))),
      ],
    },
    language,
  );
}

export interface IbanChangedParams extends StatusLink {
  amountCents: number;
  /** The account the payout goes to from now on; only its last four characters are shown. */
  iban: string;
  previousIban: string;
}

const changedWords: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (amount: string, from: string, to: string) => string;
  worry: string;
}> = {
  fr: {
    subject: (ref) => `Le compte de votre paiement a changé [${ref}]`,
    heading: "Nouveau compte enregistré",
    intro: (amount, from, to) =>
      `Les ${amount} de votre demande seront versés sur le compte ${to} (au lieu de ${from}) dans le prochain lot de paiements.`,
    worry:
      "Si vous n'êtes pas à l'origine de ce changement, contactez sans attendre le service Entraide de la coopérative.",
  },
  nl: {
    subject: (ref) => `De rekening voor uw betaling is gewijzigd [${ref}]`,
    heading: "Nieuwe rekening geregistreerd",
    intro: (amount, from, to) =>
      `De ${amount} van uw aanvraag worden in de volgende betalingsreeks gestort op rekening ${to} (in plaats van ${from}).`,
    worry:
      "Heeft u deze wijziging niet zelf gevraagd, neem dan meteen contact op met de Entraide-dienst van de coöperatie.",
  },
  en: {
    subject: (ref) => `The account for your payment changed [${ref}]`,
    heading: "New account recorded",
    intro: (amount, from, to) =>
      `The ${amount} of your request will be paid into account ${to} (instead of ${from}) in the next payment batch.`,
    worry:
      "If you did not ask for this change, contact the cooperative's Entraide service at once.",
  },
};

/** To the member and the registered address, every time the IBAN of a payout changes. */
export function ibanChanged(p: IbanChangedParams, language: Language): RenderedEmail {
  const w = changedWords[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(
          w.intro(euros(p.amountCents, language), maskIban(p.previousIban), maskIban(p.iban)),
        ),
        block.p(w.worry),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

export interface OwnerNoticeParams {
  publicUrl: string;
  requestId: string;
  token: string;
  amountCents: number;
  /** What differs from the register: the request's email, and its IBAN's last four characters. */
  email?: string;
  ibanEnd?: string;
  /** Until when nothing is paid without an answer (ISO timestamp). */
  holdUntil: string;
}

const ownerWords: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (amount: string) => string;
  email: string;
  iban: string;
  act: (when: string) => string;
  button: string;
}> = {
  fr: {
    subject: (ref) => `Une demande a été faite à votre nom [${ref}]`,
    heading: "Est-ce bien vous ?",
    intro: (amount) =>
      `Une demande de ${amount} a été introduite avec votre numéro de membre, mais avec des coordonnées qui ne sont pas celles de notre registre :`,
    email: "Adresse e-mail donnée",
    iban: "Compte donné (fin)",
    act: (when) =>
      `Si c'est vous, confirmez-le. Sinon, choisissez « Ce n'est pas moi » : la demande sera bloquée. Sans réponse, rien ne sera payé avant le ${when}.`,
    button: "Répondre",
  },
  nl: {
    subject: (ref) => `Er werd een aanvraag op uw naam ingediend [${ref}]`,
    heading: "Bent u het?",
    intro: (amount) =>
      `Er werd een aanvraag van ${amount} ingediend met uw lidnummer, maar met gegevens die niet in ons register staan:`,
    email: "Opgegeven e-mailadres",
    iban: "Opgegeven rekening (einde)",
    act: (when) =>
      `Bent u het, bevestig het dan. Zo niet, kies ‘Dit ben ik niet’: de aanvraag wordt geblokkeerd. Zonder antwoord wordt niets betaald vóór ${when}.`,
    button: "Antwoorden",
  },
  en: {
    subject: (ref) => `A request was made in your name [${ref}]`,
    heading: "Was this you?",
    intro: (amount) =>
      `A request for ${amount} was made with your member number, but with details that are not those of our register:`,
    email: "Email given",
    iban: "Account given (last digits)",
    act: (when) =>
      `If it was you, confirm it. If not, choose “This is not me”: the request will be frozen. Without an answer, nothing is paid before ${when}.`,
    button: "Answer",
  },
};

/** To the address in the members register: a request was made with other details than the register's. */
export function ownerNotice(p: OwnerNoticeParams, language: Language): RenderedEmail {
  const w = ownerWords[language];
  const rows: [string, string][] = [
    ...(p.email ? [[w.email, p.email] as [string, string]] : []),
    ...(p.ibanEnd ? [[w.iban, `…${p.ibanEnd}`] as [string, string]] : []),
  ];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(euros(p.amountCents, language))),
        rows.length > 0 && block.facts(rows),
        block.p(w.act(day(p.holdUntil, language))),
        block.actions([{ label: w.button, url: confirmationUrl(p.publicUrl, p.token) }]),
      ],
    },
    language,
  );
}

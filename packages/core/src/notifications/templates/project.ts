import type { Language } from "../../i18n/language";
import { day, euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import {
  type DecisionLinks,
  decisionBlocks,
  type StatusLink,
  statusBlock,
  type Words,
} from "./common";
import { confirmationUrl } from "./payout-account";

/** The emails of an initiative-support project: co-applicants, its stop, its tranche checks. */

export interface CoApplicantConfirmationParams {
  publicUrl: string;
  requestId: string;
  /** The co-applicant's confirmation token (bound to their registered address). */
  token: string;
  title: string;
  leadName: string;
  amountCents: number;
  /** Until when the link works (ISO timestamp). */
  confirmBy: string;
  /** The one reminder before the deadline, to a co-applicant who has not answered yet. */
  reminder?: boolean;
}

const coWords: Words<{
  subject: (ref: string) => string;
  reminder: string;
  heading: string;
  intro: (lead: string, title: string, amount: string) => string;
  act: (when: string) => string;
  button: string;
}> = {
  fr: {
    subject: (ref) => `Confirmez votre participation au projet [${ref}]`,
    reminder: "Rappel",
    heading: "Faites-vous partie de ce projet ?",
    intro: (lead, title, amount) =>
      `${lead} a demandé au fonds d'appui aux initiatives ${amount} pour le projet « ${title} », en vous citant parmi les membres du projet.`,
    act: (when) =>
      `Confirmez depuis cette adresse, celle de notre registre des membres, au plus tard le ${when}. Sans votre confirmation, ou si vous refusez, la demande s'arrête.`,
    button: "Confirmer ou refuser",
  },
  nl: {
    subject: (ref) => `Bevestig uw deelname aan het project [${ref}]`,
    reminder: "Herinnering",
    heading: "Maakt u deel uit van dit project?",
    intro: (lead, title, amount) =>
      `${lead} vroeg het steunfonds voor initiatieven ${amount} voor het project ‘${title}’ en noemde u als lid van het project.`,
    act: (when) =>
      `Bevestig vanaf dit adres, dat van ons ledenregister, uiterlijk op ${when}. Zonder uw bevestiging, of als u weigert, stopt de aanvraag.`,
    button: "Bevestigen of weigeren",
  },
  en: {
    subject: (ref) => `Confirm that you take part in the project [${ref}]`,
    reminder: "Reminder",
    heading: "Are you part of this project?",
    intro: (lead, title, amount) =>
      `${lead} asked the initiatives fund for ${amount} for the project “${title}”, naming you as one of its members.`,
    act: (when) =>
      `Confirm from this address, the one in our members register, by ${when}. Without your confirmation, or if you decline, the request stops.`,
    button: "Confirm or decline",
  },
};

/** To a co-applicant, at the register's address: confirm before the committee decides. */
export function coApplicantConfirmation(
  p: CoApplicantConfirmationParams,
  language: Language,
): RenderedEmail {
  const w = coWords[language];
  return renderEmail(
    {
      subject: p.reminder ? `${w.reminder}: ${w.subject(p.requestId)}` : w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(p.leadName, p.title, euros(p.amountCents, language))),
        block.p(w.act(day(p.confirmBy, language))),
        block.actions([{ label: w.button, url: confirmationUrl(p.publicUrl, p.token) }]),
      ],
    },
    language,
  );
}

export interface ProjectStoppedParams extends StatusLink {
  /** The co-applicant who declined, or who did not answer in time. */
  memberNumber: string;
  cause: "declined" | "unconfirmed";
}

const stopWords: Words<{
  subject: (ref: string) => string;
  heading: string;
  declined: (member: string) => string;
  unconfirmed: (member: string) => string;
  next: string;
}> = {
  fr: {
    subject: (ref) => `Demande arrêtée : un membre du projet n'a pas confirmé [${ref}]`,
    heading: "Votre demande s'arrête",
    declined: (m) => `Le membre ${m} a refusé de figurer dans le projet.`,
    unconfirmed: (m) => `Le membre ${m} n'a pas confirmé sa participation à temps.`,
    next: "Rien n'a été soumis au comité. Vous pouvez introduire une nouvelle demande avec les membres qui confirment.",
  },
  nl: {
    subject: (ref) => `Aanvraag gestopt: een projectlid bevestigde niet [${ref}]`,
    heading: "Uw aanvraag stopt",
    declined: (m) => `Lid ${m} weigerde in het project te staan.`,
    unconfirmed: (m) => `Lid ${m} bevestigde de deelname niet op tijd.`,
    next: "Er werd niets aan het comité voorgelegd. U kunt een nieuwe aanvraag indienen met de leden die bevestigen.",
  },
  en: {
    subject: (ref) => `Request stopped: a project member did not confirm [${ref}]`,
    heading: "Your request stops here",
    declined: (m) => `Member ${m} declined to be part of the project.`,
    unconfirmed: (m) => `Member ${m} did not confirm in time.`,
    next: "Nothing went to the committee. You may submit a new request with the members who confirm.",
  },
};

/** To the lead applicant: a co-applicant declined or did not answer, the request stops. */
export function projectStopped(p: ProjectStoppedParams, language: Language): RenderedEmail {
  const w = stopWords[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(
          p.cause === "declined" ? w.declined(p.memberNumber) : w.unconfirmed(p.memberNumber),
        ),
        block.p(w.next),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

export interface TrancheCheckParams extends DecisionLinks {
  requestId: string;
  title: string;
  tranche: number;
  of: number;
  milestone: string;
  amountCents: number;
  report: string;
}

const checkWords: Words<{
  subject: (n: number, of: number, ref: string) => string;
  heading: string;
  intro: (title: string, amount: string) => string;
  milestone: string;
  report: string;
}> = {
  fr: {
    subject: (n, of, ref) => `Rapport à vérifier — tranche ${n} sur ${of} [${ref}]`,
    heading: "Un rapport d'étape attend votre vérification",
    intro: (title, amount) =>
      `Le projet « ${title} » demande sa tranche suivante (${amount}). Approuvez-la, demandez des précisions ou refusez-la.`,
    milestone: "Étape prévue",
    report: "Rapport des porteurs du projet",
  },
  nl: {
    subject: (n, of, ref) => `Verslag na te kijken — schijf ${n} van ${of} [${ref}]`,
    heading: "Een tussentijds verslag wacht op uw controle",
    intro: (title, amount) =>
      `Het project ‘${title}’ vraagt zijn volgende schijf (${amount}). Keur ze goed, vraag meer uitleg of weiger ze.`,
    milestone: "Geplande mijlpaal",
    report: "Verslag van de projectdragers",
  },
  en: {
    subject: (n, of, ref) => `Report to check — tranche ${n} of ${of} [${ref}]`,
    heading: "A milestone report awaits your check",
    intro: (title, amount) =>
      `The project “${title}” asks for its next tranche (${amount}). Approve it, ask for more information or reject it.`,
    milestone: "Planned milestone",
    report: "The applicants' report",
  },
};

/** To the committee member who checks a milestone report before the tranche is paid. */
export function trancheCheck(p: TrancheCheckParams, language: Language): RenderedEmail {
  const w = checkWords[language];
  return renderEmail(
    {
      subject: w.subject(p.tranche, p.of, p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(p.title, euros(p.amountCents, language))),
        block.quote(w.milestone, p.milestone),
        block.quote(w.report, p.report),
        ...decisionBlocks(p, language),
      ],
    },
    language,
  );
}

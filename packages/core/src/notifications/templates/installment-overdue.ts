import type { Language } from "../../i18n/language";
import type { Installment } from "../../loans/schedule";
import { day, euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, type Words } from "./common";
import { type RepaymentInstructions, repaymentBlock } from "./loan-common";

export interface InstallmentOverdueParams extends RepaymentInstructions, StatusLink {
  requestId: string;
  installment: Installment;
  of: number;
  /** What is due and unpaid to date, all overdue installments together. */
  outstandingCents: number;
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (n: number, of: number, amount: string, date: string) => string;
  outstanding: (amount: string) => string;
  talk: string;
}> = {
  fr: {
    subject: (ref) => `Mensualité impayée de votre prêt [${ref}]`,
    heading: "Une mensualité n'a pas été payée",
    intro: (n, of, amount, date) =>
      `Nous n'avons pas reçu la mensualité ${n} sur ${of}, de ${amount}, due le ${date}.`,
    outstanding: (amount) => `Montant à régler à ce jour : ${amount}.`,
    talk: "Si vous traversez une difficulté, répondez à cet e-mail : nous chercherons une solution avec vous.",
  },
  nl: {
    subject: (ref) => `Onbetaalde aflossing van uw lening [${ref}]`,
    heading: "Een aflossing werd niet betaald",
    intro: (n, of, amount, date) =>
      `We ontvingen aflossing ${n} van ${of}, ${amount}, vervallen op ${date}, niet.`,
    outstanding: (amount) => `Vandaag te betalen bedrag: ${amount}.`,
    talk: "Hebt u het moeilijk, antwoord dan op deze e-mail: we zoeken samen een oplossing.",
  },
  en: {
    subject: (ref) => `Unpaid installment of your loan [${ref}]`,
    heading: "An installment has not been paid",
    intro: (n, of, amount, date) =>
      `We have not received installment ${n} of ${of}, ${amount}, due on ${date}.`,
    outstanding: (amount) => `Amount due to date: ${amount}.`,
    talk: "If you are going through a difficulty, reply to this email: we will look for a solution with you.",
  },
};

/** To the member a week after an installment fell due unpaid. */
export function installmentOverdue(p: InstallmentOverdueParams, language: Language): RenderedEmail {
  const w = words[language];
  const i = p.installment;
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(i.number, p.of, euros(i.amountCents, language), day(i.dueDate, language))),
        block.p(w.outstanding(euros(p.outstandingCents, language))),
        repaymentBlock(p, language),
        block.p(w.talk),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

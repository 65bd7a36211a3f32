import type { Language } from "../../i18n/language";
import { day, euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, type Words } from "./common";

export interface LoanRepaidParams extends StatusLink {
  principalCents: number;
  /** The day the last repayment was recorded, `YYYY-MM-DD`. */
  repaidOn: string;
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (amount: string, date: string) => string;
  thanks: string;
}> = {
  fr: {
    subject: (ref) => `Prêt entièrement remboursé [${ref}]`,
    heading: "Votre prêt est remboursé",
    intro: (amount, date) =>
      `Avec le remboursement enregistré le ${date}, vous avez remboursé la totalité de votre prêt de ${amount}.`,
    thanks: "Merci : cet argent peut à présent aider un autre membre à relancer son activité.",
  },
  nl: {
    subject: (ref) => `Lening volledig terugbetaald [${ref}]`,
    heading: "Uw lening is terugbetaald",
    intro: (amount, date) =>
      `Met de terugbetaling geregistreerd op ${date} hebt u uw lening van ${amount} volledig terugbetaald.`,
    thanks: "Dank u: dit geld kan nu een ander lid helpen zijn activiteit te herstarten.",
  },
  en: {
    subject: (ref) => `Loan fully repaid [${ref}]`,
    heading: "Your loan is repaid",
    intro: (amount, date) =>
      `With the repayment recorded on ${date}, you have repaid the whole of your ${amount} loan.`,
    thanks: "Thank you: this money can now help another member relaunch their activity.",
  },
};

/** To the member once repayments cover the whole principal. */
export function loanRepaid(p: LoanRepaidParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(euros(p.principalCents, language), day(p.repaidOn, language))),
        block.p(w.thanks),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

import type { Language } from "../../i18n/language";
import type { Installment } from "../../loans/schedule";
import { day, euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, type Words } from "./common";
import { type RepaymentInstructions, repaymentBlock } from "./loan-common";

export interface LoanScheduleParams extends RepaymentInstructions, StatusLink {
  requestId: string;
  principalCents: number;
  installments: readonly Installment[];
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (amount: string, count: number) => string;
  caption: string;
  head: [string, string, string];
}> = {
  fr: {
    subject: (ref) => `Votre prêt de relance : échéancier [${ref}]`,
    heading: "L'échéancier de votre prêt",
    intro: (amount, count) =>
      `Votre prêt à 0 % de ${amount} se rembourse en ${count} mensualités. Nous vous rappellerons chaque échéance une semaine avant.`,
    caption: "Échéancier",
    head: ["N°", "Échéance", "Montant"],
  },
  nl: {
    subject: (ref) => `Uw relancelening: aflossingsschema [${ref}]`,
    heading: "Het aflossingsschema van uw lening",
    intro: (amount, count) =>
      `Uw lening aan 0 % van ${amount} wordt terugbetaald in ${count} maandelijkse aflossingen. We herinneren u een week voor elke vervaldag.`,
    caption: "Aflossingsschema",
    head: ["Nr.", "Vervaldag", "Bedrag"],
  },
  en: {
    subject: (ref) => `Your relaunch loan: repayment schedule [${ref}]`,
    heading: "Your loan's repayment schedule",
    intro: (amount, count) =>
      `Your 0% loan of ${amount} is repaid in ${count} monthly installments. We will remind you a week before each due date.`,
    caption: "Repayment schedule",
    head: ["No.", "Due date", "Amount"],
  },
};

/** To the member once the loan is paid out: every installment, and how to repay. */
export function loanSchedule(p: LoanScheduleParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(euros(p.principalCents, language), p.installments.length)),
        block.table(
          w.caption,
          w.head,
          p.installments.map((i) => [
            String(i.number),
            day(i.dueDate, language),
            euros(i.amountCents, language),
          ]),
        ),
        repaymentBlock(p, language),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

import type { Language } from "../../i18n/language";
import type { Installment } from "../../loans/schedule";
import { day, euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, type Words } from "./common";
import { type RepaymentInstructions, repaymentBlock } from "./loan-common";

export interface InstallmentReminderParams extends RepaymentInstructions, StatusLink {
  requestId: string;
  installment: Installment;
  /** How many installments the loan has. */
  of: number;
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (n: number, of: number, amount: string, date: string) => string;
}> = {
  fr: {
    subject: (ref) => `Prochaine mensualité de votre prêt [${ref}]`,
    heading: "Votre prochaine mensualité",
    intro: (n, of, amount, date) =>
      `La mensualité ${n} sur ${of}, de ${amount}, est due le ${date}.`,
  },
  nl: {
    subject: (ref) => `Volgende aflossing van uw lening [${ref}]`,
    heading: "Uw volgende aflossing",
    intro: (n, of, amount, date) => `Aflossing ${n} van ${of}, ${amount}, vervalt op ${date}.`,
  },
  en: {
    subject: (ref) => `Next installment of your loan [${ref}]`,
    heading: "Your next installment",
    intro: (n, of, amount, date) => `Installment ${n} of ${of}, ${amount}, is due on ${date}.`,
  },
};

/** To the member a week before an installment is due. */
export function installmentReminder(
  p: InstallmentReminderParams,
  language: Language,
): RenderedEmail {
  const w = words[language];
  const i = p.installment;
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(i.number, p.of, euros(i.amountCents, language), day(i.dueDate, language))),
        repaymentBlock(p, language),
        statusBlock(p, language),
      ],
    },
    language,
  );
}

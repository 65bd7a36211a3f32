import type { Language } from "../../i18n/language";
import { day } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import type { Words } from "./common";
import { type RecoveryParams, recoveryBlock } from "./recovery-common";

export interface RecoveryReminderParams extends RecoveryParams {
  /** When the invitation was sent (`YYYY-MM-DD`). */
  invitedOn: string;
}

const words: Words<{
  subject: (member: string) => string;
  heading: string;
  greeting: (client: string) => string;
  intro: (date: string) => string;
  ignore: string;
}> = {
  fr: {
    subject: (member) => `Rappel : frais d'annulation de la prestation de ${member}`,
    heading: "Un rappel amical",
    greeting: (client) => `Bonjour ${client},`,
    intro: (date) =>
      `Le ${date}, nous vous avons invité à honorer les frais d'annulation ci-dessous. Nous n'avons pas encore reçu votre paiement.`,
    ignore: "Si vous avez payé entre-temps, merci, et ne tenez pas compte de ce message.",
  },
  nl: {
    subject: (member) => `Herinnering: annuleringskosten van de prestatie van ${member}`,
    heading: "Een vriendelijke herinnering",
    greeting: (client) => `Beste ${client},`,
    intro: (date) =>
      `Op ${date} nodigden we u uit de onderstaande annuleringskosten te betalen. We ontvingen uw betaling nog niet.`,
    ignore: "Hebt u intussen betaald, dank u, en beschouw dit bericht als onbestaande.",
  },
  en: {
    subject: (member) => `Reminder: cancellation costs of ${member}'s work`,
    heading: "A friendly reminder",
    greeting: (client) => `Dear ${client},`,
    intro: (date) =>
      `On ${date} we invited you to honour the cancellation costs below. We have not received your payment yet.`,
    ignore: "If you have paid in the meantime, thank you, and please disregard this message.",
  },
};

/** To the client who has not paid 30 days after the invitation. */
export function recoveryReminder(p: RecoveryReminderParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: w.subject(p.memberName),
      heading: w.heading,
      blocks: [
        block.p(w.greeting(p.clientName)),
        block.p(w.intro(day(p.invitedOn, language))),
        recoveryBlock(p, language),
        block.p(w.ignore),
      ],
    },
    language,
  );
}

import type { Language } from "../../i18n/language";
import { euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import type { Words } from "./common";
import { type RecoveryParams, recoveryBlock } from "./recovery-common";

export type RecoveryInvitationParams = RecoveryParams;

const words: Words<{
  subject: (member: string) => string;
  heading: string;
  greeting: (client: string) => string;
  intro: (member: string, amount: string) => string;
  why: string;
}> = {
  fr: {
    subject: (member) => `Frais d'annulation de la prestation de ${member}`,
    heading: "Une invitation à honorer les frais d'annulation",
    greeting: (client) => `Bonjour ${client},`,
    intro: (member, amount) =>
      `Vous aviez engagé ${member}, membre de notre coopérative, pour une prestation qui a été annulée. La coopérative a indemnisé ${member} ; nous vous invitons à honorer les frais d'annulation de ${amount}.`,
    why: "Les montants récupérés retournent au fonds de solidarité, qui aide d'autres travailleurs. Merci de votre soutien.",
  },
  nl: {
    subject: (member) => `Annuleringskosten van de prestatie van ${member}`,
    heading: "Een uitnodiging om de annuleringskosten te betalen",
    greeting: (client) => `Beste ${client},`,
    intro: (member, amount) =>
      `U had ${member}, lid van onze coöperatie, geboekt voor een prestatie die werd geannuleerd. De coöperatie heeft ${member} vergoed; we nodigen u uit de annuleringskosten van ${amount} te betalen.`,
    why: "Teruggevorderde bedragen gaan terug naar het solidariteitsfonds, dat andere werkenden helpt. Dank voor uw steun.",
  },
  en: {
    subject: (member) => `Cancellation costs of ${member}'s work`,
    heading: "An invitation to honour the cancellation costs",
    greeting: (client) => `Dear ${client},`,
    intro: (member, amount) =>
      `You had engaged ${member}, a member of our cooperative, for work that was cancelled. The cooperative has compensated ${member}; we invite you to honour the cancellation costs of ${amount}.`,
    why: "Recovered amounts return to the solidarity fund, which helps other workers. Thank you for your support.",
  },
};

/** To the client who cancelled a member's work (§6), with the payment reference. */
export function recoveryInvitation(p: RecoveryInvitationParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: w.subject(p.memberName),
      heading: w.heading,
      blocks: [
        block.p(w.greeting(p.clientName)),
        block.p(w.intro(p.memberName, euros(p.amountCents, language))),
        recoveryBlock(p, language),
        block.p(w.why),
      ],
    },
    language,
  );
}

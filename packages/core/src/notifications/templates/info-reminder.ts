import type { Language } from "../../i18n/language";
import { type RenderedEmail, renderEmail } from "../layout";
import type { Words } from "./common";
import { type InfoNeededParams, infoBlocks } from "./info-needed";

export type InfoReminderParams = InfoNeededParams;

const words: Words<{ subject: (ref: string) => string; heading: string; intro: string }> = {
  fr: {
    subject: (ref) => `Rappel : informations attendues pour votre demande [${ref}]`,
    heading: "Nous attendons toujours votre réponse",
    intro: "Votre demande est en attente : il nous manque encore ce qui suit.",
  },
  nl: {
    subject: (ref) => `Herinnering: informatie verwacht voor uw aanvraag [${ref}]`,
    heading: "We wachten nog op uw antwoord",
    intro: "Uw aanvraag staat stil: we missen nog het volgende.",
  },
  en: {
    subject: (ref) => `Reminder: information awaited for your request [${ref}]`,
    heading: "We are still waiting for your answer",
    intro: "Your request is on hold: we still need the following.",
  },
};

/** To the member who has not answered a request for information yet. */
export function infoReminder(p: InfoReminderParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: infoBlocks(p, language, w.intro),
    },
    language,
  );
}

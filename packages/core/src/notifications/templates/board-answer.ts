import type { Language } from "../../i18n/language";
import { block, type RenderedEmail, renderEmail } from "../layout";
import type { BoardPostRef } from "./board";
import type { Words } from "./common";

const answerWords: Words<{
  subject: (t: string) => string;
  heading: string;
  intro: (name: string) => string;
  message: string;
  reply: string;
  safety: string;
}> = {
  fr: {
    subject: (t) => `Réponse à votre annonce : ${t}`,
    heading: "Quelqu'un répond à votre annonce",
    intro: (name) =>
      `${name} a répondu à votre annonce sur le tableau d'entraide. La coopérative vous transmet son message ; votre adresse ne lui a pas été communiquée.`,
    message: "Son message",
    reply:
      "Pour lui répondre, répondez simplement à cet e-mail : votre réponse ira directement à cette personne, qui verra alors votre adresse. Vous n'êtes pas obligé·e de répondre.",
    safety:
      "Ne communiquez jamais de code bancaire ni de mot de passe. En cas d'abus, signalez l'annonce ou écrivez à la coopérative.",
  },
  nl: {
    subject: (t) => `Antwoord op uw zoekertje: ${t}`,
    heading: "Iemand antwoordt op uw zoekertje",
    intro: (name) =>
      `${name} antwoordde op uw zoekertje op het solidariteitsbord. De coöperatie stuurt u het bericht door; uw adres werd niet meegedeeld.`,
    message: "Het bericht",
    reply:
      "Wilt u antwoorden? Antwoord gewoon op deze e-mail: uw antwoord gaat rechtstreeks naar het adres van deze persoon, die dan ook het uwe ziet. U hoeft niet te antwoorden.",
    safety:
      "Deel nooit bankcodes of wachtwoorden. Bij misbruik: meld het zoekertje of schrijf de coöperatie.",
  },
  en: {
    subject: (t) => `Answer to your post: ${t}`,
    heading: "Someone answers your post",
    intro: (name) =>
      `${name} answered your post on the mutual-aid board. The cooperative relays their message; your address was not given to them.`,
    message: "Their message",
    reply:
      "To answer, simply reply to this email: your reply goes straight to their address, and they will then see yours. You need not answer.",
    safety:
      "Never share bank codes or passwords. In case of abuse, report the post or write to the cooperative.",
  },
};

/** To the author: a relayed answer; the answerer's address is only in the Reply-To header. */
export function boardAnswer(
  p: BoardPostRef & { name: string; message: string },
  language: Language,
): RenderedEmail {
  const w = answerWords[language];
  return renderEmail(
    {
      subject: w.subject(p.title),
      heading: w.heading,
      blocks: [
        block.p(w.intro(p.name)),
        block.quote(w.message, p.message),
        block.p(w.reply),
        block.note(w.safety),
      ],
    },
    language,
  );
}

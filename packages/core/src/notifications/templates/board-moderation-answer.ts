import type { Language } from "../../i18n/language";
import { moment } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import type { Words } from "./common";

/** A moderator's decision (the board's `moderationDecisions`; notifications sit below the board). */
type ModerationDecision = "hide" | "keep" | "warn";

/** Why a moderator's reply decided nothing. */
export type ModerationAnswerCode = "not-understood" | "decided" | "expired" | "unknown";

export interface BoardModerationAnswerParams {
  code: ModerationAnswerCode;
  /** The reported post's title, when the reply's link is one we know. */
  title?: string;
  /** The reply's new text as we read it (quotes and signature removed). */
  replyText?: string;
  /** Who decided what and when, for a reply that came after a decision. */
  decisions?: readonly { decision: ModerationDecision; by: string; at: string }[];
}

const words: Words<{
  subject: (title?: string) => string;
  headings: Record<ModerationAnswerCode, string>;
  texts: Record<ModerationAnswerCode, string>;
  read: string;
  decided: string;
  decisions: Record<ModerationDecision, string>;
  by: (decision: string, who: string, when: string) => string;
  write: string[];
}> = {
  fr: {
    subject: (t) => `Votre réponse n'a rien décidé${t ? ` : ${t}` : ""}`,
    headings: {
      "not-understood": "Nous n'avons pas compris votre réponse",
      decided: "Ce signalement a déjà été décidé",
      expired: "Ce signalement n'est plus ouvert",
      unknown: "Nous ne reconnaissons pas cette adresse de réponse",
    },
    texts: {
      "not-understood": "Par prudence, votre réponse n'a rien décidé.",
      decided: "Une décision a déjà été prise pour ce signalement : votre réponse n'a rien changé.",
      expired:
        "Le délai pour décider est passé (l'annonce a expiré entre-temps) : votre réponse n'a rien changé.",
      unknown:
        "Votre réponse ne correspond à aucun signalement en cours : elle n'a rien décidé. Répondez à l'e-mail du signalement lui-même, ou utilisez ses liens.",
    },
    read: "Ce que nous avons lu",
    decided: "Décision",
    decisions: { hide: "retirer", keep: "garder", warn: "garder et avertir" },
    by: (d, who, when) => `${d}, par ${who}, le ${when}`,
    write: [
      "Répondez en commençant votre message par l'un de ces mots :",
      "« RETIRER » pour retirer l'annonce du tableau ;",
      "« GARDER » pour la laisser en ligne ;",
      "« AVERTIR » pour la laisser en ligne et avertir son auteur·e.",
      "Ou utilisez les liens de l'e-mail du signalement.",
    ],
  },
  nl: {
    subject: (t) => `Uw antwoord heeft niets beslist${t ? `: ${t}` : ""}`,
    headings: {
      "not-understood": "We begrepen uw antwoord niet",
      decided: "Over deze melding werd al beslist",
      expired: "Deze melding is niet meer open",
      unknown: "We herkennen dit antwoordadres niet",
    },
    texts: {
      "not-understood": "Uit voorzorg heeft uw antwoord niets beslist.",
      decided: "Over deze melding werd al beslist: uw antwoord heeft niets veranderd.",
      expired:
        "De termijn om te beslissen is voorbij (het zoekertje is intussen verlopen): uw antwoord heeft niets veranderd.",
      unknown:
        "Uw antwoord hoort bij geen enkele openstaande melding: er werd niets beslist. Antwoord op de e-mail van de melding zelf, of gebruik de links erin.",
    },
    read: "Wat we lazen",
    decided: "Beslissing",
    decisions: { hide: "verwijderen", keep: "behouden", warn: "behouden en waarschuwen" },
    by: (d, who, when) => `${d}, door ${who}, op ${when}`,
    write: [
      "Begin uw antwoord met een van deze woorden:",
      "‘VERWIJDEREN’ om het zoekertje van het bord te halen;",
      "‘BEHOUDEN’ om het te laten staan;",
      "‘WAARSCHUWEN’ om het te laten staan en de auteur te waarschuwen.",
      "Of gebruik de links in de e-mail van de melding.",
    ],
  },
  en: {
    subject: (t) => `Your reply decided nothing${t ? `: ${t}` : ""}`,
    headings: {
      "not-understood": "We did not understand your reply",
      decided: "This report was already decided",
      expired: "This report is no longer open",
      unknown: "We do not recognise this reply address",
    },
    texts: {
      "not-understood": "To be safe, your reply decided nothing.",
      decided: "This report was already decided: your reply changed nothing.",
      expired:
        "The time to decide has passed (the post expired meanwhile): your reply changed nothing.",
      unknown:
        "Your reply matches no open report: it decided nothing. Reply to the report's email itself, or use its links.",
    },
    read: "What we read",
    decided: "Decision",
    decisions: { hide: "hide", keep: "keep", warn: "keep and warn" },
    by: (d, who, when) => `${d}, by ${who}, on ${when}`,
    write: [
      "Reply starting your message with one of these words:",
      "“HIDE” to take the post off the board;",
      "“KEEP” to leave it on the board;",
      "“WARN” to leave it on the board and warn its author.",
      "Or use the links of the report's email.",
    ],
  },
};

/** To a moderator whose reply decided nothing: why, what was decided, and what to write. */
export function boardModerationAnswer(
  p: BoardModerationAnswerParams,
  language: Language,
): RenderedEmail {
  const w = words[language];
  const [how, ...forms] = w.write;
  const decisions = (p.decisions ?? []).map(
    (d) => [w.decided, w.by(w.decisions[d.decision], d.by, moment(d.at, language))] as const,
  );
  return renderEmail(
    {
      subject: w.subject(p.title),
      heading: w.headings[p.code],
      blocks: [
        block.p(w.texts[p.code]),
        p.title !== undefined && block.p(p.title),
        decisions.length > 0 && block.facts(decisions),
        p.code === "not-understood" && block.quote(w.read, p.replyText || "—"),
        ["not-understood", "unknown"].includes(p.code) && block.list(how ?? "", forms),
      ],
    },
    language,
  );
}

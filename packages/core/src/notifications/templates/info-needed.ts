import type { Language } from "../../i18n/language";
import type { CheckResult } from "../../request-view/reasons";
import { renderReason } from "../../request-view/reasons";
import { day } from "../format";
import { type Block, block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, type Words } from "./common";

export interface InfoNeededParams extends StatusLink {
  /** The approver's question, when an approver asked. */
  message?: string;
  /** Failed checks to correct; only failures are shown, warnings name other people. */
  checks?: readonly CheckResult[];
  /** The last day to answer before the request expires (`YYYY-MM-DD`). */
  answerBy: string;
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: string;
  question: string;
  fix: string;
  by: (date: string) => string;
}> = {
  fr: {
    subject: (ref) => `Informations nécessaires pour votre demande [${ref}]`,
    heading: "Il nous manque des informations",
    intro:
      "Pour continuer l'examen de votre demande, nous avons besoin de ce qui suit. Répondez ou ajoutez des documents depuis le lien ci-dessous.",
    question: "La question posée",
    fix: "À corriger",
    by: (date) => `Répondez au plus tard le ${date}, sans quoi la demande expirera.`,
  },
  nl: {
    subject: (ref) => `Informatie nodig voor uw aanvraag [${ref}]`,
    heading: "We missen nog informatie",
    intro:
      "Om uw aanvraag verder te behandelen, hebben we het volgende nodig. Antwoord of voeg documenten toe via de link hieronder.",
    question: "De gestelde vraag",
    fix: "Te corrigeren",
    by: (date) => `Antwoord uiterlijk op ${date}, anders vervalt de aanvraag.`,
  },
  en: {
    subject: (ref) => `Information needed for your request [${ref}]`,
    heading: "We need more information",
    intro:
      "To go on examining your request we need the following. Answer or add documents from the link below.",
    question: "The question asked",
    fix: "To correct",
    by: (date) => `Answer by ${date} at the latest, or the request will expire.`,
  },
};

/** The blocks of a request for information; shared with its reminder. */
export function infoBlocks(
  p: InfoNeededParams,
  language: Language,
  intro: string,
): (Block | false)[] {
  const w = words[language];
  const failures = (p.checks ?? []).filter((c) => c.outcome === "fail");
  return [
    block.p(intro),
    p.message ? block.quote(w.question, p.message) : false,
    failures.length > 0
      ? block.list(
          w.fix,
          failures.map((c) => renderReason(c.reason, language)),
        )
      : false,
    statusBlock(p, language),
    block.p(w.by(day(p.answerBy, language))),
  ];
}

/** To the member: what is missing (an approver's question, failed checks) and where to answer. */
export function infoNeeded(p: InfoNeededParams, language: Language): RenderedEmail {
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

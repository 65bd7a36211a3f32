import type { Language } from "../../i18n/language";
import { boardOptionTexts, moderationDecisions } from "../../plan/board-options";
import { moderateUrl } from "../board-links";
import { list, moment } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import type { BoardPostRef } from "./board";
import type { Words } from "./common";

const moderationWords: Words<{
  subject: (t: string) => string;
  heading: string;
  intro: string;
  reasons: string;
  post: string;
  decisions: Record<(typeof moderationDecisions)[number], string>;
  until: (w: string) => string;
}> = {
  fr: {
    subject: (t) => `Annonce signalée : ${t}`,
    heading: "Une annonce a été signalée",
    intro:
      "Choisissez ci-dessous : la page vous montrera l'annonce et n'enregistrera votre décision qu'après confirmation.",
    reasons: "Motifs",
    post: "L'annonce",
    decisions: { hide: "Retirer", keep: "Garder", warn: "Garder et avertir" },
    until: (w) => `Ces liens sont valables jusqu'au ${w}.`,
  },
  nl: {
    subject: (t) => `Zoekertje gemeld: ${t}`,
    heading: "Er werd een zoekertje gemeld",
    intro:
      "Kies hieronder: de pagina toont het zoekertje en legt uw beslissing pas na bevestiging vast.",
    reasons: "Redenen",
    post: "Het zoekertje",
    decisions: { hide: "Verwijderen", keep: "Behouden", warn: "Behouden en waarschuwen" },
    until: (w) => `Deze links zijn geldig tot ${w}.`,
  },
  en: {
    subject: (t) => `Post reported: ${t}`,
    heading: "A post was reported",
    intro: "Choose below: the page shows the post and records your decision only once you confirm.",
    reasons: "Reasons",
    post: "The post",
    decisions: { hide: "Hide", keep: "Keep", warn: "Keep and warn" },
    until: (w) => `These links work until ${w}.`,
  },
};

/** To each moderator: a reported post and the decision links (scanner-safe, like approvals). */
export function boardModeration(
  p: BoardPostRef & {
    publicUrl: string;
    token: string;
    text: string;
    reasons: readonly (keyof typeof boardOptionTexts.reason)[];
    expiresAt?: string;
  },
  language: Language,
): RenderedEmail {
  const w = moderationWords[language];
  return renderEmail(
    {
      subject: w.subject(p.title),
      heading: w.heading,
      blocks: [
        block.p(w.intro),
        block.facts([
          [
            w.reasons,
            list(
              p.reasons.map((r) => boardOptionTexts.reason[r][language]),
              language,
            ),
          ],
        ]),
        block.quote(p.title, p.text),
        block.actions(
          moderationDecisions.map((d) => ({
            label: w.decisions[d],
            url: moderateUrl(p.publicUrl, p.token, d),
          })),
        ),
        p.expiresAt !== undefined && block.note(w.until(moment(p.expiresAt, language))),
      ],
    },
    language,
  );
}

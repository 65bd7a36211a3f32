import type { Language } from "../../i18n/language";
import { block, type RenderedEmail, renderEmail } from "../layout";
import type { ReplyDecision } from "../replies/parse-reply";
import type { Words } from "./common";

/** What became of an approver's reply that was understood: recorded, or refused and why. */
export type ReplyAnsweredParams =
  | { requestId: string; outcome: "decided"; decision: ReplyDecision }
  | { requestId: string; outcome: "refused"; code: string };

type Refusal = "token.used" | "token.expired" | "other";

const words: Words<{
  subject: Record<"decided" | "refused", (ref: string) => string>;
  heading: Record<"decided" | "refused", string>;
  decided: Record<ReplyDecision, string>;
  refused: Record<Refusal, string>;
}> = {
  fr: {
    subject: {
      decided: (ref) => `Votre décision est enregistrée [${ref}]`,
      refused: (ref) => `Votre réponse n'a rien décidé [${ref}]`,
    },
    heading: { decided: "Décision enregistrée", refused: "Rien n'a été décidé" },
    decided: {
      approve: "Votre approbation, envoyée par réponse à l'e-mail, est enregistrée.",
      reject: "Votre refus, envoyé par réponse à l'e-mail, est enregistré avec son motif.",
      "request-info": "Votre question, envoyée par réponse à l'e-mail, est transmise au membre.",
    },
    refused: {
      "token.used": "Une décision a déjà été prise avec ce lien : votre réponse n'a rien changé.",
      "token.expired": "Ce lien de décision a expiré : votre réponse n'a rien décidé.",
      other:
        "Cette demande n'attend plus votre décision (elle a été décidée ou a changé d'étape) : votre réponse n'a rien changé.",
    },
  },
  nl: {
    subject: {
      decided: (ref) => `Uw beslissing is geregistreerd [${ref}]`,
      refused: (ref) => `Uw antwoord heeft niets beslist [${ref}]`,
    },
    heading: { decided: "Beslissing geregistreerd", refused: "Er werd niets beslist" },
    decided: {
      approve: "Uw goedkeuring, verstuurd als antwoord op de e-mail, is geregistreerd.",
      reject: "Uw weigering, verstuurd als antwoord op de e-mail, is geregistreerd met de reden.",
      "request-info": "Uw vraag, verstuurd als antwoord op de e-mail, is aan het lid doorgegeven.",
    },
    refused: {
      "token.used": "Met deze link werd al beslist: uw antwoord heeft niets veranderd.",
      "token.expired": "Deze beslissingslink is verlopen: uw antwoord heeft niets beslist.",
      other:
        "Deze aanvraag wacht niet meer op uw beslissing (er werd beslist of ze is in een andere stap): uw antwoord heeft niets veranderd.",
    },
  },
  en: {
    subject: {
      decided: (ref) => `Your decision is recorded [${ref}]`,
      refused: (ref) => `Your reply decided nothing [${ref}]`,
    },
    heading: { decided: "Decision recorded", refused: "Nothing was decided" },
    decided: {
      approve: "Your approval, sent as a reply to the email, is recorded.",
      reject: "Your rejection, sent as a reply to the email, is recorded with its reason.",
      "request-info": "Your question, sent as a reply to the email, is passed on to the member.",
    },
    refused: {
      "token.used": "A decision was already made with this link: your reply changed nothing.",
      "token.expired": "This decision link has expired: your reply decided nothing.",
      other:
        "This request no longer awaits your decision (it was decided or moved on): your reply changed nothing.",
    },
  },
};

/** To an approver who decided by replying: what their reply did, in their language. */
export function replyAnswered(p: ReplyAnsweredParams, language: Language): RenderedEmail {
  const w = words[language];
  const text =
    p.outcome === "decided"
      ? w.decided[p.decision]
      : w.refused[p.code === "token.used" || p.code === "token.expired" ? p.code : "other"];
  return renderEmail(
    {
      subject: w.subject[p.outcome](p.requestId),
      heading: w.heading[p.outcome],
      blocks: [block.p(text)],
    },
    language,
  );
}

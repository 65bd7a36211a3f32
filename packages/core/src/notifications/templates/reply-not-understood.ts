import type { Language } from "../../i18n/language";
import { list } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import type { Ambiguity, ReplyDecision } from "../replies/parse-reply";
import type { Words } from "./common";

export interface ReplyNotUnderstoodParams {
  requestId: string;
  /** Why the reply decided nothing, from `parseReply`. */
  ambiguity: Ambiguity;
  /** The reply's new text as we read it (quotes and signature removed). */
  replyText: string;
}

const words: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: string;
  read: string;
  understood: string;
  codes: Record<Ambiguity["code"], string>;
  decisions: Record<ReplyDecision, string>;
  found: (decisions: string) => string;
  write: string[];
}> = {
  fr: {
    subject: (ref) => `Réponse non comprise : rien n'a été décidé [${ref}]`,
    heading: "Nous n'avons pas compris votre réponse",
    intro: "Votre réponse n'a rien décidé, par prudence.",
    read: "Ce que nous avons lu",
    understood: "Ce que nous en avons compris",
    codes: {
      empty:
        "Votre réponse ne contenait pas de texte nouveau (seulement le message cité ou une signature).",
      "no-decision": "Votre réponse ne commence pas par une décision.",
      "reason-missing":
        "Un refus ou une demande d'informations doit être suivi de son motif ou de votre question.",
      contradictory: "Votre réponse contient les mots de plusieurs décisions.",
      conditional:
        "Votre approbation est assortie d'une condition, d'un montant, d'une négation ou d'une question : pour approuver un montant inférieur, utilisez la page de décision.",
    },
    decisions: {
      approve: "une approbation",
      reject: "un refus",
      "request-info": "une demande d'informations",
    },
    found: (decisions) => `Nous y avons reconnu : ${decisions}.`,
    write: [
      "Répondez en commençant votre message par l'une de ces formes :",
      "« OK » ou « APPROUVÉ » pour approuver ;",
      "« REFUSÉ parce que » suivi du motif pour refuser ;",
      "« PLUS D'INFOS : » suivi de votre question.",
      "Ou utilisez les liens de l'e-mail de départ.",
    ],
  },
  nl: {
    subject: (ref) => `Antwoord niet begrepen: er werd niets beslist [${ref}]`,
    heading: "We begrepen uw antwoord niet",
    intro: "Uit voorzorg heeft uw antwoord niets beslist.",
    read: "Wat we lazen",
    understood: "Wat we ervan begrepen",
    codes: {
      empty:
        "Uw antwoord bevatte geen nieuwe tekst (alleen het geciteerde bericht of een handtekening).",
      "no-decision": "Uw antwoord begint niet met een beslissing.",
      "reason-missing":
        "Een weigering of een vraag om informatie moet gevolgd worden door de reden of uw vraag.",
      contradictory: "Uw antwoord bevat woorden van meer dan één beslissing.",
      conditional:
        "Uw goedkeuring bevat een voorwaarde, een bedrag, een ontkenning of een vraag: gebruik de beslissingspagina om een lager bedrag goed te keuren.",
    },
    decisions: {
      approve: "een goedkeuring",
      reject: "een weigering",
      "request-info": "een vraag om informatie",
    },
    found: (decisions) => `We herkenden: ${decisions}.`,
    write: [
      "Begin uw antwoord met een van deze vormen:",
      "‘OK’ of ‘GOEDGEKEURD’ om goed te keuren;",
      "‘AFGEWEZEN OMDAT’ gevolgd door de reden om te weigeren;",
      "‘MEER INFO:’ gevolgd door uw vraag.",
      "Of gebruik de links in de oorspronkelijke e-mail.",
    ],
  },
  en: {
    subject: (ref) => `Reply not understood: nothing was decided [${ref}]`,
    heading: "We did not understand your reply",
    intro: "To be safe, your reply decided nothing.",
    read: "What we read",
    understood: "What we understood",
    codes: {
      empty: "Your reply had no new text (only the quoted message or a signature).",
      "no-decision": "Your reply does not begin with a decision.",
      "reason-missing":
        "A rejection or a request for information must be followed by its reason or your question.",
      contradictory: "Your reply has the words of more than one decision.",
      conditional:
        "Your approval comes with a condition, an amount, a negation or a question: to approve a lower amount, use the decision page.",
    },
    decisions: {
      approve: "an approval",
      reject: "a rejection",
      "request-info": "a request for information",
    },
    found: (decisions) => `We recognised: ${decisions}.`,
    write: [
      "Reply starting your message with one of these:",
      "“OK” or “APPROVED” to approve;",
      "“REJECTED BECAUSE” followed by the reason to reject;",
      "“MORE INFO:” followed by your question.",
      "Or use the links of the original email.",
    ],
  },
};

/** To an approver whose reply was ambiguous: what we read and understood, and what to write. */
export function replyNotUnderstood(p: ReplyNotUnderstoodParams, language: Language): RenderedEmail {
  const w = words[language];
  const [how, ...forms] = w.write;
  const found = p.ambiguity.found.map((d) => w.decisions[d]);
  const understood = [
    w.codes[p.ambiguity.code],
    found.length > 0 ? w.found(list(found, language)) : "",
  ]
    .join(" ")
    .trim();
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro),
        block.quote(w.read, p.replyText || "—"),
        block.quote(w.understood, understood),
        block.list(how ?? "", forms),
      ],
    },
    language,
  );
}

/** A disputed request closed by operations: the registered member and the approvers are told. */
import type { Language } from "../../i18n/language";
import { euros } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type StatusLink, statusBlock, type Words } from "./common";

export interface DisputeClosedParams extends StatusLink {
  /** Why operations closed it, in their words. */
  reason: string;
}

const memberWords: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: string;
  reason: (why: string) => string;
}> = {
  fr: {
    subject: (ref) => `Demande contestée : close sans paiement [${ref}]`,
    heading: "La demande contestée est close",
    intro:
      "Vous nous avez dit ne pas être à l'origine de cette demande. Après vérification, nous l'avons close : rien n'a été ni ne sera payé.",
    reason: (why) => `Motif : ${why}`,
  },
  nl: {
    subject: (ref) => `Betwiste aanvraag: afgesloten zonder betaling [${ref}]`,
    heading: "De betwiste aanvraag is afgesloten",
    intro:
      "U liet ons weten dat deze aanvraag niet van u komt. Na controle hebben we ze afgesloten: er is niets betaald en er wordt niets betaald.",
    reason: (why) => `Reden: ${why}`,
  },
  en: {
    subject: (ref) => `Disputed request: closed unpaid [${ref}]`,
    heading: "The disputed request is closed",
    intro:
      "You told us you did not make this request. We looked into it and closed it: nothing was or will be paid.",
    reason: (why) => `Reason: ${why}`,
  },
};

/** To the registered member who disputed the request: closed, unpaid, and why. */
export function disputeClosed(p: DisputeClosedParams, language: Language): RenderedEmail {
  const w = memberWords[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [block.p(w.intro), block.p(w.reason(p.reason)), statusBlock(p, language)],
    },
    language,
  );
}

export interface DisputeClosedApproverParams {
  requestId: string;
  memberNumber: string;
  reason: string;
  /** What went back to the fund when the request held a reservation (cents). */
  releasedCents?: number;
}

const approverWords: Words<{
  subject: (ref: string) => string;
  heading: string;
  intro: (member: string) => string;
  released: (amount: string) => string;
  reason: (why: string) => string;
}> = {
  fr: {
    subject: (ref) => `Demande contestée close par les opérations [${ref}]`,
    heading: "Une demande contestée est close",
    intro: (member) =>
      `La demande contestée par le membre ${member} a été close par les opérations, sans paiement. Vous n'avez plus rien à décider.`,
    released: (amount) => `${amount} réservés pour elle sont retournés au fonds.`,
    reason: (why) => `Motif : ${why}`,
  },
  nl: {
    subject: (ref) => `Betwiste aanvraag afgesloten door operations [${ref}]`,
    heading: "Een betwiste aanvraag is afgesloten",
    intro: (member) =>
      `De aanvraag die lid ${member} betwistte, werd door operations afgesloten zonder betaling. U hoeft niets meer te beslissen.`,
    released: (amount) => `De ${amount} die ervoor gereserveerd was, gaat terug naar het fonds.`,
    reason: (why) => `Reden: ${why}`,
  },
  en: {
    subject: (ref) => `Disputed request closed by operations [${ref}]`,
    heading: "A disputed request is closed",
    intro: (member) =>
      `The request member ${member} disputed was closed by operations, unpaid. There is nothing left for you to decide.`,
    released: (amount) => `The ${amount} reserved for it went back to the fund.`,
    reason: (why) => `Reason: ${why}`,
  },
};

/** To the approvers who were told of the dispute: it is closed, unpaid. */
export function disputeClosedApprover(
  p: DisputeClosedApproverParams,
  language: Language,
): RenderedEmail {
  const w = approverWords[language];
  return renderEmail(
    {
      subject: w.subject(p.requestId),
      heading: w.heading,
      blocks: [
        block.p(w.intro(p.memberNumber)),
        ...(p.releasedCents ? [block.p(w.released(euros(p.releasedCents, language)))] : []),
        block.p(w.reason(p.reason)),
      ],
    },
    language,
  );
}

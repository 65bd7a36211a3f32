import type { Language } from "../../i18n/language";
import { list } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type ApprovalRequestParams, approvalSubject } from "./approval-request";
import { decisionBlocks, summaryBlocks, type Words } from "./common";

export interface ApprovalEscalationParams extends ApprovalRequestParams {
  /** The approvers who did not answer. */
  approvers: readonly string[];
  /** Days the request has waited for them. */
  waitingDays: number;
}

const words: Words<{
  subject: string;
  heading: string;
  intro: (days: number, who: string) => string;
}> = {
  fr: {
    subject: "Suppléance : demande à approuver",
    heading: "Vous êtes sollicité·e comme approbateur suppléant",
    intro: (days, who) =>
      `Cette demande attend depuis ${days} jours une décision de ${who}. Vous pouvez décider à leur place avec vos propres liens ci-dessous.`,
  },
  nl: {
    subject: "Vervanging: aanvraag ter goedkeuring",
    heading: "U wordt gevraagd als vervangende goedkeurder",
    intro: (days, who) =>
      `Deze aanvraag wacht al ${days} dagen op een beslissing van ${who}. U kunt in hun plaats beslissen met uw eigen links hieronder.`,
  },
  en: {
    subject: "Backup approval: request to approve",
    heading: "You are asked as a backup approver",
    intro: (days, who) =>
      `This request has waited ${days} days for a decision from ${who}. You may decide in their place with your own links below.`,
  },
};

/** To a backup approver after the reminders went unanswered; the links carry their own token. */
export function approvalEscalation(p: ApprovalEscalationParams, language: Language): RenderedEmail {
  const w = words[language];
  const who = list(p.approvers, language);
  return renderEmail(
    {
      subject: approvalSubject(w.subject, p, language),
      heading: w.heading,
      blocks: [
        block.p(w.intro(p.waitingDays, who)),
        ...summaryBlocks(p, language),
        ...decisionBlocks(p, language),
      ],
    },
    language,
  );
}

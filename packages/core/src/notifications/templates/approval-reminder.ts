import type { Language } from "../../i18n/language";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { type ApprovalRequestParams, approvalSubject } from "./approval-request";
import { decisionBlocks, summaryBlocks, type Words } from "./common";

export interface ApprovalReminderParams extends ApprovalRequestParams {
  /** Which reminder this is (1-based) … */
  reminder: number;
  /** … of how many before the request goes to the backup approvers. */
  of: number;
}

const words: Words<{ subject: (n: number, of: number) => string; heading: string; intro: string }> =
  {
    fr: {
      subject: (n, of) => `Rappel ${n}/${of} : demande à approuver`,
      heading: "Une demande attend toujours votre décision",
      intro:
        "Sans décision, la demande sera confiée aux approbateurs suppléants après le dernier rappel.",
    },
    nl: {
      subject: (n, of) => `Herinnering ${n}/${of}: aanvraag ter goedkeuring`,
      heading: "Een aanvraag wacht nog steeds op uw beslissing",
      intro:
        "Zonder beslissing gaat de aanvraag na de laatste herinnering naar de vervangende goedkeurders.",
    },
    en: {
      subject: (n, of) => `Reminder ${n}/${of}: request to approve`,
      heading: "A request still awaits your decision",
      intro:
        "Without a decision, the request goes to the backup approvers after the last reminder.",
    },
  };

/** To an approver who has not decided yet: reminder n of m, with the same links. */
export function approvalReminder(p: ApprovalReminderParams, language: Language): RenderedEmail {
  const w = words[language];
  return renderEmail(
    {
      subject: approvalSubject(w.subject(p.reminder, p.of), p, language),
      heading: w.heading,
      blocks: [block.p(w.intro), ...summaryBlocks(p, language), ...decisionBlocks(p, language)],
    },
    language,
  );
}

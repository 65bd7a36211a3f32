import type { Language } from "../../i18n/language";
import { euros, moment } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import type { Words } from "./common";

export interface BatchReadyParams {
  batchId: string;
  fund: string;
  payoutCount: number;
  totalCents: number;
  /** Signed download links of the batch's exports (CSV, SEPA pain.001). */
  downloads: readonly { name: string; url: string }[];
  /** When the links stop working (ISO timestamp; 7 days after signing). */
  expiresAt: string;
}

const words: Words<{
  subject: (fund: string, id: string) => string;
  heading: string;
  facts: [string, string, string, string];
  downloads: string;
  expires: (when: string) => string;
  next: string;
}> = {
  fr: {
    subject: (fund, id) => `Lot de paiements prêt : fonds ${fund} [${id}]`,
    heading: "Un lot de paiements est prêt",
    facts: ["Lot", "Fonds", "Paiements", "Total"],
    downloads: "Téléchargements",
    expires: (when) => `Liens valables jusqu'au ${when}.`,
    next: "Après exécution à la banque, marquez le lot payé (ou les paiements refusés) avec la CLI : chaque membre sera prévenu.",
  },
  nl: {
    subject: (fund, id) => `Betalingsreeks klaar: fonds ${fund} [${id}]`,
    heading: "Een reeks betalingen is klaar",
    facts: ["Reeks", "Fonds", "Betalingen", "Totaal"],
    downloads: "Downloads",
    expires: (when) => `Links geldig tot ${when}.`,
    next: "Markeer de reeks na uitvoering bij de bank als betaald (of de geweigerde betalingen) met de CLI: elk lid wordt verwittigd.",
  },
  en: {
    subject: (fund, id) => `Payout batch ready: ${fund} fund [${id}]`,
    heading: "A payout batch is ready",
    facts: ["Batch", "Fund", "Payouts", "Total"],
    downloads: "Downloads",
    expires: (when) => `Links work until ${when}.`,
    next: "Once the bank has executed it, mark the batch paid (or the refused payouts) with the CLI: each member will be told.",
  },
};

/** To finance: a batch was created, with signed expiring download links. */
export function batchReady(p: BatchReadyParams, language: Language): RenderedEmail {
  const w = words[language];
  const [batch, fund, count, total] = w.facts;
  return renderEmail(
    {
      subject: w.subject(p.fund, p.batchId),
      heading: w.heading,
      blocks: [
        block.facts([
          [batch, p.batchId],
          [fund, p.fund],
          [count, String(p.payoutCount)],
          [total, euros(p.totalCents, language)],
        ]),
        block.links(
          w.downloads,
          p.downloads.map((d) => ({ label: d.name, url: d.url })),
        ),
        block.note(w.expires(moment(p.expiresAt, language))),
        block.p(w.next),
      ],
    },
    language,
  );
}

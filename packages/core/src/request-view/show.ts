import { formatDate, formatEuros, formatNumber } from "../i18n/format";
import type { Language, Translated } from "../i18n/language";
import { formatMessage } from "../i18n/message";
import { fieldTexts, labelOf, optionTexts } from "./labels";
import type { RequestBody } from "./schemas";

const options = optionTexts as unknown as Record<string, Record<string, Translated>>;
const none: Translated = { fr: "aucun", nl: "geen", en: "none" };
const isDate = (key: string) => /(^|\.)(date|cancellationDate|dueDate)$/.test(key);

/** A typed value of a request as a person reads it: euros, dates, numbers and choices in `l`. */
export function showValue(key: string, value: unknown, l: Language): string {
  if (value === undefined || value === null || value === "") return none[l];
  if (/Cents$/.test(key) && typeof value === "number") return formatEuros(value, l);
  if (isDate(key) && typeof value === "string") return formatDate(value, l);
  if (typeof value === "number") return formatNumber(value, l);
  return options[key]?.[String(value)]?.[l] ?? String(value);
}

/** Fields an approver's summary leaves out: shown elsewhere (amount, explanation) or private. */
const LEFT_OUT = new Set([
  "type",
  "language",
  "iban",
  "documents",
  // Shown with the documents, as the approver's page and email mark them.
  "correspondenceDocuments",
  "clientConsent",
  "description",
  "cancellationReason",
  // Shown once above, as the member and the amount asked.
  "memberNumber",
  "grossAmountCents",
  "requestedAmountCents",
  "amountCents",
]);

const dayWords: Translated = {
  fr: "{hours, plural, one {# heure} other {# heures}}",
  nl: "{hours, plural, one {# uur} other {# uur}}",
  en: "{hours, plural, one {# hour} other {# hours}}",
};
const cachetWords: Translated = {
  fr: "{cachets, plural, one {# cachet} other {# cachets}}",
  nl: "{cachets, plural, one {# cachet} other {# cachets}}",
  en: "{cachets, plural, one {# cachet} other {# cachets}}",
};

/**
 * A request as labelled lines of text, in the request's field order, for an email: every
 * field named as the form names it, work days and expense lines one per line.
 */
export function detailRows(request: RequestBody, l: Language): [string, string][] {
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(request)) {
    if (LEFT_OUT.has(key) || !(key in fieldTexts)) continue;
    if (key === "client") {
      const client = value as { name: string; email?: string };
      rows.push([labelOf(["client", "name"], l), client.name]);
      if (client.email) rows.push([labelOf(["client", "email"], l), client.email]);
    } else if (key === "workDays") {
      const days = value as { date: string; hours?: number; cachets?: number }[];
      rows.push([
        labelOf(["workDays"], l),
        days
          .map((d) => {
            const extent =
              d.hours !== undefined
                ? formatMessage(dayWords[l], { hours: d.hours }, l)
                : d.cachets !== undefined
                  ? formatMessage(cachetWords[l], { cachets: d.cachets }, l)
                  : undefined;
            return extent ? `${formatDate(d.date, l)} (${extent})` : formatDate(d.date, l);
          })
          .join("; "),
      ]);
    } else if (key === "lines") {
      const lines = value as { date: string; description: string; amountCents: number }[];
      rows.push([
        labelOf(["lines"], l),
        lines
          .map(
            (x) => `${formatDate(x.date, l)} · ${x.description} · ${formatEuros(x.amountCents, l)}`,
          )
          .join("; "),
      ]);
    } else rows.push([labelOf([key], l), showValue(key, value, l)]);
  }
  return rows;
}

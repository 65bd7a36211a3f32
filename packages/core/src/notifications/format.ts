import { formatCents } from "../money/cents";
import type { Language } from "../requests/request-types";

const locales: Record<Language, string> = { fr: "fr-BE", nl: "nl-BE", en: "en-GB" };

/** The Intl locale an email in `language` is written in. */
export const localeOf = (language: Language) => locales[language];

/**
 * Integer cents as euros the reader's way ("1 234,56 €", "€ 1.234,56", "€1,234.56"). The
 * decimal string from {@link formatCents} goes to Intl as it is, so no float division rounds it.
 */
export function euros(cents: number, language: Language): string {
  const amount = formatCents(cents) as `${number}`;
  return new Intl.NumberFormat(locales[language], { style: "currency", currency: "EUR" }).format(
    amount,
  );
}

/** A calendar day (`YYYY-MM-DD`, or the day of an ISO timestamp in Brussels) in words. */
export function day(iso: string, language: Language): string {
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: "long",
    timeZone: iso.length === 10 ? "UTC" : "Europe/Brussels",
  }).format(date);
}

/** An instant (ISO timestamp) as a date and time in Brussels. */
export function moment(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Brussels",
  }).format(date);
}

/** Items as "a, b et c" / "a, b en c" / "a, b and c". */
export function list(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(locales[language], { type: "conjunction" }).format(items);
}

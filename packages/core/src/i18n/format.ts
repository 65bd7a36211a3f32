import { formatCents } from "../money/cents";
import { type Language, localeOf } from "./language";

/**
 * Integer cents as euros the reader's way ("1 234,56 €", "€ 1.234,56", "€1,234.56"). The
 * decimal string from {@link formatCents} goes to Intl as it is, so no float division rounds it.
 */
export function formatEuros(cents: number, language: Language): string {
  const amount = formatCents(cents) as `${number}`;
  return new Intl.NumberFormat(localeOf(language), { style: "currency", currency: "EUR" }).format(
    amount,
  );
}

/** A calendar day (`YYYY-MM-DD`, or the day of an ISO timestamp in Brussels) in words. */
export function formatDate(iso: string, language: Language): string {
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: "long",
    timeZone: iso.length === 10 ? "UTC" : "Europe/Brussels",
  }).format(date);
}

/** An instant (ISO timestamp) as a date and time in Brussels. */
export function formatMoment(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Brussels",
  }).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** Alternatives as "a, b ou c" / "a, b of c" / "a, b or c". */
export function formatChoices(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(localeOf(language), { type: "disjunction" }).format(items);
}

/** Items as "a, b et c" / "a, b en c" / "a, b and c". */
export function formatList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(localeOf(language), { type: "conjunction" }).format(items);
}

/** A field name quoted the way each language quotes. */
export function quote(text: string, language: Language): string {
  return { fr: `« ${text} »`, nl: `‘${text}’`, en: `“${text}”` }[language];
}

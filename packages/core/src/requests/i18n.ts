import { defaultLanguage, isLanguage, type Language } from "./request-types";

/** One text in each language of the product. */
export type Translated<T = string> = Record<Language, T>;

/** Parameters of a message: numbers, texts, lists. */
export type MessageParams = Record<
  string,
  string | number | boolean | readonly string[] | undefined
>;

const locales: Translated = { fr: "fr-BE", nl: "nl-BE", en: "en-GB" };

/** The language a body asks for, French when it asks for none we speak. */
export function languageOf(body: unknown): Language {
  const asked =
    typeof body === "object" && body !== null
      ? (body as { language?: unknown }).language
      : undefined;
  return isLanguage(asked) ? asked : defaultLanguage;
}

/** `123456` cents as "1 234,56 €" / "€ 1.234,56" / "€1,234.56". */
export function formatEuros(amountCents: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: "currency", currency: "EUR" }).format(
    amountCents / 100,
  );
}

/** `2020-03-16` as "16 mars 2020" / "16 maart 2020" / "16 March 2020". */
export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: "long", timeZone: "UTC" }).format(
    date,
  );
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

/** Alternatives as "a, b ou c" / "a, b of c" / "a, b or c". */
export function formatChoices(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(locales[language], { type: "disjunction" }).format(items);
}

/** A field name quoted the way each language quotes. */
export function quote(text: string, language: Language): string {
  return { fr: `« ${text} »`, nl: `‘${text}’`, en: `“${text}”` }[language];
}

/** Replaces `{name}` with `params.name`; an unknown name stays visible rather than vanishing. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

import { defaultLanguage, isLanguage, type Language } from "../i18n/language";
import { formatMessage } from "../i18n/message";

export {
  formatChoices,
  formatDate,
  formatEuros,
  formatList,
  formatMoment,
  formatNumber,
  quote,
} from "../i18n/format";
export type { Translated } from "../i18n/language";

/** Parameters of a message: numbers, texts, lists. */
export type MessageParams = Record<
  string,
  string | number | boolean | readonly string[] | undefined
>;

/** The language a body asks for, French when it asks for none we speak. */
export function languageOf(body: unknown): Language {
  const asked =
    typeof body === "object" && body !== null
      ? (body as { language?: unknown }).language
      : undefined;
  return isLanguage(asked) ? asked : defaultLanguage;
}

/** A catalogue message in `language`, placeholders and plurals filled from `params`. */
export function interpolate(
  template: string,
  params: Record<string, string | number>,
  language: Language = defaultLanguage,
): string {
  return formatMessage(template, params, language);
}

/** Languages of the form, the pages, the emails and the messages; French is the default. */
export const languages = ["fr", "nl", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "fr";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** One text (or any value) in each language of the product. */
export type Translated<T = string> = Record<Language, T>;

const locales: Translated = { fr: "fr-BE", nl: "nl-BE", en: "en-GB" };

/** The Intl locale a reader of `language` reads numbers, dates and plurals in. */
export const localeOf = (language: Language) => locales[language];

/**
 * The first of `preferred` (an Accept-Language header, or `navigator.languages`) that we
 * speak, by primary subtag: `nl-BE,fr;q=0.8` → `nl`. Quality values order the header.
 */
export function negotiateLanguage(preferred: string | readonly string[] | undefined | null) {
  const ranked =
    typeof preferred === "string"
      ? preferred
          .split(",")
          .map((part, i) => {
            const [tag = "", ...params] = part.trim().split(";");
            const q = Number(
              params
                .find((p) => p.trim().startsWith("q="))
                ?.trim()
                .slice(2) ?? 1,
            );
            return { tag, q: Number.isFinite(q) ? q : 0, i };
          })
          .filter((r) => r.q > 0)
          .sort((a, b) => b.q - a.q || a.i - b.i)
          .map((r) => r.tag)
      : (preferred ?? []);
  for (const tag of ranked) {
    const primary = tag.toLowerCase().split("-")[0];
    if (isLanguage(primary)) return primary;
  }
  return undefined;
}

import { negotiateLanguage } from "@entraide/core/i18n/language";
import type { Translated } from "@entraide/core/requests/i18n";
import {
  defaultLanguage,
  isLanguage,
  type Language,
  languages,
} from "@entraide/core/requests/request-types";
import { h } from "./dom";

const KEY = "entraide.lang";

function stored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    // Storage may be disabled (private modes); the choice then lasts for the page only.
    return null;
  }
}

/** The first of the browser's languages that we speak, if any. */
export const browserLanguage = () => negotiateLanguage(navigator.languages);

/**
 * The language asked by `?lang=` or chosen earlier with the switch, else the browser's, else
 * `fallback` (the reader's language in our registers), else French.
 */
export function pageLanguage(fallback?: Language): Language {
  const asked = new URLSearchParams(location.search).get("lang");
  if (isLanguage(asked)) return asked;
  const remembered = stored();
  if (isLanguage(remembered)) return remembered;
  return browserLanguage() ?? fallback ?? defaultLanguage;
}

export function hasChosenLanguage(): boolean {
  return isLanguage(new URLSearchParams(location.search).get("lang")) || isLanguage(stored());
}

/** Applies `language` to the document and remembers it; the address keeps `?lang=` in step. */
export function applyLanguage(language: Language, remember: boolean): void {
  document.documentElement.lang = language;
  if (remember) {
    try {
      localStorage.setItem(KEY, language);
    } catch {
      // See `stored`.
    }
    const url = new URL(location.href);
    url.searchParams.set("lang", language);
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }
}

const names: Translated = { fr: "Français", nl: "Nederlands", en: "English" };

/** Fills the page's language select (in the static header) and calls `onChange` on a choice. */
export function languageSwitcher(current: Language, onChange: (l: Language) => void): void {
  const select = document.getElementById("lang") as HTMLSelectElement | null;
  if (!select) return;
  select.replaceChildren(
    ...languages.map((l) => h("option", { value: l, lang: l, selected: l === current }, names[l])),
  );
  select.value = current;
  select.closest("[hidden]")?.removeAttribute("hidden");
  select.onchange = () => {
    if (isLanguage(select.value)) onChange(select.value);
  };
}

import { EntraideError, ValidationError } from "../errors";
import type { Translated } from "../requests/i18n";
import type { Language } from "../requests/request-types";
import { boardFieldLabels } from "./post";
import type { ScreenProblem } from "./screen";

/** The board's own refusals, in the reader's language (field errors come from `messages.ts`). */
const refusals: Record<ScreenProblem | "not_a_member", Translated> = {
  markup: {
    fr: "{label} ne peut pas contenir de balises ni de code : écrivez du texte simple.",
    nl: "{label} mag geen tags of code bevatten: schrijf gewone tekst.",
    en: "{label} may not contain tags or code: write plain text.",
  },
  banned_word: {
    fr: "{label} contient un mot refusé sur le tableau d'entraide.",
    nl: "{label} bevat een woord dat niet toegelaten is op het solidariteitsbord.",
    en: "{label} contains a word the mutual-aid board does not accept.",
  },
  not_a_member: {
    fr: "Ce numéro de membre et cette adresse e-mail ne correspondent à aucun membre de notre registre : utilisez l'adresse que la coopérative connaît.",
    nl: "Dit lidnummer en dit e-mailadres horen bij geen enkel lid in ons register: gebruik het adres dat de coöperatie kent.",
    en: "This member number and email match no member of our register: use the address the cooperative knows.",
  },
};

const quoted = (label: string, l: Language) => (l === "fr" ? `« ${label} »` : `“${label}”`);

/** A 400 naming the field and the problem, in `language`; nothing has been stored. */
export function boardRefusal(
  problems: { path: string; code: ScreenProblem | "not_a_member" }[],
  language: Language,
): ValidationError {
  return new ValidationError(
    problems.map(({ path, code }) => {
      const label = boardFieldLabels[path]?.[language] ?? path;
      const text = refusals[code][language].replace("{label}", quoted(label, language));
      return { path, code, message: text.charAt(0).toUpperCase() + text.slice(1) };
    }),
  );
}

const tooMany: Translated = {
  fr: "Trop de messages en peu de temps : réessayez plus tard.",
  nl: "Te veel berichten op korte tijd: probeer later opnieuw.",
  en: "Too many messages in a short time: try again later.",
};

/** 429: a rate limit was reached; nothing was stored or sent. */
export const rateLimited = (language: Language) =>
  new EntraideError("board.rate-limited", tooMany[language], { status: 429 });

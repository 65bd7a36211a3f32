/**
 * The automated checks of a post or an answer before anything is stored: pure functions, so the
 * API refuses bad text at once (400, nothing stored) and the workflow screens again before
 * publication with the plan of that moment.
 */

/** Control, bidi and other invisible characters are the schemas' (`text/hygiene.ts`). */
export type ScreenProblem = "markup" | "banned_word";

/** Markup is refused rather than cleaned: a post is plain text, and "<" + letter is never needed. */
const MARKUP = /<\s*[a-z!/?]|&#?\w+;|javascript:/i;

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The problems of `text` that stop it, or an empty list. */
export function screenProblems(text: string, bannedWords: readonly string[]): ScreenProblem[] {
  const problems: ScreenProblem[] = [];
  if (MARKUP.test(text)) problems.push("markup");
  const words = new Set(fold(text).split(/[^\p{L}\p{N}]+/u));
  if (bannedWords.some((w) => words.has(fold(w)))) problems.push("banned_word");
  return problems;
}

export const MASK = "[…]";

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi;
const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;
/** Nine digits or more, with the spaces, dots, dashes and slashes people write between them. */
const PHONE = /(?:\+|\b00)?\d(?:[\s./-]?\d){8,}/g;

/**
 * The text with emails, links and phone numbers masked: contact goes through the cooperative's
 * relay, so nobody's address is on the board, not even the one they typed in by mistake.
 */
export function maskContacts(text: string): { text: string; masked: number } {
  let masked = 0;
  const mask = () => {
    masked++;
    return MASK;
  };
  const out = text.replace(EMAIL, mask).replace(LINK, mask).replace(PHONE, mask);
  return { text: out, masked };
}

/** A post's title and text with their contacts masked, the rest as it is. */
export const maskPost = <C extends { title: string; text: string }>(content: C): C => ({
  ...content,
  title: maskContacts(content.title).text,
  text: maskContacts(content.text).text,
});

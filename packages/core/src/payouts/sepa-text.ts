/**
 * The SEPA Latin character set (EPC guidelines): what every bank accepts in a credit
 * transfer's text fields. Anything else may be rejected or garbled by some bank on the way.
 */
export const SEPA_CHARACTERS = "a-zA-Z0-9/\\-?:().,'+ ";

const SEPA_TEXT = new RegExp(`^[${SEPA_CHARACTERS}]*$`);
const NOT_SEPA = new RegExp(`[^${SEPA_CHARACTERS}]`, "g");

/** True when every character of `text` is in the SEPA Latin character set. */
export function isSepaText(text: string): boolean {
  return SEPA_TEXT.test(text);
}

/**
 * True when `text` may serve as a SEPA identifier (MsgId, PmtInfId, EndToEndId): 1 to 35
 * SEPA characters, not starting or ending with "/" and without "//" (EPC rule).
 */
export function isSepaIdentifier(text: string): boolean {
  return (
    text.length >= 1 &&
    text.length <= 35 &&
    isSepaText(text) &&
    text.trim() === text &&
    !text.startsWith("/") &&
    !text.endsWith("/") &&
    !text.includes("//")
  );
}

// Letters that Unicode decomposition leaves alone, and punctuation with a SEPA look-alike.
// `&` becomes "+": it is in the character set and reads the same in French, Dutch and
// English, where "and"/"et"/"en" would pick a language for the member.
// biome-ignore format: a transliteration table reads best as a table
const LATIN: Record<string, string> = {
  ß: "ss", ẞ: "SS", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ø: "o", Ø: "O", ł: "l", Ł: "L",
  đ: "d", Đ: "D", ð: "d", Ð: "D", þ: "th", Þ: "Th", ı: "i", ħ: "h", Ħ: "H", ŧ: "t", Ŧ: "T",
  ŋ: "n", Ŋ: "N", ĸ: "k", "&": "+", "’": "'", "‘": "'", "‚": "'", ʼ: "'", "`": "'", "´": "'",
  '"': "'", "“": "'", "”": "'", "„": "'", "«": "", "»": "", "–": "-", "—": "-", "‒": "-",
  "−": "-", "‐": "-", ";": ",", "!": ".",
};

// Greek (ELOT 743, simplified) and Cyrillic (simplified BGN/PCGN), lower case only; upper
// case letters are looked up lower-cased and the result capitalised.
// biome-ignore format: a transliteration table reads best as a table
const GREEK: Record<string, string> = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l",
  μ: "m", ν: "n", ξ: "x", ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f",
  χ: "ch", ψ: "ps", ω: "o",
};
// biome-ignore format: a transliteration table reads best as a table
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", є: "ye", ж: "zh", з: "z", и: "i",
  і: "i", й: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t",
  у: "u", ў: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y",
  ь: "", э: "e", ю: "yu", я: "ya", ђ: "dj", ј: "j", љ: "lj", њ: "nj", ћ: "c", џ: "dz",
};

function transliterateChar(char: string, index: number, chars: readonly string[]): string {
  const latin = LATIN[char];
  if (latin !== undefined) return latin;
  const lower = char.toLowerCase();
  const mapped = GREEK[lower] ?? CYRILLIC[lower];
  if (mapped === undefined || lower === char) return mapped ?? char;
  // Θ is "Th" in "Θεός" but "TH" in "ΘΕΟΣ": an upper-case neighbour means an upper-case word.
  const next = chars[index + 1] ?? "";
  if (next !== next.toLowerCase()) return mapped.toUpperCase();
  return mapped.charAt(0).toUpperCase() + mapped.slice(1);
}

export interface SepaTextOptions {
  /** Maximum length of the result (e.g. 70 for a name, 140 for a remittance). */
  maxLength: number;
  /**
   * Returned when nothing readable is left (a name only in Arabic or Chinese script, say);
   * must itself be valid SEPA text. Default "UNKNOWN".
   */
  fallback?: string;
}

/**
 * Transliterates free text into the SEPA Latin character set, never returning an empty or
 * invalid string: accents are stripped (compatibility decomposition, so ligatures such as
 * "ﬁ" and full-width letters also map), letters without a decomposition (ß, æ, œ, ø, ł, đ…)
 * and Greek and Cyrillic are transliterated, `&` becomes "+", other characters become
 * spaces, whitespace is collapsed, and the result is cut to `maxLength` at a word boundary
 * when one is near. When no letter or digit survives, the fallback is returned.
 *
 * @example toSepaText("Zoë & Łukasz Ørsted-Straße", { maxLength: 70 }) === "Zoe + Lukasz Orsted-Strasse"
 */
export function toSepaText(text: string, options: SepaTextOptions): string {
  const fallback = options.fallback ?? "UNKNOWN";
  if (!isSepaText(fallback) || fallback.length === 0 || fallback.length > options.maxLength) {
    throw new Error(`the fallback "${fallback}" is not SEPA text of at most ${options.maxLength}`);
  }
  const unmarked = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    // The one Greek digraph whose letter-by-letter form misleads: ου reads "ou".
    .replace(/ου/g, "ou")
    .replace(/Ου/g, "Ou")
    .replace(/ΟΥ/g, "OU");
  const latin = Array.from(unmarked)
    .map(transliterateChar)
    .join("")
    .replace(NOT_SEPA, " ")
    // Some banks treat "/" as a field separator: no leading or trailing one, never two.
    .replace(/\/{2,}/g, "/")
    .replace(/\s+/g, " ")
    .replace(/^[\s/]+|[\s/]+$/g, "");
  const cut = truncate(latin, options.maxLength).replace(/[\s/]+$/, "");
  return /[a-zA-Z0-9]/.test(cut) ? cut : fallback;
}

/** Cuts at the last space before the limit unless that would lose more than a third. */
function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const hard = text.slice(0, maxLength);
  const space = text.charAt(maxLength) === " " ? maxLength : hard.lastIndexOf(" ");
  return space >= (maxLength * 2) / 3 ? hard.slice(0, space) : hard;
}

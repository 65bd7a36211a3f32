import { EntraideError } from "../errors";
import type { Language } from "../i18n/language";

/** €1 billion: far above any envelope or payout, and far below Number.MAX_SAFE_INTEGER cents. */
export const MAX_EUROS = 1_000_000_000;

const SPACE = "[ \\u00a0\\u202f]";
const CENTS = "(\\d{1,2})";
/** Units grouped by thousands with `separator`: one to three digits, then groups of three. */
const grouped = (separator: string) => `(\\d{1,3}(?:${separator}\\d{3})+)`;

/**
 * The ways a person writes an amount, each read one way only. A lone dot or comma before three
 * digits ("1.250", "1,250") is a thousands separator in one language and a decimal point in
 * another: it is read in the reader's language (dot groups in fr and nl, comma groups in en)
 * and refused without one, never guessed.
 */
const FORMS: { pattern: RegExp; group: string; languages?: readonly Language[] }[] = [
  // 1250, 1250.5, 1250,50
  { pattern: /^(\d+)(?:[.,](\d{1,2}))?$/, group: "" },
  // 1 250, 1 250,50, 1 250.50 (regular, no-break or narrow no-break space)
  { pattern: new RegExp(`^${grouped(SPACE)}(?:[.,]${CENTS})?$`), group: SPACE },
  // 1.250,50 and 1,250.50: both separators, one reading
  { pattern: new RegExp(`^${grouped("\\.")},${CENTS}$`), group: "\\." },
  { pattern: new RegExp(`^${grouped(",")}\\.${CENTS}$`), group: "," },
  // 1.250.000 and 1,250,000: two groups cannot be decimals
  { pattern: /^(\d{1,3}(?:\.\d{3}){2,})$/, group: "\\." },
  { pattern: /^(\d{1,3}(?:,\d{3}){2,})$/, group: "," },
  // 1.250 in fr and nl, 1,250 in en
  { pattern: new RegExp(`^${grouped("\\.")}$`), group: "\\.", languages: ["fr", "nl"] },
  { pattern: new RegExp(`^${grouped(",")}$`), group: ",", languages: ["en"] },
];

const AMBIGUOUS = /^\d{1,3}[.,]\d{3}$/;

/**
 * Parses an amount in euros typed by a person or read from a file into integer cents, exactly
 * (string arithmetic, no floating point); the one parser of typed amounts (form, decision page,
 * CLI, imports). For decimals written by programs, see `money/cents`.
 *
 * Accepted: `1250`, `1250.5`, `1250,50`, `1 250,50` (regular, no-break or narrow no-break
 * space), `1.250,50`, `1,250.50`, `1.250.000`; `1.250` in fr/nl and `1,250` in en (`language`).
 * Refused: negative amounts, more than two decimals, groups not of three (`1.25.0`, `1,2,3`),
 * `1.250` or `1,250` without a language, exponents, currency signs.
 *
 * @example parseEuros("1.250,5", "fr") // 125050
 * @throws EntraideError `amount.invalid`, `amount.ambiguous` or `amount.too-large` (status 400).
 */
export function parseEuros(text: string, language?: Language): number {
  const trimmed = text.trim();
  const form = FORMS.find(
    (f) =>
      f.pattern.test(trimmed) && (!f.languages || (language && f.languages.includes(language))),
  );
  const match = form?.pattern.exec(trimmed);
  const units = match?.[1];
  const euros = form?.group && units ? units.replace(new RegExp(form.group, "g"), "") : units;
  if (!match || euros === undefined) {
    if (!language && AMBIGUOUS.test(trimmed)) {
      throw new EntraideError(
        "amount.ambiguous",
        `"${text}" can be read two ways: write ${trimmed.replace(/[.,]/, "")} for thousands or at most two decimals, e.g. 1500 or 1,50`,
        { status: 400 },
      );
    }
    throw new EntraideError(
      "amount.invalid",
      `"${text}" is not an amount in euros: write digits with at most two decimals, e.g. 1500, 1500.50, 1500,50, 1 500,50, 1.500,50 or 1,500.50`,
      { status: 400 },
    );
  }
  // The length check first: a long digit string is not exactly representable as a number.
  const tooLong = euros.replace(/^0+/, "").length > String(MAX_EUROS).length;
  const cents = Number(euros) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (tooLong || cents > MAX_EUROS * 100) {
    throw new EntraideError(
      "amount.too-large",
      `"${text}" is above the maximum of ${MAX_EUROS} euros`,
      {
        status: 400,
      },
    );
  }
  return cents;
}

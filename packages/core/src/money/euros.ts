import { EntraideError } from "../errors";

/** €1 billion: far above any envelope or payout, and far below Number.MAX_SAFE_INTEGER cents. */
export const MAX_EUROS = 1_000_000_000;

// Digits, optionally grouped by thousands with spaces (as French and Belgian users write them),
// then optionally a dot or a comma and one or two digits of cents. A dot or comma followed by
// three digits ("1.500") is a thousands separator in fr/nl and a decimal point in en: refused
// rather than guessed.
const SPACE = "[ \\u00a0\\u202f]";
const AMOUNT = new RegExp(`^(\\d+|\\d{1,3}(?:${SPACE}\\d{3})+)(?:[.,](\\d{1,2}))?$`);

/**
 * Parses an amount in euros typed by a person or read from a file into integer cents, exactly
 * (string arithmetic, no floating point). For decimals written by programs, see `money/cents`.
 *
 * Accepted: `1500`, `1500.5`, `1500,50`, `1 500,50` (regular, no-break or narrow no-break space
 * between groups of three). Refused: negative amounts, more than two decimals, `1.500,50` and
 * `1,500.50` (ambiguous separators), exponents, currency signs.
 *
 * @example parseEuros("1 500,5") // 150050
 * @throws EntraideError `amount.invalid` (status 400) saying how to write the amount.
 */
export function parseEuros(text: string): number {
  const match = AMOUNT.exec(text.trim());
  const euros = match?.[1]?.replace(new RegExp(SPACE, "g"), "");
  if (!match || euros === undefined) {
    throw new EntraideError(
      "amount.invalid",
      `"${text}" is not an amount in euros: write digits with at most two decimals, e.g. 1500, 1500.50, 1500,50 or 1 500,50`,
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

/**
 * Money is integer euro cents everywhere; these turn cents into the decimal text files need
 * and back, with integer arithmetic only, so no binary float ever rounds an amount.
 */

const DECIMAL = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Formats integer cents as a decimal with exactly two fraction digits.
 *
 * @example formatCents(123456) === "1234.56"; formatCents(5, ",") === "0,05"
 */
export function formatCents(cents: number, decimalSeparator: "." | "," = "."): string {
  assertSafeCents(cents);
  const abs = Math.abs(cents);
  // `%` and the division of an exact multiple of 100 are exact for safe integers, unlike
  // Math.floor(abs / 100), whose quotient is rounded before it is floored.
  const fraction = abs % 100;
  const units = (abs - fraction) / 100;
  return `${cents < 0 ? "-" : ""}${units}${decimalSeparator}${String(fraction).padStart(2, "0")}`;
}

/**
 * Parses a decimal amount in euros ("1234.56", "1234,5", "12") into integer cents.
 * Throws on anything else (thousands separators, more than two decimals, exponents).
 */
export function parseCents(text: string): number {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not an amount in euros with at most two decimals`);
  const [, minus, units = "", fraction = ""] = match;
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, "0"));
  assertSafeCents(cents);
  return minus ? -cents : cents;
}

/** Adds cents, refusing a sum that would leave the range where integers are exact. */
export function addCents(a: number, b: number): number {
  const sum = a + b;
  assertSafeCents(sum);
  return sum;
}

function assertSafeCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new Error(`${cents} is not a whole number of cents`);
}

/**
 * Payment references a client can type into their bank app, and that finance can match
 * against incoming transfers: the Belgian structured communication (OGM/VCS) for Belgian
 * clients and the ISO 11649 RF creditor reference, which French and other SEPA banks know.
 */

const BELGIAN = /^(\+{3}|\*{3})(\d{3})\/(\d{4})\/(\d{5})\1$/;
const MAX_BASE = 9_999_999_999;

/** The check digits of a Belgian structured communication: base mod 97, 97 instead of 0. */
function belgianCheck(base: number): number {
  return base % 97 || 97;
}

/**
 * The Belgian structured communication of a number of at most ten digits: the number,
 * zero-padded to ten digits, then two check digits (number mod 97, or 97 when that is 0).
 *
 * @example structuredCommunication(909_337_554) === "+++090/9337/55493+++"
 */
export function structuredCommunication(base: number): string {
  if (!Number.isInteger(base) || base < 0 || base > MAX_BASE) {
    throw new RangeError(`${base} is not a whole number of at most ten digits`);
  }
  const digits = `${String(base).padStart(10, "0")}${String(belgianCheck(base)).padStart(2, "0")}`;
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

/**
 * True for a well-formed Belgian structured communication whose check digits hold, written
 * with `+++` or `***` delimiters as banks print it.
 */
export function isStructuredCommunication(text: string): boolean {
  const match = BELGIAN.exec(text.trim());
  if (!match) return false;
  const digits = match.slice(2, 5).join("");
  return belgianCheck(Number(digits.slice(0, 10))) === Number(digits.slice(10));
}

/** The remainder mod 97 of a string of letters and digits read as ISO 7064 (A=10 … Z=35). */
function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const value = Number.parseInt(char, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

const RF_REFERENCE = /^[A-Z0-9]{1,21}$/;

/**
 * The ISO 11649 creditor reference ("RF" + two check digits + up to 21 letters or digits)
 * of a reference, in electronic format (no spaces).
 *
 * @example rfCreditorReference("539007547034") === "RF18539007547034"
 */
export function rfCreditorReference(reference: string): string {
  const normalised = reference.replace(/\s+/g, "").toUpperCase();
  if (!RF_REFERENCE.test(normalised)) {
    throw new RangeError(`"${reference}" is not 1 to 21 letters or digits`);
  }
  const check = 98 - mod97(`${normalised}RF00`);
  return `RF${String(check).padStart(2, "0")}${normalised}`;
}

/** True for an RF creditor reference (spaces and lower case allowed) whose check holds. */
export function isRfCreditorReference(text: string): boolean {
  const normalised = text.replace(/\s+/g, "").toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(normalised)) return false;
  return mod97(`${normalised.slice(4)}${normalised.slice(0, 4)}`) === 1;
}

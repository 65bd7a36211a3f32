import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidIBAN } from "ibantools";

/**
 * The one home of IBAN rules (ibantools underneath): every schema, register, payout export and
 * the form normalise, validate and show an IBAN through these functions.
 */

/** Why an IBAN is refused: not an IBAN at all, or one a SEPA transfer cannot reach. */
export type IbanProblem = "invalid_iban" | "iban_not_sepa";

/**
 * The electronic format as people's layouts collapse to it: spaces and dashes dropped, upper
 * case (`be68 5390-0754 7034` → `BE68539007547034`). Not a validation: check the result.
 */
export function normaliseIban(input: string): string {
  return electronicFormatIBAN(input) ?? input;
}

/**
 * True for an IBAN in electronic format whose country, length, BBAN structure and mod-97 check
 * digits hold. Give it `normaliseIban`'s result to accept people's layouts.
 */
export function isValidIban(electronic: string): boolean {
  return isValidIBAN(electronic);
}

/** The electronic format's shape (what is stored and exported): upper case, no separators. */
export const ELECTRONIC_IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/;

/** The ISO country code an IBAN belongs to (`BE`), in any layout. */
export function ibanCountry(iban: string): string {
  return normaliseIban(iban).slice(0, 2);
}

/** True for a country whose accounts SEPA credit transfers reach (ISO code, upper case). */
export function isSepaCountry(country: string): boolean {
  return isSEPACountry(country);
}

/**
 * What is wrong with an IBAN as a member typed it, undefined when it is payable by SEPA
 * transfer: the check the request schemas, the form and the justification checks share.
 */
export function ibanProblem(input: string): IbanProblem | undefined {
  const electronic = normaliseIban(input);
  if (!isValidIban(electronic)) return "invalid_iban";
  return isSepaCountry(ibanCountry(electronic)) ? undefined : "iban_not_sepa";
}

/** The IBAN in groups of four for people to read (`BE68 5390 0754 7034`). */
export function formatIban(iban: string): string {
  const electronic = normaliseIban(iban);
  return friendlyFormatIBAN(electronic) ?? electronic;
}

/** The last four characters, all that mails, pages and events show of an account. */
export function ibanEnd(iban: string): string {
  return normaliseIban(iban).slice(-4);
}

import { electronicFormatIBAN, isSEPACountry, isValidIBAN } from "ibantools";
import { allTypes, type Check, resultsOf } from "./context";

const { pass, warn, fail } = resultsOf("iban");

/**
 * The IBAN passes mod-97 and is payable by SEPA transfer. One that differs from the register's
 * is a warning: members change banks, and so do impostors.
 */
export const iban: Check = {
  name: "iban",
  appliesTo: allTypes,
  run(request, { member }) {
    const value = electronicFormatIBAN(request.iban) ?? request.iban;
    if (!isValidIBAN(value) || !isSEPACountry(value.slice(0, 2))) return fail("iban_invalid");
    const registered = member?.iban ? electronicFormatIBAN(member.iban) : undefined;
    if (registered && registered !== value) return warn("iban_differs_from_register");
    return pass("iban_valid");
  },
};

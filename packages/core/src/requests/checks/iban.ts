import { electronicFormatIBAN, isSEPACountry, isValidIBAN } from "ibantools";
import { allTypes, type Check, resultsOf } from "./context";

const { pass, warn, fail } = resultsOf("iban");

/**
 * The IBAN passes mod-97 and is payable by SEPA transfer. One that differs from the register's
 * is a warning: members change banks, and so do impostors. An account in another country than
 * the member's (the register's country) is a warning too (§5: an approver confirms it).
 */
export const iban: Check = {
  name: "iban",
  appliesTo: allTypes,
  run(request, { member }) {
    const value = electronicFormatIBAN(request.iban) ?? request.iban;
    if (!isValidIBAN(value) || !isSEPACountry(value.slice(0, 2))) return fail("iban_invalid");
    const registered = member?.iban ? electronicFormatIBAN(member.iban) : undefined;
    if (registered && registered !== value) return warn("iban_differs_from_register");
    const country = value.slice(0, 2);
    if (member?.country && member.country !== country)
      return warn("iban_other_country", { country, memberCountry: member.country });
    return pass("iban_valid");
  },
};

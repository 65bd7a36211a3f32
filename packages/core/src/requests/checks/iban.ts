import { ibanCountry, isSepaCountry, isValidIban, normaliseIban } from "../../bank/iban";
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
    const value = normaliseIban(request.iban);
    if (!isValidIban(value) || !isSepaCountry(ibanCountry(value))) return fail("iban_invalid");
    const registered = member?.iban ? normaliseIban(member.iban) : undefined;
    if (registered && registered !== value) return warn("iban_differs_from_register");
    const country = ibanCountry(value);
    if (member?.country && member.country !== country)
      return warn("iban_other_country", { country, memberCountry: member.country });
    return pass("iban_valid");
  },
};

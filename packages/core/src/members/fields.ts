import * as z from "zod";
import { isValidIban, normaliseIban } from "../bank/iban";
import type { PlanConfig } from "../plan/config";
import { cleanText, textProblemReport } from "../text/hygiene";

/**
 * Field schemas shared by the registers (members, activities, committees) and usable by request
 * schemas. Messages name the bad value, so an import report line says what to fix.
 */

/** A member number: the register's key, so no separator characters (`#`, `|`, spaces). */
export const MemberNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
    error: (issue) => `"${issue.input}" is not a member number (letters, digits, . _ - only)`,
  });

/** An email address, trimmed and lower-cased so that approvers and senders compare equal. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: (issue) => `"${issue.input}" is not an email address` }));

/** An IBAN in any human layout, validated (structure, country BBAN, mod-97) and stored in electronic format. */
export const Iban = z.string().transform((value, ctx) => {
  const electronic = normaliseIban(value);
  if (!isValidIban(electronic)) {
    ctx.addIssue({ code: "custom", message: `invalid IBAN "${value}"` });
    return z.NEVER;
  }
  return electronic;
});

export const Language = z.enum(["fr", "nl", "en"], { error: "must be fr, nl or en" });
export type Language = z.infer<typeof Language>;

/** A country of the plan (`plan.countries` [BE, FR]): the register takes members of those only. */
export const countryOf = (plan: PlanConfig) => {
  const codes = plan.countries.map((c) => c.code);
  return z.string().refine((code) => codes.includes(code), {
    error: `must be one of the plan's countries: ${codes.join(", ")}`,
  });
};

/** The longest name the registers accept: a payout's beneficiary name holds 200 characters. */
export const NAME_MAX = 200;

/** A person's or an activity's name: clean text (see `text/hygiene.ts`), visible, of a sane length. */
export const Name = cleanText({
  message: (code) => (code === "required" ? "must not be empty" : textProblemReport[code]),
})
  .min(1, "must not be empty")
  .max(NAME_MAX, `is longer than ${NAME_MAX} characters`);

/** A list of emails in which an address appears at most once. */
export function distinctEmails() {
  return z.array(Email).superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const email of list) {
      if (seen.has(email)) ctx.addIssue({ code: "custom", message: `${email} is listed twice` });
      seen.add(email);
    }
  });
}

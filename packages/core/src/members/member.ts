import * as z from "zod";
import { BENEFICIARY_NAME_MAX } from "../payouts/payout";
import { type PlanConfig, planConfig } from "../plan/config";
import { countryOf, Email, Iban, Language, MemberNumber, Name } from "./fields";

/** The name a payout to the member carries: first and last name, as the register holds them. */
export const fullName = (member: { firstName: string; lastName: string }) =>
  `${member.firstName} ${member.lastName}`;

/**
 * A member of the cooperative, as the members register holds them (spec §9 import columns).
 * The register takes no name a payout could not carry: a member it accepts can always be paid
 * (SEPA's 70 characters are met at export, which shortens the name as banks do).
 */
export const memberOf = (plan: PlanConfig) =>
  z
    .object({
      memberNumber: MemberNumber,
      firstName: Name,
      lastName: Name,
      email: Email,
      language: Language,
      country: countryOf(plan),
      iban: Iban,
      shareholder: z.boolean({ error: "must be true or false" }),
    })
    .refine((member) => fullName(member).length <= BENEFICIARY_NAME_MAX, {
      path: ["lastName"],
      message: `firstName and lastName together are longer than ${BENEFICIARY_NAME_MAX - 1} characters (a payout holds ${BENEFICIARY_NAME_MAX})`,
    });

/** A member as the default plan's register takes them. */
export const Member = memberOf(planConfig);
export type Member = z.infer<typeof Member>;

import { z } from "zod";
import { Country, Email, Iban, Language, MemberNumber, Name } from "./fields";

/** A member of the cooperative, as the members register holds them (spec §9 import columns). */
export const Member = z.object({
  memberNumber: MemberNumber,
  firstName: Name,
  lastName: Name,
  email: Email,
  language: Language,
  country: Country,
  iban: Iban,
  shareholder: z.boolean({ error: "must be true or false" }),
});
export type Member = z.infer<typeof Member>;

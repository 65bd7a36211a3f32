import { isValidBIC } from "ibantools";
import * as z from "zod";
import { ELECTRONIC_IBAN, isValidIban } from "../bank/iban";
import { FundName } from "../funds/fund";
import { isSepaIdentifier } from "./sepa-text";

export const PayoutRequestType = z.enum([
  "cancelled-contract",
  "incurred-expenses",
  "emergency-aid",
  "relaunch-loan",
  "initiative-support",
]);
export type PayoutRequestType = z.infer<typeof PayoutRequestType>;

/** `abandoned`: returned and not corrected in time, its reservation given back to the fund. */
export const PayoutStatus = z.enum(["scheduled", "batched", "paid", "payout-failed", "abandoned"]);
export type PayoutStatus = z.infer<typeof PayoutStatus>;

/** An IBAN in electronic format (no spaces, upper case) whose mod-97 check holds. */
export const Iban = z
  .string()
  .regex(ELECTRONIC_IBAN, "IBAN in electronic format: upper case, no spaces")
  .refine(isValidIban, "IBAN check digits or length are wrong");

/** A BIC as the pain.001 schema accepts it (8 or 11 characters, upper case). */
export const Bic = z
  .string()
  .regex(/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/, "BIC of 8 or 11 upper-case characters")
  .refine((bic) => isValidBIC(bic), "BIC country code is unknown");

/** An identifier a bank accepts as MsgId, PmtInfId or EndToEndId (≤ 35 SEPA characters). */
export const SepaIdentifier = z
  .string()
  .refine(isSepaIdentifier, "1 to 35 SEPA characters, no leading, trailing or double '/'");

/** The longest beneficiary name a payout holds; the registers accept no longer full name. */
export const BENEFICIARY_NAME_MAX = 200;

/** Cents, positive, below the SEPA maximum of 999,999,999.99 euros. */
const PositiveCents = z.number().int().positive().max(99_999_999_999);

/**
 * Money owed to a member for one approved request: created `scheduled` on final approval,
 * `batched` when finance groups it into a {@link Batch}, then `paid` or `payout-failed`.
 * `reference` is unique across payouts and becomes the SEPA EndToEndId, so the bank's
 * statement line leads back to it.
 */
export const Payout = z.object({
  payoutId: z.string().min(1),
  requestId: z.string().min(1),
  requestType: PayoutRequestType,
  fund: FundName,
  memberNumber: z.string().min(1),
  beneficiaryName: z.string().trim().min(1).max(BENEFICIARY_NAME_MAX),
  iban: Iban,
  bic: Bic.optional(),
  amountCents: PositiveCents,
  reference: SepaIdentifier,
  approvedBy: z.array(z.email()).min(1),
  approvedAt: z.iso.datetime({ offset: true }),
  batchId: SepaIdentifier.optional(),
  status: PayoutStatus,
  /** Which payment of a grant paid in tranches this is (initiative-support). */
  tranche: z
    .object({ number: z.number().int().positive(), of: z.number().int().positive() })
    .optional(),
});
export type Payout = z.infer<typeof Payout>;

/** What the member's bank statement says the transfer is for: the request, and its tranche. */
export const remittanceOf = (p: Payout) =>
  `Entraide ${p.requestType} ${p.requestId}${p.tranche ? ` tranche ${p.tranche.number}/${p.tranche.of}` : ""}`;

/**
 * Payouts of one fund exported together. `payoutCount` and `totalCents` are recorded when
 * the batch is created; every export checks the payouts it streams against them.
 * `batchId` doubles as the SEPA MsgId, hence its identifier format.
 */
export const Batch = z.object({
  batchId: SepaIdentifier,
  fund: FundName,
  createdAt: z.iso.datetime({ offset: true }),
  /** A payout that fails while its batch is open leaves it: a batch may end up empty. */
  payoutCount: z.number().int().nonnegative(),
  totalCents: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type Batch = z.infer<typeof Batch>;

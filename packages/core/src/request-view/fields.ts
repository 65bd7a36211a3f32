import * as z from "zod";
import { ibanCountry, isSepaCountry, isValidIban, normaliseIban } from "../bank/iban";
import { languages } from "../i18n/language";
import { cleanText, type TextProblem } from "../text/hygiene";

/**
 * Field schemas shared by the request types. They carry NO message: the words come from the
 * per-parse error map of `messages.ts`, in the request's language. Domain-specific failures
 * are custom issues whose `params.code` is the stable code the API returns.
 */

/** Stable codes of the custom issues raised by these fields. */
export type CustomIssueCode =
  | "invalid_iban"
  | "iban_not_sepa"
  | "invalid_member_number"
  | "hours_and_cachets"
  | "duplicate_date"
  | "duplicate_document"
  | "comment_required"
  | "amount_only_on_approval"
  | "vote_or_conflict"
  | "empty_answer"
  | "field_not_offered"
  | "invalid_file_name"
  | "invalid_content_type"
  | "activity_and_without_activity"
  | "correspondence_required"
  | "correspondence_not_attached"
  | "tranches_sum"
  | "tranche_dates_order"
  | "duplicate_applicant"
  | TextProblem
  // Also raised as a custom issue: a text of zero-width characters only is as good as blank.
  | "required";

export const custom = (code: CustomIssueCode, extra: Record<string, unknown> = {}) => ({
  params: { code, ...extra },
});

/**
 * Member numbers exactly as the members register accepts them (`members/fields.ts`): they are
 * its keys, so they are matched case-sensitively and never rewritten here.
 */
export const MEMBER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * Free text on one line: clean (see `text/hygiene.ts`), trimmed (so blanks alone count as
 * empty), visible, and bounded.
 */
export const text = (max: number, min = 1) => cleanText().min(min).max(max);

/** Free text over several lines (comments, descriptions): line breaks and tabs are kept. */
export const multilineText = (max: number, min = 1) =>
  cleanText({ multiline: true }).min(min).max(max);

/** Path separators have no place in a file name we store and show; see also `shownFileName`. */
const PATH_SEPARATOR = /[/\\]/;

/** A file's name as the browser gives it: one clean line, without path separators. */
export const fileName = () =>
  text(255).refine((s) => !PATH_SEPARATOR.test(s), custom("invalid_file_name"));

/** A positive amount of cents; the safe-integer bound keeps sums exact. */
export const cents = () => z.number().int().positive();

/** A calendar date `YYYY-MM-DD` that exists (leap years included). */
export const isoDate = () => z.iso.date();

export const email = () => z.string().trim().toLowerCase().max(254).pipe(z.email());

export const language = () => z.enum(languages);

export const memberNumber = () =>
  z
    .string()
    .trim()
    .max(40)
    .refine((s) => MEMBER_NUMBER.test(s), custom("invalid_member_number"));

/**
 * An IBAN as people type it (spaces, dashes, lowercase), normalised to the electronic format
 * (`BE68539007547034`), checked (country length, mod-97) and payable by SEPA transfer.
 */
export const iban = () =>
  z
    .string()
    .max(50)
    .overwrite(normaliseIban)
    .refine((s) => isValidIban(s), { ...custom("invalid_iban"), abort: true })
    .refine((s) => isSepaCountry(ibanCountry(s)), custom("iban_not_sepa"));

export const documentId = () => z.uuid();

/** Document ids, each at most once. */
export const documentIds = (min: number, max: number) =>
  z
    .array(documentId())
    .min(min)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, custom("duplicate_document"));

/** Activities are identified by the register's ids (imported from CSV by operations). */
export const activityId = () => text(64);

export const client = () =>
  z.strictObject({
    name: text(200),
    email: email().optional(),
  });

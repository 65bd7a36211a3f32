import { createHmac } from "node:crypto";
import { formatIban, normaliseIban } from "../bank/iban";
import type { RequestData } from "../requests/record";

/** Fields of a request that say what kind of thing it is, never who: they stay as they are. */
const NOT_PERSONAL = new Set([
  "type",
  "language",
  "basis",
  "purpose",
  "category",
  "situation",
  "activityId",
  "memberNumber",
  "documents",
  "country",
]);

const looksLikeData = (s: string) => /^\d{4}-\d{2}-\d{2}/.test(s) || /^[\d\s.,:+-]*$/.test(s);

/** Every string under `value` that can say who someone is (names, addresses, free text). */
export function personalStrings(value: unknown, key?: string): string[] {
  if (key !== undefined && NOT_PERSONAL.has(key)) return [];
  if (typeof value === "string")
    return value.trim().length >= 3 && !looksLikeData(value) ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap((v) => personalStrings(v));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => personalStrings(v, k));
  return [];
}

/** An IBAN as people write it: compact, and in groups of four. */
export const ibanForms = (iban: string) => {
  const compact = normaliseIban(iban);
  return [compact, formatIban(compact)];
};

/** What of a request's data is personal: the request itself and every free text added later. */
export function requestSecrets(data: RequestData): string[] {
  return [
    ...personalStrings(data.request),
    ...(data.request.iban ? ibanForms(data.request.iban) : []),
    ...(typeof data.newIban === "string" ? ibanForms(data.newIban) : []),
    ...personalStrings(data.infoAnswers?.map((a) => a.comment)),
    ...personalStrings(data.infoRequest?.message),
    ...personalStrings(data.decisions?.map((d) => d.comment)),
    ...personalStrings(data.rejection?.reason),
    ...personalStrings(data.recovery?.payments),
  ];
}

/** The member's stable pseudonym: the same for every copy, unlinkable without the secret. */
export function pseudonymOf(secret: string, memberNumber: string): string {
  return `erased-${createHmac("sha256", secret).update(`erasure\n${memberNumber}`).digest("hex").slice(0, 12)}`;
}

/**
 * Replaces every occurrence of the given strings, whatever their case, by the pseudonym, in
 * every string of an item (its keys excepted), leaving numbers, booleans and structure alone.
 */
export class Scrubber {
  private readonly pattern: RegExp | undefined;
  constructor(
    secrets: string[],
    readonly pseudonym: string,
  ) {
    const unique = [...new Set(secrets.map((s) => s.trim()).filter((s) => s.length >= 3))];
    unique.sort((a, b) => b.length - a.length);
    const escaped = unique.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    this.pattern = escaped.length > 0 ? new RegExp(escaped.join("|"), "gi") : undefined;
  }

  text(value: string): string {
    return this.pattern ? value.replace(this.pattern, this.pseudonym) : value;
  }

  /** Whether `value` holds any of the strings. */
  finds(value: unknown): boolean {
    if (!this.pattern) return false;
    if (typeof value === "string") return this.text(value) !== value;
    if (Array.isArray(value)) return value.some((v) => this.finds(v));
    if (value && typeof value === "object") return Object.values(value).some((v) => this.finds(v));
    return false;
  }

  /** A copy of `value` with the strings replaced; top-level fields named in `keep` stay. */
  value<T>(value: T, keep: ReadonlySet<string> = new Set()): T {
    if (typeof value === "string") return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.value(v)) as T;
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, keep.has(k) ? v : this.value(v)]),
      ) as T;
    }
    return value;
  }
}

import type { Language, RequestType } from "@entraide/core/requests/request-types";
import type { Doc } from "../lib/upload";

export interface WorkDayRow {
  date: string;
  hours: string;
  cachets: string;
}
export interface LineRow {
  date: string;
  description: string;
  amountCents: string;
  doc?: Doc;
}

/** What the member typed, as typed (amounts in euros), kept across re-renders and reloads. */
export interface Draft {
  type?: RequestType;
  /** Scalar fields by dotted path (`client.name`); amounts are the euros as typed. */
  values: Record<string, string>;
  language?: Language;
  consent: boolean;
  workDays: WorkDayRow[];
  lines: LineRow[];
  /** The rows of the list fields (co-applicants, budget lines, tranches) by path, as typed. */
  rows: Record<string, Record<string, string>[]>;
  documents: Doc[];
}

const KEY = "entraide.draft";
const IDEMPOTENCY = "entraide.idempotency-key";

export const emptyDraft = (): Draft => ({
  values: {},
  consent: false,
  workDays: [{ date: "", hours: "", cachets: "" }],
  lines: [{ date: "", description: "", amountCents: "" }],
  rows: {},
  documents: [],
});

/**
 * The draft lives in sessionStorage (this tab only) so a reload after a network error resends
 * the same body with the same idempotency key, which the API answers with the same request.
 */
export function loadDraft(): Draft {
  try {
    const kept = sessionStorage.getItem(KEY);
    return kept ? { ...emptyDraft(), ...(JSON.parse(kept) as Draft) } : emptyDraft();
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(draft: Draft): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still works, only reloads forget.
  }
}

/** One key per form fill: created on first use, kept until the request is accepted. */
export function idempotencyKey(): string {
  try {
    const kept = sessionStorage.getItem(IDEMPOTENCY);
    if (kept) return kept;
    const key = crypto.randomUUID();
    sessionStorage.setItem(IDEMPOTENCY, key);
    return key;
  } catch {
    return crypto.randomUUID();
  }
}

/** After an accepted request, or a refused body (nothing was started), the next fill is new. */
export function forgetKey(alsoDraft: boolean): void {
  try {
    sessionStorage.removeItem(IDEMPOTENCY);
    if (alsoDraft) sessionStorage.removeItem(KEY);
  } catch {
    // See saveDraft.
  }
}

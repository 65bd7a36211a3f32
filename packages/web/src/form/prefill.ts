import type { Language, RequestType } from "@entraide/core/requests/request-types";
import { type Draft, emptyDraft } from "./draft";
import { specsOf } from "./specs";

/** Cents as the member would type them: `125050` → "1250,50" (fr, nl) or "1250.50" (en). */
export function eurosInput(cents: number, language: Language): string {
  const text = (cents / 100).toFixed(2).replace(/\.00$/, "");
  return language === "en" ? text : text.replace(".", ",");
}

const at = (values: Record<string, unknown>, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], values);

/**
 * A draft holding `values` (fields of a request as the API stores them) as the form shows
 * them: the inverse of `collect`, so that the member corrects what they sent, not a blank.
 */
export function draftFrom(
  type: RequestType,
  values: Record<string, unknown>,
  language: Language,
  keptReceipt: string,
): Draft {
  const draft: Draft = { ...emptyDraft(), type, workDays: [], lines: [] };
  for (const spec of specsOf(type, Object.keys(values))) {
    const value = at(values, spec.path);
    if (spec.kind === "workDays") {
      const days = (value ?? []) as { date: string; hours?: number; cachets?: number }[];
      draft.workDays = days.map((d) => ({
        date: d.date,
        hours:
          d.hours === undefined ? "" : String(d.hours).replace(".", language === "en" ? "." : ","),
        cachets: d.cachets === undefined ? "" : String(d.cachets),
      }));
    } else if (spec.kind === "lines") {
      const lines = (value ?? []) as {
        date: string;
        description: string;
        amountCents: number;
        documentId: string;
      }[];
      draft.lines = lines.map((l, i) => ({
        date: l.date,
        description: l.description,
        amountCents: eurosInput(l.amountCents, language),
        doc: { documentId: l.documentId, name: `${keptReceipt} ${i + 1}`, size: 0 },
      }));
    } else if (spec.kind === "euros" && typeof value === "number") {
      draft.values[spec.path] = eurosInput(value, language);
    } else if (value !== undefined && spec.kind !== "documents" && spec.kind !== "consent") {
      draft.values[spec.path] = String(value);
    }
  }
  return draft;
}

import type { UpsertOutcome } from "../db/records";

export type LineOutcome = UpsertOutcome | "refused";

/** What an import did with one line of the file (or, in a dry run, would do). */
export interface ImportLine {
  line: number;
  /** The line's key (member number, activity id), when it could be read. */
  key?: string;
  outcome: LineOutcome;
  /** Why a line was refused, field by field: `iban: invalid IBAN "BE00"`. */
  reason?: string;
}

export interface ImportReport {
  dryRun: boolean;
  counts: Record<LineOutcome, number>;
  lines: ImportLine[];
}

/** Builds the report from the lines in file order. */
export function importReport(lines: ImportLine[], dryRun: boolean): ImportReport {
  const counts: Record<LineOutcome, number> = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const line of lines) counts[line.outcome]++;
  return { dryRun, counts, lines: [...lines].sort((a, b) => a.line - b.line) };
}

import type { z } from "zod";
import type { UpsertOutcome } from "../db/records";
import type { Deps } from "../deps";
import { EntraideError } from "../errors";
import { readCsv } from "./csv";
import { type ImportLine, type ImportReport, importReport } from "./report";

/** How one register is imported from CSV: its columns, how a line becomes a record, how it is stored. */
export interface ImportSpec<T> {
  columns: readonly string[];
  /** The column that keys the register, e.g. `memberNumber`. */
  keyColumn: string;
  /** Turns a line's cells into a record (zod safeParse: issues become the refusal reason). */
  parse: (cells: Record<string, string>) => z.ZodSafeParseResult<T>;
  keyOf: (record: T) => string;
  /** Checks against other registers; returns why the line is refused, or undefined. */
  check?: (deps: Deps, record: T) => Promise<string | undefined>;
  upsert: (deps: Deps, record: T, options: { dryRun: boolean }) => Promise<UpsertOutcome>;
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Called as lines are done, for long imports. */
  onProgress?: (done: number, total: number) => void;
}

/** Parallel writes per import: fast enough for a large register, gentle on the table. */
const CONCURRENCY = 8;

/**
 * Imports a CSV file into a register: each valid line is upserted by key (one item, one write, so
 * a line is either fully written or not at all); invalid lines are refused with their reason and
 * the other lines still import. With `dryRun` the report is the same and nothing is written.
 *
 * @throws EntraideError `import.invalid-file` when the file as a whole is unusable (nothing is
 * written), `import.aborted` when storage fails midway (the import can simply be run again).
 */
export async function runImport<T>(
  deps: Deps,
  spec: ImportSpec<T>,
  content: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const done: ImportLine[] = [];
  const pending: { line: number; key: string; record: T }[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const { line, cells, fieldCountError } of readCsv(content, spec.columns)) {
    const key = cells[spec.keyColumn] || undefined;
    if (fieldCountError) {
      done.push({ line, key, outcome: "refused", reason: fieldCountError });
      continue;
    }
    const parsed = spec.parse(cells);
    if (!parsed.success) {
      done.push({ line, key, outcome: "refused", reason: describeIssues(parsed.error.issues) });
      continue;
    }
    const recordKey = spec.keyOf(parsed.data);
    const first = firstLineOfKey.get(recordKey);
    if (first !== undefined) {
      done.push({
        line,
        key: recordKey,
        outcome: "refused",
        reason: `${spec.keyColumn} ${recordKey} is already on line ${first}`,
      });
      continue;
    }
    firstLineOfKey.set(recordKey, line);
    pending.push({ line, key: recordKey, record: parsed.data });
  }
  const total = done.length + pending.length;
  await forEachLimit(pending, CONCURRENCY, async ({ line, key, record }) => {
    try {
      const refusal = await spec.check?.(deps, record);
      done.push(
        refusal
          ? { line, key, outcome: "refused", reason: refusal }
          : { line, key, outcome: await spec.upsert(deps, record, { dryRun }) },
      );
    } catch (error) {
      if (error instanceof EntraideError && error.status < 500) {
        done.push({ line, key, outcome: "refused", reason: error.message });
        return;
      }
      throw new EntraideError(
        "import.aborted",
        `the import stopped at line ${line} (${(error as Error).message}); lines before it may be imported: run the same import again, it only changes what differs`,
        { cause: error },
      );
    }
    options.onProgress?.(done.length, total);
  });
  return importReport(done, dryRun);
}

/** `iban: invalid IBAN "x"; language: must be fr, nl or en` */
export function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${String(issue.path[0] ?? "line")}: ${issue.message}`).join("; ");
}

async function forEachLimit<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await run(item);
      } catch (error) {
        // Stop the other workers from starting new lines once one has failed.
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

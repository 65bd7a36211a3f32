import { CsvError, parse } from "csv-parse/sync";
import { EntraideError } from "../errors";

/** Import files larger than this are refused: a register of 100,000 members fits in ~15 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** One data line of an import file: its line number in the file, and its cells by column. */
export interface CsvLine {
  line: number;
  cells: Record<string, string>;
  /** Set when the line has not as many cells as the header has columns. */
  fieldCountError?: string;
}

function invalidFile(message: string): EntraideError {
  return new EntraideError("import.invalid-file", message, { status: 400 });
}

/**
 * Reads an import file: UTF-8 (an initial BOM is skipped), `,` or `;` as delimiter, detected from
 * the header row, which must name exactly `columns` (in any order). Cells are trimmed; blank lines
 * are skipped.
 *
 * @throws EntraideError `import.invalid-file` (nothing may be imported) when the file is too
 * large, not UTF-8, not CSV, or its header is wrong; `import.invalid-file` names what to fix.
 */
export function readCsv(content: Uint8Array, columns: readonly string[]): CsvLine[] {
  if (content.byteLength > MAX_IMPORT_BYTES) {
    throw invalidFile(
      `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into smaller files`,
    );
  }
  const text = decodeUtf8(content);
  const delimiter = detectDelimiter(text);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse yields {record, info} objects; its typings only know string[][].
    rows = parse(text, {
      delimiter,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof rows;
  } catch (error) {
    if (error instanceof CsvError) throw invalidFile(`the file is not valid CSV: ${error.message}`);
    throw error;
  }
  const [header, ...data] = rows;
  if (!header)
    throw invalidFile(`the file is empty: it needs a header row (${columns.join(delimiter)})`);
  checkHeader(header.record, columns, delimiter);
  return data.map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries(header.record.map((name, i) => [name, record[i] ?? ""])),
    fieldCountError:
      record.length === header.record.length
        ? undefined
        : `has ${record.length} fields, the header has ${header.record.length}`,
  }));
}

function decodeUtf8(content: Uint8Array): string {
  try {
    // fatal: a file saved in Latin-1 or UTF-16 fails here rather than importing mangled names.
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    throw invalidFile("the file is not UTF-8 text: save it as CSV UTF-8");
  }
}

function detectDelimiter(text: string): "," | ";" {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (char: string) => header.split(char).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

function checkHeader(found: string[], expected: readonly string[], delimiter: string): void {
  const missing = expected.filter((name) => !found.includes(name));
  const unknown = found.filter((name) => !expected.includes(name));
  const repeated = found.filter((name, i) => found.indexOf(name) !== i);
  const problems = [
    missing.length > 0
      ? `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`
      : "",
    unknown.length > 0
      ? `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`
      : "",
    repeated.length > 0
      ? `repeated column${repeated.length > 1 ? "s" : ""} ${repeated.join(", ")}`
      : "",
  ].filter(Boolean);
  if (problems.length > 0) {
    throw invalidFile(
      `the header row is wrong (${problems.join("; ")}): it must be ${expected.join(delimiter)}; nothing was imported`,
    );
  }
}

/** The items of a list cell, separated by `|` (`a | b|c` → `["a", "b", "c"]`); blank items dropped. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? "")
    .split("|")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

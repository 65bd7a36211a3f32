import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where the data-access layer lives: the only code that may name the table or write a key. */
export const DB_FOLDER = "packages/core/src/db/";

/**
 * The key prefixes the table layout declares (`EXEC#`, `IBAN#`, `SIGNAL#`…), read from the
 * layout's own source: every string or template literal of layout.ts that starts with one.
 */
export function keyPrefixes(layoutSource: string): string[] {
  const found = layoutSource.matchAll(/["'`]([A-Z]+#)/g);
  return [...new Set([...found].map((m) => m[1]!))].sort();
}

/** What a source file outside db/ writes that belongs to the data-access layer (comments aside). */
export function dataAccessLeaks(text: string, prefixes: readonly string[]): string[] {
  const source = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const leaks: string[] = [];
  if (/\bTableName\b/.test(source)) leaks.push("TableName");
  for (const prefix of prefixes)
    if (new RegExp(`["'\`]${prefix}`).test(source)) leaks.push(`"${prefix}"`);
  return leaks;
}

/** The TypeScript sources of the packages, as paths relative to `root`. */
export function packageSources(root: string): string[] {
  return readdirSync(path.join(root, "packages"), { recursive: true, encoding: "utf8" })
    .map((f) => `packages/${f.split(path.sep).join("/")}`)
    .filter((f) => /^packages\/[^/]+\/src\/.*\.tsx?$/.test(f) && !f.includes("node_modules"));
}

export const read = (root: string, file: string) => readFileSync(path.join(root, file), "utf8");

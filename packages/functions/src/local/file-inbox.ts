import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);

interface SesStore {
  emails: unknown[];
}

/**
 * aws-ses-v2-local keeps its inbox in an array in memory. This keeps it in `file` too: the
 * emails of earlier runs are loaded into the inbox at start, and each new email is appended to
 * the file (one JSON line, fsynced) as SES accepts it, so a member's status link survives a
 * restart or `kill -9`. A line torn by a crash mid-write is skipped when loading.
 */
export function keepInboxIn(file: string): void {
  const store = (
    require("aws-ses-v2-local/dist/store") as { getStoreReadonly(): SesStore }
  ).getStoreReadonly();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  store.emails = new FileBackedEmails(file, readEmails(file));
}

function readEmails(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const emails: unknown[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      emails.push(JSON.parse(line));
    } catch {
      // the last line of a write that a crash cut short
    }
  }
  return emails;
}

class FileBackedEmails extends Array<unknown> {
  // Array methods that make new arrays (filter, map) construct the species: plain arrays.
  static override get [Symbol.species]() {
    return Array;
  }

  constructor(
    private readonly file: string,
    kept: unknown[],
  ) {
    super();
    super.push(...kept);
  }

  override push(...emails: unknown[]): number {
    const fd = openSync(this.file, "a", 0o600);
    try {
      // A line starts with a newline so that a torn line before it stays alone on its line.
      for (const email of emails) writeSync(fd, `\n${JSON.stringify(email)}`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return super.push(...emails);
  }
}

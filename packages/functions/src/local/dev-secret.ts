import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The local stack's token secret: made once and kept in the data directory (readable by its
 * owner only), so status and decision links from an earlier run keep working. Never printed.
 */
export async function devTokenSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, "token-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("hex");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

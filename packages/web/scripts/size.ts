import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWeb, DIST } from "./build";

/** What a phone downloads to show the request form (gzip, as CloudFront compresses). */
const FORM_FILES = ["index.html", "form.js", "styles.css"];
export const BUDGET_BYTES = 50 * 1024;

/** Builds the site and measures the form's transfer size, file by file. */
export async function formWeight(): Promise<{ files: Record<string, number>; totalBytes: number }> {
  await buildWeb();
  const files: Record<string, number> = {};
  for (const name of FORM_FILES) {
    files[name] = gzipSync(await readFile(join(DIST, name)), { level: 9 }).length;
  }
  return { files, totalBytes: Object.values(files).reduce((a, b) => a + b, 0) };
}

if (process.argv[1] === import.meta.filename) {
  const { files, totalBytes } = await formWeight();
  for (const [name, bytes] of Object.entries(files))
    console.log(`${name.padEnd(12)} ${bytes} B gzip`);
  console.log(
    `form total   ${totalBytes} B gzip (${(totalBytes / 1024).toFixed(1)} KB; budget 50 KB)`,
  );
  if (totalBytes > BUDGET_BYTES) process.exitCode = 1;
}

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWeb, DIST } from "./build";

/** What a phone downloads to show each page (gzip, as CloudFront compresses). */
const PAGES = {
  form: ["index.html", "form.js", "styles.css"],
  board: ["board.html", "board.js", "styles.css", "board.css"],
} as const;
export const BUDGET_BYTES = 50 * 1024;

export interface Weight {
  files: Record<string, number>;
  totalBytes: number;
}

async function weigh(files: readonly string[]): Promise<Weight> {
  const sizes: Record<string, number> = {};
  for (const name of files) {
    sizes[name] = gzipSync(await readFile(join(DIST, name)), { level: 9 }).length;
  }
  return { files: sizes, totalBytes: Object.values(sizes).reduce((a, b) => a + b, 0) };
}

/** Builds the site and measures the form's transfer size, file by file. */
export async function formWeight(): Promise<Weight> {
  await buildWeb();
  return weigh(PAGES.form);
}

/** Builds the site and measures every page's transfer size. */
export async function pageWeights(): Promise<Record<keyof typeof PAGES, Weight>> {
  await buildWeb();
  return { form: await weigh(PAGES.form), board: await weigh(PAGES.board) };
}

if (process.argv[1] === import.meta.filename) {
  for (const [page, { files, totalBytes }] of Object.entries(await pageWeights())) {
    for (const [name, bytes] of Object.entries(files))
      console.log(`${name.padEnd(12)} ${bytes} B gzip`);
    console.log(
      `${`${page} total`.padEnd(12)} ${totalBytes} B gzip (${(totalBytes / 1024).toFixed(1)} KB; budget 50 KB)`,
    );
    if (totalBytes > BUDGET_BYTES) process.exitCode = 1;
  }
}

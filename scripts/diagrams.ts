import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { workflowPages } from "./workflow-diagram";

/** `npm run diagrams`: writes docs/workflows/<workflow>.md from the definitions, removes stale pages. */
const dir = path.resolve(import.meta.dirname, "../docs/workflows");
await mkdir(dir, { recursive: true });
const pages = workflowPages();
for (const file of await readdir(dir)) if (!pages.has(file)) await rm(path.join(dir, file));
for (const [file, page] of pages) await writeFile(path.join(dir, file), page);
console.log(`${pages.size} workflow pages in docs/workflows/`);

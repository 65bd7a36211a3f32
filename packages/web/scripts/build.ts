import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { planConfig } from "@entraide/core/plan/config";
import { MEMBER_NUMBER } from "@entraide/core/request-view/fields";
import { basisValues } from "@entraide/core/request-view/types/cancelled-contract";
import { aidCategories } from "@entraide/core/request-view/types/emergency-aid";
import { loanPurposes } from "@entraide/core/request-view/types/relaunch-loan";
import { build, type Plugin } from "esbuild";

const WEB = join(import.meta.dirname, "..");
const SRC = join(WEB, "src");
export const DIST = join(WEB, "dist");

/** One bundle per page; each page's HTML is set in `shell.html`, the stylesheets copied. */
const ENTRIES = ["form", "status", "decision", "vote", "confirm", "board"];

/**
 * `messages.ts` imports the zod schemas only for `parseRequest`'s default argument; the browser
 * uses its `errorMap` alone. Replacing the schemas module keeps zod (~100 KB gzip) out of the
 * bundles; the browser validates the cheap rules and the API's 400 answers the rest.
 */
const withoutSchemas: Plugin = {
  name: "without-schemas",
  setup(b) {
    b.onResolve({ filter: /\/schemas$/ }, (args) =>
      args.importer.endsWith("requests/messages.ts")
        ? { path: "schemas", namespace: "browser-stub" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "browser-stub" }, () => ({
      contents: "export const schemas = {};",
      loader: "js",
    }));
  },
};

/**
 * The plan's limits and the schemas' closed lists the form checks before sending, taken here
 * from their one source: importing the schema modules in the browser would bundle zod. The
 * plan's windows, caps and rules are NOT baked in (one build serves every stack and plan): the
 * pages ask the running server for them (`GET /api/plan`, `lib/plan-rules.ts`).
 */
const limits = {
  documents: planConfig.documents,
  loan: planConfig.types["relaunch-loan"],
  initiative: planConfig.types["initiative-support"],
  options: { basis: basisValues, category: aidCategories, purpose: loanPurposes },
  memberNumber: MEMBER_NUMBER.source,
};

/**
 * Builds the pages into `dist/`. Each file is written aside and renamed into place, and only what
 * this build no longer makes is removed after: a stack serving `dist/` while another starts and
 * rebuilds it (browser test files in parallel) never finds a page missing or half written.
 */
export async function buildWeb(): Promise<void> {
  const files = new Map<string, string | Uint8Array>();
  const { outputFiles } = await build({
    entryPoints: ENTRIES.map((name) => join(SRC, `${name}.ts`)),
    outdir: DIST,
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    legalComments: "none",
    plugins: [withoutSchemas],
    define: { __PLAN_LIMITS__: JSON.stringify(limits) },
    logLevel: "warning",
    write: false,
  });
  for (const out of outputFiles) files.set(basename(out.path), out.contents);
  const shell = await readFile(join(SRC, "shell.html"), "utf8");
  for (const file of await readdir(join(SRC, "pages"))) {
    const text = await readFile(join(SRC, "pages", file));
    files.set(file, file.endsWith(".html") ? pageInShell(shell, String(text), file) : text);
  }
  await mkdir(DIST, { recursive: true });
  await mkdir(join(WEB, ".build"), { recursive: true });
  const aside = await mkdtemp(join(WEB, ".build", "dist-"));
  try {
    for (const [name, contents] of files) {
      await writeFile(join(aside, name), contents);
      await rename(join(aside, name), join(DIST, name));
    }
  } finally {
    await rm(aside, { recursive: true, force: true });
  }
  for (const name of await readdir(DIST))
    if (!files.has(name)) await rm(join(DIST, name), { recursive: true, force: true });
}

/**
 * A page's own `<head>` lines (its title, script, any stylesheet of its own) and its `<main>`,
 * set in the shell every page shares: the security policy, the header, the language switch.
 */
export function pageInShell(shell: string, page: string, file: string): string {
  const head = /^<head>\n([\s\S]*?)<\/head>\n/.exec(page)?.[1];
  const main = /<main id="main">[\s\S]*<\/main>\n/.exec(page)?.[0];
  if (head === undefined || main === undefined)
    throw new Error(`${file}: a page is its <head> lines, then its <main id="main">`);
  return shell
    .replace("<!-- the page's head -->\n", head)
    .replace("<!-- the page's main -->\n", main);
}

if (process.argv[1] === import.meta.filename) await buildWeb();

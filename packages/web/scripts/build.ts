import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
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

/** Builds the three pages into `dist/`. */
export async function buildWeb(): Promise<void> {
  await rm(DIST, { recursive: true, force: true });
  await mkdir(DIST, { recursive: true });
  await build({
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
  });
  const shell = await readFile(join(SRC, "shell.html"), "utf8");
  for (const file of await readdir(join(SRC, "pages"))) {
    if (!file.endsWith(".html")) await copyFile(join(SRC, "pages", file), join(DIST, file));
    else
      await writeFile(
        join(DIST, file),
        pageInShell(shell, await readFile(join(SRC, "pages", file), "utf8"), file),
      );
  }
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

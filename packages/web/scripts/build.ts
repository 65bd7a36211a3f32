import { copyFile, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { planConfig } from "@entraide/core/plan/config";
import { MEMBER_NUMBER } from "@entraide/core/requests/fields";
import { basisValues } from "@entraide/core/requests/types/cancelled-contract";
import { aidCategories } from "@entraide/core/requests/types/emergency-aid";
import { loanPurposes } from "@entraide/core/requests/types/relaunch-loan";
import { build, type Plugin } from "esbuild";

const WEB = join(import.meta.dirname, "..");
const SRC = join(WEB, "src");
export const DIST = join(WEB, "dist");

/** One bundle per page; the HTML and the stylesheet are copied as they are. */
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
 * from their one source: importing the schema modules in the browser would bundle zod.
 */
const limits = {
  documents: planConfig.documents,
  loan: planConfig.types["relaunch-loan"],
  initiative: planConfig.types["initiative-support"],
  options: { basis: basisValues, category: aidCategories, purpose: loanPurposes },
  memberNumber: MEMBER_NUMBER.source,
  /** The windows, caps and rules the checks apply, shown as hints and checked before sending. */
  rules: {
    crisisStart: planConfig.crisisStart,
    planWindow: planConfig.planWindow,
    aidCapCents: planConfig.types["emergency-aid"].capCents,
    aidPeriodDays: Math.round(planConfig.types["emergency-aid"].periodSeconds / 86_400),
    expensesCapCents: planConfig.types["incurred-expenses"].totalCapCents,
    dailyCapCents: planConfig.types["cancelled-contract"].dailyWarnAboveCents,
    workDay: planConfig.types["cancelled-contract"].workDay,
  },
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
  for (const file of await readdir(join(SRC, "pages"))) {
    await copyFile(join(SRC, "pages", file), join(DIST, file));
  }
}

if (process.argv[1] === import.meta.filename) await buildWeb();

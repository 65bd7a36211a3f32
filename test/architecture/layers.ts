import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The layers of the code base, bottom first (the README's architecture section states the same
 * list). A module may import its own layer and the layers below it, never one above.
 * A module is a folder (or a top-level file) directly under `packages/<package>/src/`, or
 * `stacks`; a new one fails the check until it is given a layer here and a line in the README.
 */
export const layers: readonly { name: string; modules: readonly string[] }[] = [
  {
    name: "foundation",
    modules: [
      "core/clock",
      "core/errors",
      "core/money",
      "core/text",
      "core/bank",
      "core/csv",
      "core/i18n",
      "core/config",
      "core/plan",
    ],
  },
  { name: "infrastructure", modules: ["core/aws", "core/deps", "core/db"] },
  { name: "engine", modules: ["core/engine"] },
  {
    name: "registers",
    modules: [
      "core/members",
      "core/contacts",
      "core/activities",
      "core/committees",
      "core/imports",
      "core/loans",
      "core/recoveries",
      "core/funds",
      "core/payouts",
      "core/documents",
    ],
  },
  { name: "request view", modules: ["core/request-view"] },
  { name: "notifications", modules: ["core/notifications"] },
  { name: "requests", modules: ["core/requests", "core/board"] },
  { name: "operations", modules: ["core/finance", "core/reports", "core/erasure"] },
  { name: "workflows", modules: ["core/workflows"] },
  {
    name: "runtime",
    modules: ["functions/context", "functions/logger", "functions/metrics", "functions/engine"],
  },
  {
    name: "entry points",
    modules: ["functions/http", "functions/queue", "functions/cron", "functions/email", "web"],
  },
  { name: "local", modules: ["functions/local", "functions/cli"] },
  { name: "stacks", modules: ["stacks"] },
];

/** The folders whose files are checked, relative to the repository root. */
export const checkedRoots = [
  "packages/core/src",
  "packages/functions/src",
  "packages/web/src",
  "stacks",
];

export interface Import {
  /** The importing file, relative to the repository root. */
  from: string;
  /** The imported file, relative to the repository root, without its extension. */
  to: string;
}

export interface Violation extends Import {
  fromLayer: string;
  toLayer: string;
}

/** The module (see `layers`) a file belongs to, or undefined outside the checked roots. */
export function moduleOf(file: string): string | undefined {
  const match = file.match(/^packages\/(core|functions|web)\/src\/([^/.]+)/);
  if (match) return match[1] === "web" ? "web" : `${match[1]}/${match[2]}`;
  return file.startsWith("stacks/") ? "stacks" : undefined;
}

export function layerOf(module: string): number {
  return layers.findIndex((layer) => layer.modules.includes(module));
}

const packageImport = /^@entraide\/(core|functions|web)\/(.+)$/;
// Static imports and re-exports (`import x from`, `import type {…} from`, `export * from`, bare
// `import "x"`) and dynamic `import("x")`; import lists may span lines.
const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^;"'`]*?\sfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The repository files a source file imports (packages and node built-ins left out). */
export function importsOf(file: string, source: string): Import[] {
  const found: Import[] = [];
  for (const match of source.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2] ?? "";
    let target: string;
    const inPackage = specifier.match(packageImport);
    if (specifier.startsWith(".")) target = path.posix.join(path.posix.dirname(file), specifier);
    else if (inPackage) target = `packages/${inPackage[1]}/src/${inPackage[2]}`;
    else continue;
    found.push({ from: file, to: target.replace(/\.(ts|js|json)$/, "") });
  }
  return found;
}

/** Every import of every TypeScript file under the checked roots. */
export function repositoryImports(root: string): Import[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules") walk(relative);
      else if (entry.isFile() && /\.tsx?$/.test(entry.name)) files.push(relative);
    }
  };
  for (const dir of checkedRoots) walk(dir);
  return files.flatMap((file) => importsOf(file, readFileSync(path.join(root, file), "utf8")));
}

/** Modules of the checked files that no layer names. */
export function unlayeredModules(imports: readonly Import[]): string[] {
  const modules = new Set<string>();
  for (const { from, to } of imports) {
    for (const file of [from, to]) {
      const module = moduleOf(file);
      if (module && layerOf(module) < 0) modules.add(module);
    }
  }
  return [...modules].sort();
}

/** Imports from a lower layer to a higher one. */
export function violations(imports: readonly Import[]): Violation[] {
  const found: Violation[] = [];
  for (const imported of imports) {
    const fromModule = moduleOf(imported.from);
    const toModule = moduleOf(imported.to);
    if (!fromModule || !toModule) continue;
    const fromLayer = layerOf(fromModule);
    const toLayer = layerOf(toModule);
    if (fromLayer < 0 || toLayer < 0 || toLayer <= fromLayer) continue;
    found.push({ ...imported, fromLayer: layers[fromLayer]!.name, toLayer: layers[toLayer]!.name });
  }
  return found;
}

/** How an import is written in the allow-list: `from-file -> imported-file`. */
export function edgeOf({ from, to }: Import): string {
  return `${from} -> ${to}`;
}

import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  edgeOf,
  importsOf,
  layers,
  repositoryImports,
  unlayeredModules,
  violations,
} from "./layers";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Imports from a lower layer to a higher one that exist today and are not ours to fix in this
 * change: each group says where the thing belongs. Remove an entry when you fix it (the test
 * fails on an entry that no longer exists, so the list only shrinks); never add one.
 */
const knownViolations = new Set<string>([]);

describe("layers", () => {
  const imports = repositoryImports(root);

  it("gives every module of packages/*/src and stacks/ a layer", () => {
    // Prepare + Act
    const unlayered = unlayeredModules(imports);

    // Assess
    expect(unlayered).toEqual([]);
  });

  it("has no import from a lower layer to a higher one, beyond the known ones", () => {
    // Prepare + Act
    const found = violations(imports)
      .filter((v) => !knownViolations.has(edgeOf(v)))
      .map((v) => `${edgeOf(v)} (${v.fromLayer} imports ${v.toLayer})`);

    // Assess
    expect(found).toEqual([]);
  });

  it("lists only known violations that still exist, so the list only shrinks", () => {
    // Prepare
    const present = new Set(violations(imports).map(edgeOf));

    // Act
    const stale = [...knownViolations].filter((edge) => !present.has(edge));

    // Assess
    expect(stale).toEqual([]);
  });

  it("handlers and the CLI reach the domain folders that have an index.ts only through it", () => {
    // Prepare: the folders whose index.ts is their public surface.
    const surfaces = [
      "activities",
      "contacts",
      "documents",
      "finance",
      "loans",
      "members",
      "payouts",
      "recoveries",
      "reports",
    ].map((folder) => `packages/core/src/${folder}/`);

    // Act
    const deep = imports
      .filter((i) => i.from.startsWith("packages/functions/src/"))
      .filter((i) => surfaces.some((s) => i.to.startsWith(s) && i.to !== `${s}index`))
      .map(edgeOf);

    // Assess
    expect(deep).toEqual([]);
  });

  it("finds a new import from a lower layer to a higher one", () => {
    // Prepare: the money module reaching up into the engine, and a handler into the local server.
    const fake = [
      ...importsOf(
        "packages/core/src/money/cents.ts",
        'import { startExecution } from "../engine/engine";\n',
      ),
      ...importsOf(
        "packages/functions/src/http/submit.ts",
        'import {\n  provision,\n} from "../local/provision";\n',
      ),
    ];

    // Act
    const found = violations([...imports, ...fake]).filter((v) => !knownViolations.has(edgeOf(v)));

    // Assess
    expect(found.map(edgeOf)).toEqual([
      "packages/core/src/money/cents.ts -> packages/core/src/engine/engine",
      "packages/functions/src/http/submit.ts -> packages/functions/src/local/provision",
    ]);
    expect(found[0]).toMatchObject({ fromLayer: "foundation", toLayer: "engine" });
  });

  it("reads every form of import: type-only, re-exports, package paths and dynamic imports", () => {
    // Prepare
    const source = [
      'import type { Deps } from "../deps";',
      'export { formatEuros } from "../i18n/format";',
      'import { planConfig } from "@entraide/core/plan/config";',
      'const m = await import("../workflows/index");',
      'import { z } from "zod";',
      'import "./side-effect.ts";',
    ].join("\n");

    // Act
    const found = importsOf("packages/core/src/requests/submit.ts", source).map((i) => i.to);

    // Assess
    expect(found).toEqual([
      "packages/core/src/deps",
      "packages/core/src/i18n/format",
      "packages/core/src/plan/config",
      "packages/core/src/workflows/index",
      "packages/core/src/requests/side-effect",
    ]);
  });

  it("a module from a higher layer may import any lower one", () => {
    // Prepare: the layers, top first, each importing the bottom.
    const bottom = layers[0]!.modules[0]!;
    const fake = layers.slice(1).map((layer) => ({
      from: `${pathOf(layer.modules[0]!)}/x.ts`,
      to: `${pathOf(bottom)}`,
    }));

    // Act + Assess
    expect(violations(fake)).toEqual([]);
  });
});

/** A module's folder: `core/engine` → `packages/core/src/engine`. */
function pathOf(module: string): string {
  if (module === "stacks") return "stacks";
  if (module === "web") return "packages/web/src/lib";
  const [pkg, name] = module.split("/");
  return `packages/${pkg}/src/${name}`;
}

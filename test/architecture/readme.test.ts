import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { layers } from "./layers";

const root = path.resolve(import.meta.dirname, "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const architecture = readme.slice(readme.indexOf("## Architecture"), readme.indexOf("\n## CLI"));

/** Every folder under `dir`, relative to the repository root, with a trailing slash. */
function folders(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "node_modules")
    .flatMap((e) => {
      const folder = `${dir}/${e.name}`;
      return [`${folder}/`, ...folders(folder)];
    });
}

describe("the README's architecture section", () => {
  it("names the job of every folder under packages/*/src, and of stacks/, bench/, scripts/, test/", () => {
    // Prepare
    const expected = [
      ...["core", "functions", "web"].flatMap((p) => [
        `packages/${p}/src/`,
        ...folders(`packages/${p}/src`),
      ]),
      "stacks/",
      "bench/",
      "scripts/",
      "test/",
    ];

    // Act
    const unnamed = expected.filter((folder) => !architecture.includes(`| \`${folder}\` | `));

    // Assess
    expect(unnamed).toEqual([]);
  });

  it("states the layers the import check enforces, in its order", () => {
    // Prepare
    const stated = [...architecture.matchAll(/^\d+\. \*\*([a-z ]+)\*\*/gm)].map((m) => m[1]);

    // Assess
    expect(stated).toEqual(layers.map((l) => l.name));
  });
});

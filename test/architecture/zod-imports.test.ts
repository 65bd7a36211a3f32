import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const sources = ["packages", "stacks"].flatMap((dir) =>
  (readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && !f.includes("node_modules"))
    .map((f) => path.join(dir, f)),
);

describe("code bundled into Lambdas", () => {
  it("imports zod as a namespace, so esbuild leaves out what it does not use", () => {
    // `import { z } from "zod"` hands over one object holding all of zod, its 48 locales
    // included, which esbuild cannot shake: 454 KB minified, where `import * as z` is 75 KB
    // (the worker's bundle went from 728 to 388 KB, create-batches' from 1,085 to 743 KB).
    // Type-only imports cost nothing and stay as they are.
    // Act
    const named = sources.filter((f) =>
      /^import \{[^}]*\bz\b[^}]*\} from "zod";?$/m.test(readFileSync(path.join(root, f), "utf8")),
    );

    // Assess
    expect(sources.length).toBeGreaterThan(200);
    expect(named).toEqual([]);
  });
});

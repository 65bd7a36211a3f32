import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const core = path.resolve(import.meta.dirname, "../../packages/core/src");

describe("the core's files", () => {
  it("are at most 300 lines each, so each reads as one concern", () => {
    // Prepare
    const files = (readdirSync(core, { recursive: true }) as string[]).filter((f) =>
      f.endsWith(".ts"),
    );

    // Act
    const long = files
      .map((f) => ({ f, lines: readFileSync(path.join(core, f), "utf8").split("\n").length - 1 }))
      .filter(({ lines }) => lines > 300)
      .map(({ f, lines }) => `${f}: ${lines} lines`);

    // Assess
    expect(files.length).toBeGreaterThan(100);
    expect(long).toEqual([]);
  });
});

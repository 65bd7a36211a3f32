import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planConfig } from "../../packages/core/src/plan/config";

const root = join(import.meta.dirname, "../..");
/** The plan's own files: its schema and defaults name every setting without reading it. */
const PLAN_FILES = ["config.ts", "schema.ts", "defaults.ts"].map(
  (f) => `packages/core/src/plan/${f}`,
);

/** Every setting of the plan, as a dotted path: objects are walked, lists are one setting. */
function leaves(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [path];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, [...path, key]));
}

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== "dist")
      out.push(...(await sources(path)));
    else if (entry.isFile() && path.endsWith(".ts")) out.push(path);
  }
  return out;
}

/** The code of every package but the plan's own files, comments left out (a comment reads nothing). */
let code: { file: string; text: string }[];
beforeAll(async () => {
  const files = (await sources(join(root, "packages"))).filter(
    (f) =>
      !PLAN_FILES.includes(relative(root, f)) && (f.includes("/src/") || f.includes("/scripts/")),
  );
  code = await Promise.all(
    files.map(async (file) => ({
      file: relative(root, file),
      text: (await readFile(file, "utf8")).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""),
    })),
  );
});

const settings = leaves(planConfig).map((path) => path.join("."));
/** Setting names too common to tell a reader by themselves. */
const COMMON_WORDS = new Set(["from", "to", "min", "max", "code", "languages", "time", "weekday"]);

describe("every value in the plan config", () => {
  it.each(settings)("%s is read by the code", (setting) => {
    // Prepare: a setting is read by its name (typePlan.fund; plan.loans passed on and read as
    // reminderBeforeDueSeconds), next to its section's when the name is a common word
    // (planWindow.from, amountCents.min).
    const path = setting.split(".");
    const key = path.at(-1)!;
    const section = path.length > 1 ? path.at(-2)! : undefined;
    const names = [key, ...(section && COMMON_WORDS.has(key) ? [section] : [])];

    // Act
    const readers = code
      .filter((c) => names.every((n) => new RegExp(`\\b${n}\\b`).test(c.text)))
      .map((c) => c.file);

    // Assess
    expect(readers, `no code reads the plan's ${setting}`).not.toEqual([]);
  });

  it("is written nowhere else: no duration constant in the core stands in for one", () => {
    // Prepare: the only durations the core may fix itself, and why they are not plan data.
    const mechanical = new Map([
      // The loan watcher ticks daily; what it waits for (due, overdue) is the plan's.
      ["packages/core/src/workflows/request-workflow.ts", "DAY_SECONDS"],
      // Units, not settings: milliseconds in a second, a minute, a day.
      ["packages/core/src/clock.ts", "UNIT_MS"],
      // How far the report counters bucket a wait (storage shape, not a rule).
      ["packages/core/src/reports/counters.ts", "MAX_DAYS"],
      // How often a member's action polls the execution it waits on (a few seconds at most).
      ["packages/core/src/requests/signal-waiting.ts", "POLL_MS"],
    ]);
    const constant = /\bconst ([A-Z][A-Z_]*_(?:SECONDS|MS|DAYS|MINUTES|HOURS))\s*=/g;

    // Act
    const found = code
      .filter((c) => c.file.startsWith("packages/core/src/") && !c.file.includes("/engine/"))
      .flatMap((c) => [...c.text.matchAll(constant)].map((m) => `${c.file}: ${m[1]}`))
      .filter((hit) => {
        const [file, name] = hit.split(": ");
        return mechanical.get(file!) !== name;
      });

    // Assess
    expect(found).toEqual([]);
  });
});

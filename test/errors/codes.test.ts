import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ERRORS, TIMEOUT_ERROR } from "../../packages/core/src/engine/retry";
import { errorCodes } from "../../packages/core/src/errors";
import { openApiDocument } from "../../packages/core/src/requests/openapi";

const root = path.resolve(import.meta.dirname, "../..");

/** Every TypeScript file of the product (not its tests). */
function sources(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules") walk(relative);
      else if (entry.isFile() && /\.tsx?$/.test(entry.name))
        found.push({ file: relative, text: readFileSync(path.join(root, relative), "utf8") });
    }
  };
  for (const dir of ["packages/core/src", "packages/functions/src", "packages/web/src"]) walk(dir);
  return found;
}

/**
 * Where a code is written in the sources: the first argument of an error's constructor, a
 * helper that builds one (`refuse("vote.applicant", …)`), a write's `errorName`, a class's own
 * `code` or a code constant.
 */
const codeSites = [
  /new (?:EntraideError|ConflictError|TokenError)\(\s*"([^"]+)"/g,
  // (a `refused("amountEuros: …")` of an import line is a reason in words, not a code)
  /\b(?:refuse|refused)\(\s*"([^"\s:]+)"/g,
  /errorName: "([^"]+)"/g,
  /readonly code: ErrorCode = "([^"]+)"/g,
  /const [A-Za-z_]+: ErrorCode = "([^"]+)"/g,
  /export const [A-Z_]+ = "([a-z-]+\.[a-z.-]+)";/g,
];
/** The errors a workflow's catch or retry rule matches: `errors: ["fund.insufficient", X]`. */
const ruleLists = /\berrors: \[((?:\s*(?:"[^"]*"|[A-Z_]+)\s*,?)+)\]/g;

describe("the list of error codes", () => {
  it("writes every code once, as domain.kebab-case", () => {
    // Prepare
    const style = /^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/;

    // Act
    const offStyle = errorCodes.filter((code) => !style.test(code));
    const twice = errorCodes.filter((code, i) => errorCodes.indexOf(code) !== i);

    // Assess
    expect(offStyle).toEqual([]);
    expect(twice).toEqual([]);
  });

  it("is the only source: every code the sources throw, write or catch is in it", () => {
    // Prepare: the engine's own names for any error and a timeout are not codes.
    const known = new Set<string>([...errorCodes, ALL_ERRORS, TIMEOUT_ERROR]);
    const files = sources();

    // Act
    const written = files.flatMap(({ file, text }) => [
      ...codeSites.flatMap((site) => [...text.matchAll(site)].map((m) => ({ file, code: m[1]! }))),
      ...[...text.matchAll(ruleLists)].flatMap((m) =>
        [...m[1]!.matchAll(/"([^"]+)"/g)].map((q) => ({ file, code: q[1]! })),
      ),
    ]);
    const unlisted = written.filter(({ code }) => !known.has(code));

    // Assess: the scan finds the codes (it reads what it claims to), and none is off the list.
    expect(written.map((w) => w.code)).toEqual(
      expect.arrayContaining(["request.busy", "fund.insufficient", "vote.applicant", "cli.usage"]),
    );
    expect(unlisted).toEqual([]);
  });

  it("lists no code that nothing uses any more", () => {
    // Prepare
    const text = sources()
      .map((s) => s.text)
      .join("\n");

    // Act: a code is used where it is written in quotes outside the list, or built from a
    // template (`board.cannot-${action}`, NotFoundError's `${kind}.not-found`).
    const listed = readFileSync(path.join(root, "packages/core/src/errors.ts"), "utf8");
    const list = listed.slice(
      listed.indexOf("export const errorCodes"),
      listed.indexOf("] as const"),
    );
    const elsewhere = text.replace(list, "");
    const templates = [...elsewhere.matchAll(/`([a-z]+\.[a-z-]*)\$\{/g)].map((m) => m[1]!);
    const unused = errorCodes.filter(
      (code) =>
        !elsewhere.includes(`"${code}"`) &&
        !templates.some((prefix) => code.startsWith(prefix)) &&
        !(
          code.endsWith(".not-found") &&
          elsewhere.includes(`new NotFoundError("${code.replace(".not-found", "")}"`)
        ),
    );

    // Assess
    expect(unused).toEqual([]);
  });

  it("is the code list the OpenAPI document gives API callers", () => {
    // Act
    const schema = openApiDocument().components.schemas.ApiError as unknown as {
      properties: { error: { properties: { code: { enum: string[] } } } };
    };

    // Assess
    expect(schema.properties.error.properties.code.enum).toEqual([...errorCodes]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRequest } from "../../packages/core/src/requests/messages";
import { languages } from "../../packages/core/src/requests/request-types";
import { validBodies } from "./fixtures";

type Json = Record<string, unknown>;

const body = fc.constantFrom(...Object.values(validBodies)).map((b) => structuredClone(b) as Json);
const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));

/** Paths to every value of a body, so mutations reach nested fields and list items too. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function setAt(root: Json, path: (string | number)[], value: unknown): Json {
  if (path.length === 0) return (value ?? {}) as Json;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root;
}

/** A valid body with 1–4 fields replaced, removed, or added, keeping the language to test. */
const mutated = fc
  .tuple(
    body,
    fc.array(fc.tuple(fc.nat(), jsonValue, fc.string({ maxLength: 12 })), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([b, edits]) => {
    for (const [pick, value, newKey] of edits) {
      const all = paths(b).filter((p) => p.length > 0 && p[0] !== "language");
      const target = all[pick % all.length]!;
      const add = pick % 5 === 0;
      setAt(b, add ? [...target.slice(0, -1), `x${newKey}`] : target, value);
    }
    return b;
  });

const isFrench = (m: string) =>
  /«|champ|doit|ajoutez|indiquez|ce |cette |un |une |le |la |l'/i.test(m);

describe("parseRequest on arbitrary input", () => {
  it("never throws, and any failure lists field errors with a message", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mutated), (input) => {
        // Act
        const parsed = parseRequest(input);

        // Assess
        if (parsed.success) return;
        expect(parsed.errors.length).toBeGreaterThan(0);
        for (const error of parsed.errors) {
          expect(typeof error.path).toBe("string");
          expect(error.code).toMatch(/^[a-z_]+$/);
          expect(error.message.trim().length).toBeGreaterThan(5);
          // An unknown field is named as the body spelled it (it may be "NaN"): judge the rest.
          const ownWords = error.message.replace(/[«“‘"][^»”’"]*[»”’"]/g, "");
          expect(ownWords).not.toMatch(
            /\{(label|field|minimum|maximum|values|expected|divisor)\}|undefined|NaN|\[object/,
          );
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("answers in the body's language: same paths and codes, different words", () => {
    fc.assert(
      fc.property(mutated, (input) => {
        // Prepare
        const [fr, nl, en] = languages.map((language) => parseRequest({ ...input, language }));

        // Assess
        if (fr!.success || nl!.success || en!.success) {
          expect([fr!.success, nl!.success, en!.success]).toEqual([true, true, true]);
          return;
        }
        expect([fr!.language, nl!.language, en!.language]).toEqual(["fr", "nl", "en"]);
        expect(nl!.errors.map((e) => [e.path, e.code])).toEqual(
          fr!.errors.map((e) => [e.path, e.code]),
        );
        expect(en!.errors.map((e) => [e.path, e.code])).toEqual(
          fr!.errors.map((e) => [e.path, e.code]),
        );
        fr!.errors.forEach((error, i) => {
          expect(
            new Set([error.message, nl!.errors[i]!.message, en!.errors[i]!.message]).size,
          ).toBe(3);
          expect(isFrench(error.message)).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });
});

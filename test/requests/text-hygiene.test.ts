import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { Activity } from "../../packages/core/src/activities/activity";
import { Answer, PostSubmission } from "../../packages/core/src/board/post";
import { Member } from "../../packages/core/src/members/member";
import { schemas } from "../../packages/core/src/request-view/schemas";
import { parseRequest, parseWith } from "../../packages/core/src/requests/messages";
import {
  ProjectCloseBody,
  TrancheReportBody,
} from "../../packages/core/src/requests/project-actions";
import { languages } from "../../packages/core/src/requests/request-types";
import { validBodies } from "./fixtures";

type Json = Record<string, unknown>;

const BIDI = [
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200E",
  "\u200F",
  "\u061C",
];
const CONTROLS = ["\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u009B", "\r", "\n", "\t"];
const LONE_SURROGATES = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF"];
const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00A0", "\u3164", " "];

/** What no accepted text may hold: bidi controls, lone surrogates, controls but \n and \t. */
const NEVER = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|\p{Cs}|(?![\n\t])\p{Cc}/u;
/**
 * Where a line break or a tab may be: the fields built with `multilineText` (a test
 * below keeps this list and the schemas in step).
 */
const MULTILINE = new Set([
  "cancellationReason",
  "description",
  "beneficiaries",
  "comment",
  "report",
  "reason",
  "text",
  "message",
]);

const upload = { fileName: "contrat.pdf", contentType: "application/pdf", size: 1000 };
const member = {
  memberNumber: "M0001",
  firstName: "Camille",
  lastName: "Dubois",
  email: "camille.dubois@example.org",
  language: "fr",
  country: "BE",
  iban: "BE21001234567803",
  shareholder: true,
};
const activity = {
  activityId: "ACT-001",
  name: "Compagnie Les Tréteaux",
  memberNumbers: ["M0001"],
  administrators: ["admin@smart.example.org"],
  backupAdministrators: [],
};

describe("text hygiene", () => {
  it("a file name with a bidi override is refused, in the reader's language", () => {
    // Prepare
    const body = { ...upload, fileName: "Annexe\u202Efdp.cmd" };

    // Act
    const parsed = languages.map((l) => parseWith(schemas.documentUpload, body, l));

    // Assess
    expect(parsed.map((p) => !p.success && p.errors)).toEqual([
      [
        {
          path: "fileName",
          code: "text_bidi_control",
          message:
            "« Nom du fichier » contient un caractère invisible qui inverse le sens du texte (U+202E ou semblable) : retirez-le en retapant le texte ou en renommant le fichier.",
        },
      ],
      [
        {
          path: "fileName",
          code: "text_bidi_control",
          message:
            "‘Bestandsnaam’ bevat een onzichtbaar teken dat de leesrichting omkeert (U+202E of gelijkaardig): verwijder het door de tekst opnieuw te typen of het bestand een andere naam te geven.",
        },
      ],
      [
        {
          path: "fileName",
          code: "text_bidi_control",
          message:
            "“File name” contains an invisible character that reverses the text's direction (U+202E or similar): remove it by typing the text again or renaming the file.",
        },
      ],
    ]);
  });

  it.each([
    ["a NUL", "Annexe\u0000.pdf", "text_control_character"],
    ["a line break", "Annexe\n.pdf", "text_control_character"],
    ["a C1 control", "Annexe\u009B.pdf", "text_control_character"],
    ["a lone surrogate", "Annexe\uD83D.pdf", "text_lone_surrogate"],
    ["a left-to-right mark", "\u200EAnnexe.pdf", "text_bidi_control"],
    ["zero-width characters only", "\u200B\u200D\u2060", "required"],
    ["a slash", "../../etc/passwd", "invalid_file_name"],
  ])("a file name with %s is refused", (_, fileName, code) => {
    // Act
    const parsed = parseWith(schemas.documentUpload, { ...upload, fileName }, "en");

    // Assess
    expect(!parsed.success && parsed.errors.map((e) => [e.path, e.code])).toEqual([
      ["fileName", code],
    ]);
  });

  it("a required text of zero-width characters or blanks only is refused as left blank", () => {
    // Prepare
    const body = {
      ...structuredClone(validBodies["cancelled-contract"]),
      reference: "\u200B\u200C\u200D",
      client: { name: "\u00A0\u3164 " },
    };

    // Act
    const parsed = parseRequest({ ...body, language: "en" });

    // Assess
    expect(!parsed.success && parsed.errors).toEqual([
      { path: "client.name", code: "required", message: "“Client's name” is required." },
      {
        path: "reference",
        code: "required",
        message: "“Contract or quote reference” is required.",
      },
    ]);
  });

  it("a NUL or a bidi override in a decision's comment is refused, and so is a line break in a one-line text", () => {
    // Act
    const nul = parseWith(schemas.decision, { decision: "reject", comment: "Non\u0000" }, "fr");
    const bidi = parseWith(schemas.infoAnswer, { comment: "\u202Eok" }, "nl");
    const lineBreak = parseRequest({
      ...structuredClone(validBodies["incurred-expenses"]),
      orderReference: "PO-1\nPO-2",
    });

    // Assess
    expect(!nul.success && nul.errors.map((e) => [e.path, e.code])).toEqual([
      ["comment", "text_control_character"],
    ]);
    expect(!bidi.success && bidi.errors.map((e) => [e.path, e.code])).toEqual([
      ["comment", "text_bidi_control"],
    ]);
    expect(!lineBreak.success && lineBreak.errors.map((e) => [e.path, e.code])).toEqual([
      ["orderReference", "text_control_character"],
    ]);
  });

  it("a multi-line text keeps its line breaks and tabs, with Windows line ends made \\n", () => {
    // Act
    const parsed = parseWith(
      schemas.decision,
      { decision: "request-info", comment: "Merci.\r\n\tLe contrat signé ?\rCordialement" },
      "fr",
    );

    // Assess
    expect(parsed).toEqual({
      success: true,
      data: { decision: "request-info", comment: "Merci.\n\tLe contrat signé ?\nCordialement" },
    });
  });

  it("the registers refuse a name with a bidi override, a control character or nothing visible, saying why", () => {
    // Act
    const refused = Member.safeParse({
      ...member,
      firstName: "Camille\u202E",
      lastName: "\u200B",
    });
    const activityRefused = Activity.safeParse({ ...activity, name: "Les Tréteaux\u0000" });

    // Assess
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["firstName", "contains a bidirectional control character (U+202E and the like)"],
      ["lastName", "must not be empty"],
    ]);
    expect(activityRefused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "contains a control character (NUL, line break and the like)"],
    ]);
  });
});

/** A string made of pieces among which the characters no accepted text may hold. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...BIDI, ...CONTROLS, ...LONE_SURROGATES, ...INVISIBLE),
      fc.string({ unit: "binary", maxLength: 4 }),
      fc.constantFrom("Annexe", "fdp.cmd", "Théâtre", "é", "a"),
    ),
    { maxLength: 8 },
  )
  .map((pieces) => pieces.join(""));

/** Paths to the strings of a value. */
function stringPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [prefix];
  if (typeof value !== "object" || value === null) return [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return entries.flatMap(([k, v]) => stringPaths(v, [...prefix, k]));
}

function setAt(root: Json, path: (string | number)[], value: string): Json {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return root;
}

/** Every string of `value` that holds what its field may not. */
function unclean(value: unknown): string[] {
  return stringPaths(value).flatMap((path) => {
    const text = path.reduce<unknown>((node, key) => (node as Json)[key], value) as string;
    const field = String(path.findLast((k) => typeof k === "string"));
    const bad = NEVER.test(text) || (!MULTILINE.has(field) && /[\n\t]/.test(text));
    return bad ? [`${path.join(".")}: ${JSON.stringify(text)}`] : [];
  });
}

const cases: { name: string; schema: z.ZodType; valid: Json }[] = [
  ...Object.entries(validBodies).map(([type, body]) => ({
    name: type,
    schema: schemas.request as z.ZodType,
    valid: body as Json,
  })),
  { name: "document upload", schema: schemas.documentUpload, valid: upload },
  { name: "info answer", schema: schemas.infoAnswer, valid: { comment: "Voici le contrat." } },
  { name: "decision", schema: schemas.decision, valid: { decision: "reject", comment: "Non." } },
  { name: "member", schema: Member, valid: member },
  { name: "activity", schema: Activity, valid: activity },
  { name: "tranche report", schema: TrancheReportBody, valid: { report: "Le local est loué." } },
  { name: "project close", schema: ProjectCloseBody, valid: { reason: "Le projet s'arrête." } },
  {
    name: "board post",
    schema: PostSubmission,
    valid: {
      kind: "offer",
      category: "objects",
      region: "brussels",
      language: "fr",
      title: "Prêt de projecteurs",
      text: "Deux projecteurs à prêter.",
      memberNumber: "M0001",
      email: "camille.dubois@example.org",
    },
  },
  {
    name: "board answer",
    schema: Answer,
    valid: { language: "fr", name: "Alex", email: "alex@example.org", message: "Intéressé." },
  },
];

describe("text hygiene, for any text", () => {
  it.each(cases)(
    "no text the $name schema accepts holds a bidi control, a control character or a lone surrogate",
    ({ schema, valid }) => {
      const paths = stringPaths(valid);
      expect(schema.safeParse(valid).success).toBe(true);
      fc.assert(
        fc.property(fc.constantFrom(...paths), hostileText, (path, text) => {
          // Act
          const parsed = schema.safeParse(setAt(structuredClone(valid), path, text));

          // Assess
          if (parsed.success) expect(unclean(parsed.data)).toEqual([]);
        }),
        { numRuns: 300 },
      );
    },
  );
});

describe("the multi-line fields this file knows", () => {
  it("are every field the core schemas build with multilineText", () => {
    // Prepare
    const root = join(__dirname, "../../packages/core/src");
    const sources = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(join(root, f), "utf8"));

    // Act
    const fields = sources.flatMap((s) =>
      [...s.matchAll(/(\w+): multilineText\(/g)].map((m) => m[1]!),
    );

    // Assess
    expect(fields.length).toBeGreaterThan(5);
    expect(fields.filter((f) => !MULTILINE.has(f))).toEqual([]);
  });
});

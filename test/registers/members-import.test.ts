import { beforeAll, describe, expect, it } from "vitest";
import { eraseMember } from "../../packages/core/src/erasure/erase";
import { MAX_IMPORT_BYTES } from "../../packages/core/src/imports/csv";
import { importMembers } from "../../packages/core/src/imports/members";
import { getMember } from "../../packages/core/src/members/register";
import { scanTable } from "../support/scan";
import { createTestStack, type TestStack } from "../support/stack";

const HEADER = "memberNumber,firstName,lastName,email,language,country,iban,shareholder";

/** A members file from data lines written with commas, in the delimiter asked for. */
function membersCsv(
  lines: string[],
  options: { delimiter?: string; bom?: boolean; eol?: string } = {},
) {
  const text = [HEADER, ...lines]
    .join(options.eol ?? "\n")
    .replaceAll(",", options.delimiter ?? ",");
  return Buffer.from(`${options.bom ? "\ufeff" : ""}${text}\n`, "utf8");
}

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});

describe("members import", () => {
  it("creates each member, with the IBAN stored in electronic format and the email in lower case", async () => {
    // Prepare
    const file = membersCsv([
      "A1,Camille,Dubois,Camille.Dubois@Example.org,fr,BE,BE21 0012 3456 7803,true",
      "A2,Léa,Martin,lea.martin@example.org,fr,FR,fr76 3000 4008 2300 0123 4567 819,false",
    ]);
    // Act
    const report = await importMembers(stack, file);
    // Assess
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 0 });
    expect(report.lines).toEqual([
      { line: 2, key: "A1", outcome: "created" },
      { line: 3, key: "A2", outcome: "created" },
    ]);
    expect(await getMember(stack, "A1")).toEqual({
      memberNumber: "A1",
      firstName: "Camille",
      lastName: "Dubois",
      email: "camille.dubois@example.org",
      language: "fr",
      country: "BE",
      iban: "BE21001234567803",
      shareholder: true,
    });
    expect((await getMember(stack, "A2"))?.iban).toBe("FR7630004008230001234567819");
  });

  it("importing a changed file again updates the changed members and reports the others unchanged", async () => {
    // Prepare
    const first = [
      "B1,Pieter,Janssens,pieter@example.org,nl,BE,BE35310123456737,true",
      "B2,Sarah,Smith,sarah@example.org,en,BE,BE74063445566707,false",
    ];
    await importMembers(stack, membersCsv(first));
    const changed = [first[0]!, "B2,Sarah,Smith,sarah@example.org,nl,BE,BE74063445566707,false"];
    // Act
    const report = await importMembers(stack, membersCsv(changed));
    // Assess
    expect(report.lines.map((l) => [l.key, l.outcome])).toEqual([
      ["B1", "unchanged"],
      ["B2", "updated"],
    ]);
    expect((await getMember(stack, "B2"))?.language).toBe("nl");
  });

  it("refuses a line with an invalid IBAN or an unknown language, saying why, and imports the other lines", async () => {
    // Prepare
    const file = membersCsv([
      "C1,Hugo,Bernard,hugo@example.org,fr,FR,FR7620041010050500001302147,false",
      "C2,Anna,Peeters,anna@example.org,nl,BE,BE35310123456738,true",
      "C3,John,Doe,john@example.org,de,BE,BE39735010120219,true",
      "C4,Amélie,Lambert,amelie@example.org,fr,BE,BE39735010120219,maybe",
    ]);
    // Act
    const report = await importMembers(stack, file);
    // Assess
    expect(report.lines).toEqual([
      { line: 2, key: "C1", outcome: "created" },
      { line: 3, key: "C2", outcome: "refused", reason: 'iban: invalid IBAN "BE35310123456738"' },
      { line: 4, key: "C3", outcome: "refused", reason: "language: must be fr, nl or en" },
      { line: 5, key: "C4", outcome: "refused", reason: "shareholder: must be true or false" },
    ]);
    expect(await getMember(stack, "C1")).toBeDefined();
    expect(await getMember(stack, "C2")).toBeUndefined();
    expect(await getMember(stack, "C3")).toBeUndefined();
  });

  it("reads a semicolon-separated file with a BOM and CRLF line ends like a comma-separated one", async () => {
    // Prepare
    const file = membersCsv(
      ["D1,Zoé,Leroy,zoe@example.org,fr,FR,FR7630003012340005000123471,true"],
      {
        delimiter: ";",
        bom: true,
        eol: "\r\n",
      },
    );
    // Act
    const report = await importMembers(stack, file);
    // Assess
    expect(report.lines).toEqual([{ line: 2, key: "D1", outcome: "created" }]);
    expect((await getMember(stack, "D1"))?.lastName).toBe("Leroy");
  });

  it("a dry run reports what the import would do and writes nothing", async () => {
    // Prepare
    await importMembers(
      stack,
      membersCsv(["E1,Jan,Claes,jan@example.org,nl,BE,BE35310123456737,false"]),
    );
    const file = membersCsv([
      "E1,Jan,Claes,jan.claes@example.org,nl,BE,BE35310123456737,false",
      "E2,Eva,Wouters,eva@example.org,nl,BE,BE74063445566707,true",
      "E3,Bad,Iban,bad@example.org,nl,BE,BE00,true",
    ]);
    const before = await scanTable(stack);
    // Act
    const dryRun = await importMembers(stack, file, { dryRun: true });
    const after = await scanTable(stack);
    const real = await importMembers(stack, file);
    // Assess
    expect(after).toEqual(before);
    expect(dryRun.dryRun).toBe(true);
    expect(dryRun.lines).toEqual(real.lines);
    expect(dryRun.counts).toEqual({ created: 1, updated: 1, unchanged: 0, refused: 1 });
  });

  it("refuses a file whose header misses a column or has an unknown one, and imports none of it", async () => {
    // Prepare
    const file = Buffer.from(
      "memberNumber,firstName,lastName,email,language,country,bank,shareholder\nF1,Jo,Doe,jo@example.org,fr,BE,BE35310123456737,true\n",
    );
    // Act
    const result = importMembers(stack, file);
    // Assess
    await expect(result).rejects.toThrow(
      /missing column iban; unknown column bank\).*nothing was imported/,
    );
    expect(await getMember(stack, "F1")).toBeUndefined();
  });

  it("refuses the second line of a member number repeated in the file, and a line with a missing field", async () => {
    // Prepare
    const file = membersCsv([
      "G1,Jo,Doe,jo@example.org,fr,BE,BE35310123456737,true",
      "G1,Jo,Doe,jo.doe@example.org,fr,BE,BE35310123456737,true",
      "G2,Jo,Doe,jo@example.org,fr,BE,true",
    ]);
    // Act
    const report = await importMembers(stack, file);
    // Assess
    expect(report.lines.slice(1)).toEqual([
      { line: 3, key: "G1", outcome: "refused", reason: "memberNumber G1 is already on line 2" },
      { line: 4, key: "G2", outcome: "refused", reason: "has 7 fields, the header has 8" },
    ]);
    expect((await getMember(stack, "G1"))?.email).toBe("jo@example.org");
  });

  it("refuses a file that is not UTF-8, and one above the size limit, before reading any line", async () => {
    // Prepare
    const latin1 = Buffer.concat([
      membersCsv([]),
      Buffer.from(
        "H1,L\xe9a,Martin,lea@example.org,fr,FR,FR7630004008230001234567819,true\n",
        "latin1",
      ),
    ]);
    const huge = Buffer.alloc(MAX_IMPORT_BYTES + 1, "a");
    // Act
    // Caught at once: a second pending rejection would be reported as unhandled.
    const notUtf8 = importMembers(stack, latin1);
    notUtf8.catch(() => undefined);
    const tooLarge = importMembers(stack, huge);
    tooLarge.catch(() => undefined);
    // Assess
    await expect(notUtf8).rejects.toThrow("save it as CSV UTF-8");
    await expect(tooLarge).rejects.toThrow("split it into smaller files");
    expect(await getMember(stack, "H1")).toBeUndefined();
  });

  it("never brings an erased member back: their line is refused with the reason, in a dry run too, and nothing changes", async () => {
    // Prepare
    const line = "J1,Noor,Peeters,noor@example.org,nl,BE,BE35310123456737,false";
    await importMembers(stack, membersCsv([line]));
    await eraseMember(stack, "J1", { by: "ops" });
    const before = await scanTable(stack);
    const day = stack.clock.now().toISOString().slice(0, 10);
    // Act
    const dryRun = await importMembers(stack, membersCsv([line]), { dryRun: true });
    const alone = await importMembers(stack, membersCsv([line]));
    const after = await scanTable(stack);
    const mixed = await importMembers(
      stack,
      membersCsv([line, "J2,Tom,Claes,tom@example.org,nl,BE,BE74063445566707,false"]),
    );
    // Assess
    const reason = `member J1 was erased on ${day}: their data is not taken in again (a member who comes back gets a new number)`;
    expect(dryRun.lines).toEqual([{ line: 2, key: "J1", outcome: "refused", reason }]);
    expect(alone.lines).toEqual([{ line: 2, key: "J1", outcome: "refused", reason }]);
    expect(after).toEqual(before);
    expect(mixed.lines).toEqual([
      { line: 2, key: "J1", outcome: "refused", reason },
      { line: 3, key: "J2", outcome: "created" },
    ]);
    expect(await getMember(stack, "J1")).toBeUndefined();
    expect(JSON.stringify(await scanTable(stack))).not.toContain("Noor");
  });
});

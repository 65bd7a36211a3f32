import path from "node:path";
import { describe, expect, it } from "vitest";
import { DB_FOLDER, dataAccessLeaks, keyPrefixes, packageSources, read } from "./data-access";

const root = path.resolve(import.meta.dirname, "../..");

describe("data-access layer", () => {
  const prefixes = keyPrefixes(read(root, `${DB_FOLDER}layout.ts`));

  it("reads the key prefixes from the layout itself", () => {
    // Prepare + Act: done above, from layout.ts.

    // Assess: the layout's partition and sort key prefixes are all found.
    expect(prefixes).toEqual(expect.arrayContaining(["EXEC#", "IBAN#", "DOCHASH#", "SIGNAL#"]));
  });

  it("flags a table name or a key prefix written outside db/", () => {
    // Prepare
    const source = [
      "/** Reads `EXEC#` items (a comment may name a prefix). */",
      "send(new GetCommand({ TableName: t, Key: { pk: `EXEC#` + id, sk: 'EXEC' } }))",
      'if (pk.startsWith("IBAN#")) drop(pk);',
    ].join("\n");

    // Act
    const leaks = dataAccessLeaks(source, prefixes);

    // Assess
    expect(leaks).toEqual(["TableName", '"EXEC#"', '"IBAN#"']);
  });

  it("has no TableName and no key prefix literal outside packages/core/src/db/", () => {
    // Prepare
    const files = packageSources(root).filter((f) => !f.startsWith(DB_FOLDER));

    // Act
    const leaks = files.flatMap((file) =>
      dataAccessLeaks(read(root, file), prefixes).map((leak) => `${file}: ${leak}`),
    );

    // Assess
    expect(files.length).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  });
});

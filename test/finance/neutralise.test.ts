import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseCell } from "../../packages/core/src/csv/neutralise";

describe("neutralising spreadsheet cells", () => {
  it.each([
    ['=HYPERLINK("http://x")'],
    ["+cmd|' /C calc'!A0"],
    ["-1+2"],
    ["@SUM(A1)"],
    ["\t=1"],
    ["\rx"],
    ["\nx"],
    ["＝1+1"],
  ])("%j gets a leading quote", (value) => {
    // Act
    const cell = neutraliseCell(value);

    // Assess
    expect(cell).toBe(`'${value}`);
  });

  it.each([["Dupont"], ["1234.56"], ["a=b"], [" x"], [""], ["'quoted"]])(
    "%j is left alone",
    (value) => {
      expect(neutraliseCell(value)).toBe(value);
    },
  );

  it("a neutralised cell never starts a formula and keeps the whole value after the quote", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 20 }), (value) => {
        // Act
        const cell = neutraliseCell(value);

        // Assess
        expect(cell).toMatch(/^(?![=+\-@\t\r\n＝＋－＠])/);
        expect([value, `'${value}`]).toContain(cell);
      }),
    );
  });
});

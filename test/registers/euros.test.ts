import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCents } from "../../packages/core/src/money/cents";
import { parseEuros } from "../../packages/core/src/money/euros";

describe("amounts in euros", () => {
  it.each([
    ["1500", 150_000],
    ["0", 0],
    ["1500.5", 150_050],
    ["1500.50", 150_050],
    ["1500,5", 150_050],
    ["1500,05", 150_005],
    ["0.01", 1],
    ["1 500,50", 150_050],
    ["1\u00a0500\u00a0000", 150_000_000],
    ["1\u202f500.99", 150_099],
    ["  42  ", 4_200],
    ["0.29", 29],
    ["1000000000", 100_000_000_000],
  ])("%j is read as %i cents", (text, cents) => {
    // Act
    const parsed = parseEuros(text);
    // Assess
    expect(parsed).toBe(cents);
  });

  it.each([
    ["", /not an amount/],
    ["abc", /not an amount/],
    ["-5", /not an amount/],
    ["12.345", /at most two decimals/],
    ["1.500", /at most two decimals/],
    ["1.500,50", /not an amount/],
    ["1,500.50", /not an amount/],
    ["1500.", /not an amount/],
    [".5", /not an amount/],
    ["1e3", /not an amount/],
    ["€1500", /not an amount/],
    ["15 00", /not an amount/],
    ["1000000000.01", /above the maximum/],
    ["99999999999999999999", /above the maximum/],
  ])("%j is refused", (text, message) => {
    // Act
    const parse = () => parseEuros(text);
    // Assess
    expect(parse).toThrow(message);
  });

  it("reads back exactly every amount it formats, with a dot or a comma", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (cents) => {
        // Act
        const dotted = formatCents(cents);
        // Assess
        expect(parseEuros(dotted)).toBe(cents);
        expect(parseEuros(dotted.replace(".", ","))).toBe(cents);
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCents, formatCents, parseCents } from "../../packages/core/src/money/cents";

describe("cents as decimal text", () => {
  it.each([
    [0, ".", "0.00"],
    [5, ".", "0.05"],
    [123_456, ".", "1234.56"],
    [123_456, ",", "1234,56"],
    [-1_050, ".", "-10.50"],
    [Number.MAX_SAFE_INTEGER, ".", "90071992547409.91"],
  ] as const)("%i cents with %j is %j", (cents, separator, text) => {
    expect(formatCents(cents, separator)).toBe(text);
  });

  it("formatting then parsing gives back the same cents, for every safe integer", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom(".", ","), (cents, separator) => {
        // Act
        const text = formatCents(cents, separator);

        // Assess
        expect(text).toMatch(/^-?\d+[.,]\d{2}$/);
        expect(parseCents(text)).toBe(cents);
      }),
    );
  });

  it.each([["1.234,56"], ["1e3"], ["12.345"], [""], ["€12"], ["0x10"]])(
    "refuses to parse %j",
    (text) => {
      expect(() => parseCents(text)).toThrow();
    },
  );

  it.each([[0.5], [Number.NaN], [Number.MAX_SAFE_INTEGER + 1]])("refuses %d as cents", (cents) => {
    expect(() => formatCents(cents)).toThrow();
  });

  it("a sum leaving the exact integer range is refused", () => {
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow();
  });
});

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
    ["1.250,50", 125_050],
    ["1,250.50", 125_050],
    ["999.999,99", 99_999_999],
    ["1.000.000.000,00", 100_000_000_000],
    ["1.250.000", 125_000_000],
    ["1,250,000", 125_000_000],
    ["1\u202f250,50", 125_050],
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
    ["12.3456", /at most two decimals/],
    ["1.500", /can be read two ways: write 1500 for thousands/],
    ["1,500", /can be read two ways/],
    ["1.25.0", /not an amount/],
    ["1,2,3", /not an amount/],
    ["1.2500,50", /not an amount/],
    ["12.50,5.0", /not an amount/],
    ["1.250.50", /not an amount/],
    ["1,250,50", /not an amount/],
    ["1.250 000", /not an amount/],
    ["1,250.500", /not an amount/],
    ["1.250,", /not an amount/],
    [",50", /not an amount/],
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

  it.each([
    ["fr", "1.250", 125_000],
    ["nl", "1.250", 125_000],
    ["en", "1,250", 125_000],
    ["fr", "1.250,5", 125_050],
    ["en", "1,250.5", 125_050],
    ["en", "1.25", 125],
    ["fr", "1,25", 125],
  ] as const)("in %s, %j is read as %i cents", (language, text, cents) => {
    // Act
    const parsed = parseEuros(text, language);
    // Assess
    expect(parsed).toBe(cents);
  });

  it.each([
    ["fr", "1,250"],
    ["nl", "1,250"],
    ["en", "1.250"],
    ["fr", "1.25.0"],
    ["en", "1,2,3"],
  ] as const)("in %s, %j is refused as not an amount", (language, text) => {
    // Act
    const parse = () => parseEuros(text, language);
    // Assess
    expect(parse).toThrow(/not an amount/);
  });

  it("reads back every amount written with the readers' own thousands separators", () => {
    const locales = { fr: "fr-BE", nl: "nl-BE", en: "en-GB" } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_000 }),
        fc.constantFrom("fr", "nl", "en" as const),
        (cents, language) => {
          // Prepare
          const written = new Intl.NumberFormat(locales[language], {
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
          }).format(cents / 100);
          // Act
          const parsed = parseEuros(written, language);
          // Assess
          expect(parsed).toBe(cents);
        },
      ),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isSepaIdentifier,
  isSepaText,
  toSepaText,
} from "../../packages/core/src/payouts/sepa-text";

describe("transliteration to the SEPA character set", () => {
  it.each([
    ["Zoë Lefèvre", "Zoe Lefevre"],
    ["Straße Œuvre Æsop", "Strasse OEuvre AEsop"],
    ["Søren Łukasz Đorđe Þór", "Soren Lukasz Dorde Thor"],
    ["Dupont & Fils", "Dupont + Fils"],
    ["l’atelier « Le Chœur »", "l'atelier Le Choeur"],
    ["Jean—Pierre; Marie!", "Jean-Pierre, Marie."],
    ["Ｆｕｌｌ ﬁn", "Full fin"],
    ["Αλέξης Τσίπρας", "Alexis Tsipras"],
    ["ΘΕΟΔΩΡΟΣ Ουρανός", "THEODOROS Ouranos"],
    ["Юлия Щербакова", "Yuliya Shcherbakova"],
    ["Олександр Ґалаґан", "Oleksandr Galagan"],
    ["a_b\tc\n\nd   e", "a b c d e"],
    ["//Ref//x/", "Ref/x"],
  ])("%j becomes %j", (input, expected) => {
    // Act
    const text = toSepaText(input, { maxLength: 70 });

    // Assess
    expect(text).toBe(expected);
  });

  it.each([["محمد"], ["王小明"], ["🎉🎉"], ["***"], ["' - '"]])(
    "%j, with no letter or digit left, becomes the fallback",
    (input) => {
      // Act
      const text = toSepaText(input, { maxLength: 70, fallback: "ENT-00000001" });

      // Assess
      expect(text).toBe("ENT-00000001");
    },
  );

  it("a long text is cut at a word boundary near the limit", () => {
    // Prepare
    const input = "Aide pour le loyer du mois d'avril et une facture d'énergie";

    // Act
    const text = toSepaText(input, { maxLength: 30 });

    // Assess
    expect(text).toBe("Aide pour le loyer du mois");
  });

  it("a long word without spaces is cut at the limit", () => {
    // Act
    const text = toSepaText(`AB ${"x".repeat(100)}`, { maxLength: 35 });

    // Assess
    expect(text).toBe(`AB ${"x".repeat(32)}`);
  });

  it("a fallback outside the character set is refused", () => {
    // Act
    const transliterate = () => toSepaText("王", { maxLength: 70, fallback: "王" });

    // Assess
    expect(transliterate).toThrow(/fallback/);
  });

  it("any text becomes non-empty SEPA text within the length, without edge spaces", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.integer({ min: 7, max: 140 }),
        (input, maxLength) => {
          // Act
          const text = toSepaText(input, { maxLength });

          // Assess
          expect(isSepaText(text)).toBe(true);
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(maxLength);
          expect(text).toBe(text.trim());
          expect(text).not.toMatch(/ {2}|\/\/|^\/|\/$/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("SEPA text with single spaces and a letter passes unchanged", () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9?:().,'+-]{0,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        // Prepare
        const input = words.join(" ");

        // Act
        const text = toSepaText(input, { maxLength: 140 });

        // Assess
        expect(text).toBe(input);
      }),
    );
  });
});

describe("SEPA identifiers", () => {
  it.each([["ENT-2020-000001"], ["B/2020/04"], ["a".repeat(35)]])("%j is an identifier", (id) => {
    expect(isSepaIdentifier(id)).toBe(true);
  });

  it.each([[""], ["a".repeat(36)], ["/x"], ["x/"], ["a//b"], ["é"], [" x"], ["a_b"]])(
    "%j is not an identifier",
    (id) => {
      expect(isSepaIdentifier(id)).toBe(false);
    },
  );
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isRfCreditorReference,
  isStructuredCommunication,
  rfCreditorReference,
  structuredCommunication,
} from "../../packages/core/src/recoveries/structured-communication";

describe("Belgian structured communication", () => {
  it.each([
    [909_337_554, "+++090/9337/55493+++"],
    [108_068_171, "+++010/8068/17183+++"],
    [1, "+++000/0000/00101+++"],
    [97, "+++000/0000/09797+++"],
    [0, "+++000/0000/00097+++"],
    [9_999_999_999, "+++999/9999/99948+++"],
  ])("%i gives %s", (base, expected) => {
    // Act
    const text = structuredCommunication(base);

    // Assess
    expect(text).toBe(expected);
    expect(isStructuredCommunication(text)).toBe(true);
  });

  it.each([[-1], [10_000_000_000], [1.5], [Number.NaN]])("refuses %d as a base", (base) => {
    expect(() => structuredCommunication(base)).toThrow(RangeError);
  });

  it.each([
    ["***090/9337/55493***", true],
    [" +++090/9337/55493+++ ", true],
    ["+++090/9337/55494+++", false],
    ["+++090/9337/55400+++", false],
    ["+++090/9337/55493***", false],
    ["090/9337/55493", false],
    ["+++0909/337/55493+++", false],
  ])("%j is valid: %s", (text, valid) => {
    expect(isStructuredCommunication(text)).toBe(valid);
  });

  it("the check digits are the base mod 97, or 97 when it divides the base", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (base) => {
        // Act
        const digits = structuredCommunication(base).replace(/\D/g, "");

        // Assess
        expect(Number(digits.slice(0, 10))).toBe(base);
        const check = Number(digits.slice(10));
        expect(check).toBeGreaterThanOrEqual(1);
        expect(check).toBeLessThanOrEqual(97);
        expect((base - check) % 97 === 0 || (base % 97 === 0 && check === 97)).toBe(true);
      }),
    );
  });

  it("changing any one digit is detected", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (base, position, shift) => {
          // Prepare
          const digits = structuredCommunication(base).replace(/\D/g, "").split("");
          digits[position] = String((Number(digits[position]) + shift) % 10);
          const d = digits.join("");
          const altered = `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;

          // Act
          const valid = isStructuredCommunication(altered);

          // Assess
          expect(valid).toBe(false);
        },
      ),
    );
  });
});

describe("RF creditor reference (ISO 11649)", () => {
  it("the standard's example gets its check digits", () => {
    expect(rfCreditorReference("5390 0754 7034")).toBe("RF18539007547034");
    expect(isRfCreditorReference("RF18 5390 0754 7034")).toBe(true);
    expect(isRfCreditorReference("RF19539007547034")).toBe(false);
  });

  it("any reference of letters and digits gives a valid RF reference", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,21}$/), (reference) => {
        // Act
        const rf = rfCreditorReference(reference);

        // Assess
        expect(rf).toMatch(/^RF\d{2}/);
        expect(rf.slice(4)).toBe(reference);
        expect(isRfCreditorReference(rf)).toBe(true);
      }),
    );
  });

  it.each([[""], ["A".repeat(22)], ["ÉCOLE"], ["a-b"]])(
    "refuses %j as a reference",
    (reference) => {
      expect(() => rfCreditorReference(reference)).toThrow(RangeError);
    },
  );
});

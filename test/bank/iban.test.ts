import { describe, expect, it } from "vitest";
import {
  ELECTRONIC_IBAN,
  formatIban,
  ibanCountry,
  ibanEnd,
  ibanProblem,
  isValidIban,
  normaliseIban,
} from "../../packages/core/src/bank/iban";

describe("one IBAN module", () => {
  it.each([
    ["BE68539007547034", "BE68539007547034"],
    ["be68 5390-0754 7034", "BE68539007547034"],
    [" BE68 5390 0754 7034 ", "BE68539007547034"],
    ["fr14 2004 1010 0505 0001 3m02 606", "FR1420041010050500013M02606"],
  ])("normalises %j to the electronic format %s", (typed, electronic) => {
    expect(normaliseIban(typed)).toBe(electronic);
    expect(ELECTRONIC_IBAN.test(normaliseIban(typed))).toBe(true);
  });

  it.each([
    ["BE68539007547034", undefined],
    ["be68 5390-0754 7034", undefined],
    ["CH9300762011623852957", undefined], // SEPA outside the EU
    ["BE68539007547035", "invalid_iban"], // mod-97 off by one
    ["BE6853900754703", "invalid_iban"], // one character short for Belgium
    ["BE685390075470341", "invalid_iban"], // one character long
    ["XX68539007547034", "invalid_iban"], // no such country
    ["BE68 5390 0754 7034x", "invalid_iban"],
    ["", "invalid_iban"],
    ["TR330006100519786457841326", "iban_not_sepa"], // a valid IBAN SEPA transfers do not reach
    ["BR1800360305000010009795493C1", "iban_not_sepa"],
  ])("finds in %j the problem %s", (typed, problem) => {
    expect(ibanProblem(typed)).toBe(problem);
  });

  it("validates only the electronic format: people's layouts go through normaliseIban first", () => {
    expect(isValidIban("BE68539007547034")).toBe(true);
    expect(isValidIban("BE68 5390 0754 7034")).toBe(false);
    expect(isValidIban(normaliseIban("BE68 5390 0754 7034"))).toBe(true);
  });

  it("accepts in electronic format only upper case without separators", () => {
    expect(ELECTRONIC_IBAN.test("BE68539007547034")).toBe(true);
    expect(ELECTRONIC_IBAN.test("be68539007547034")).toBe(false);
    expect(ELECTRONIC_IBAN.test("BE68 5390 0754 7034")).toBe(false);
  });

  it("formats for display in groups of four, the last group shorter", () => {
    expect(formatIban("BE68539007547034")).toBe("BE68 5390 0754 7034");
    expect(formatIban("fr1420041010050500013M02606")).toBe("FR14 2004 1010 0505 0001 3M02 606");
  });

  it("tells the country and the last four characters in any layout", () => {
    expect(ibanCountry("fr14 2004 1010 0505 0001 3M02 606")).toBe("FR");
    expect(ibanEnd("BE68 5390 0754 7034")).toBe("7034");
    expect(ibanEnd("FR1420041010050500013M02606")).toBe("2606");
  });
});

import { describe, expect, it } from "vitest";
import { labelOf } from "../../packages/core/src/request-view/labels";
import { parseRequest } from "../../packages/core/src/requests/messages";
import { validBodies } from "./fixtures";

const loan = (changes: Record<string, unknown>) => ({
  ...structuredClone(validBodies["relaunch-loan"]),
  ...changes,
});
const messageAt = (body: unknown, path: string) => {
  const parsed = parseRequest(body);
  return parsed.success ? undefined : parsed.errors.find((e) => e.path === path)?.message;
};

describe("field messages", () => {
  it.each([
    {
      language: "fr",
      message:
        "« Montant » doit être un nombre entier de centimes positif, sans décimales (12550 pour 125,50 €).",
    },
    {
      language: "nl",
      message:
        "‘Bedrag’ moet een positief geheel aantal cent zijn, zonder decimalen (12550 voor € 125,50).",
    },
    {
      language: "en",
      message:
        "“Amount” must be a positive whole number of cents, without decimals (12550 for €125.50).",
    },
  ])("say in $language that an amount must be whole cents", ({ language, message }) => {
    // Act
    const actual = messageAt(loan({ language, amountCents: 4000.5 }), "amountCents");

    // Assess
    expect(actual).toBe(message);
  });

  it.each([
    { language: "fr", fragment: "vérifiez le code pays, la longueur et les chiffres de contrôle" },
    { language: "nl", fragment: "controleer de landcode, de lengte en de controlecijfers" },
    { language: "en", fragment: "check the country code, the length and the check digits" },
  ])("explain a wrong IBAN in $language", ({ language, fragment }) => {
    // Act
    const actual = messageAt(loan({ language, iban: "BE00539007547034" }), "iban");

    // Assess
    expect(actual).toContain(fragment);
  });

  it.each([
    { language: "fr", message: "Le champ « Numéro de membre » est obligatoire." },
    { language: "nl", message: "Het veld ‘Lidnummer’ is verplicht." },
    { language: "en", message: "“Member number” is required." },
  ])("name the missing field by its label in $language", ({ language, message }) => {
    // Prepare
    const body: Record<string, unknown> = loan({ language });
    delete body.memberNumber;

    // Act
    const actual = messageAt(body, "memberNumber");

    // Assess
    expect(actual).toBe(message);
  });

  it("gives amount bounds in euros of the request's language", () => {
    // Act
    const actual = messageAt(loan({ language: "fr", amountCents: 10_000 }), "amountCents");

    // Assess
    expect(actual).toMatch(/^« Montant » doit être d'au moins 500,00\s€\.$/);
  });

  it("speaks French when the body asks for a language we do not speak", () => {
    // Act
    const parsed = parseRequest(loan({ language: "de", amountCents: "beaucoup" }));

    // Assess
    expect(parsed).toMatchObject({ success: false, language: "fr" });
    expect(messageAt(loan({ language: "de", amountCents: "x" }), "amountCents")).toContain(
      "centimes",
    );
  });

  it("refuses each unknown field on its own, with its dotted path", () => {
    // Prepare
    const body = {
      ...structuredClone(validBodies["incurred-expenses"]),
      language: "en",
      status: "approved",
      lines: [{ ...validBodies["incurred-expenses"].lines[0], vat: 21 }],
    };

    // Act
    const parsed = parseRequest(body);

    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.success ? [] : parsed.errors).toEqual([
      {
        path: "lines.0.vat",
        code: "unknown_field",
        message: "The field “vat” is not expected here: remove it.",
      },
      {
        path: "status",
        code: "unknown_field",
        message: "The field “status” is not expected here: remove it.",
      },
    ]);
  });

  it("refuses an unknown field named like an object's own property instead of failing", () => {
    // Act
    const parsed = parseRequest(loan({ language: "en", toString: 0, constructor: {} }));

    // Assess
    expect(parsed.success ? [] : parsed.errors).toEqual([
      {
        path: "toString",
        code: "unknown_field",
        message: "The field “toString” is not expected here: remove it.",
      },
      {
        path: "constructor",
        code: "unknown_field",
        message: "The field “constructor” is not expected here: remove it.",
      },
    ]);
  });

  it("never echoes the submitted value in a message", () => {
    // Act
    const parsed = parseRequest(loan({ iban: "BE00SECRETVALUE", description: 42 }));

    // Assess
    expect(JSON.stringify(parsed)).not.toContain("SECRETVALUE");
  });

  it("labels a nested field without its list index", () => {
    // Act
    const label = labelOf(["lines", 3, "amountCents"], "nl");

    // Assess
    expect(label).toBe("Bedrag van de uitgave");
  });
});

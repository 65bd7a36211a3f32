import { describe, expect, it } from "vitest";
import { memberOf } from "../../packages/core/src/members/member";
import { loadPlanConfig, planConfig } from "../../packages/core/src/plan/config";
import { iban } from "../../packages/core/src/requests/checks/iban";
import { context, requestOf } from "../requests/fixtures";

const member = (country: string) => ({
  memberNumber: "M0100",
  firstName: "Anna",
  lastName: "Schmidt",
  email: "anna@example.de",
  language: "en",
  country,
  iban: "DE89370400440532013000",
  shareholder: true,
});

describe("countries of the plan", () => {
  it("default to Belgium and France", () => {
    // Assess
    expect(planConfig.countries.map((c) => c.code)).toEqual(["BE", "FR"]);
  });

  it.each([
    { country: "BE", plan: planConfig, accepted: true },
    { country: "DE", plan: planConfig, accepted: false },
    {
      country: "DE",
      plan: loadPlanConfig({
        countries: [
          { code: "BE", languages: ["fr", "nl"] },
          { code: "DE", languages: ["en"] },
        ],
      }),
      accepted: true,
    },
  ])("the register takes a member of $country: $accepted", ({ country, plan, accepted }) => {
    // Act
    const parsed = memberOf(plan).safeParse(member(country));

    // Assess
    expect(parsed.success).toBe(accepted);
    if (!accepted) expect(parsed.error?.issues[0]?.message).toContain("BE, FR");
  });

  it.each([
    { name: "an unknown language", countries: [{ code: "DE", languages: ["de"] }] },
    { name: "a country outside SEPA", countries: [{ code: "US", languages: ["en"] }] },
    { name: "a lower-case code", countries: [{ code: "be", languages: ["fr"] }] },
    {
      name: "a country twice",
      countries: [
        { code: "BE", languages: ["fr"] },
        { code: "BE", languages: ["nl"] },
      ],
    },
    { name: "no country", countries: [] },
  ])("refuse at start-up $name", ({ countries }) => {
    // Act
    const load = () => loadPlanConfig({ countries } as never);

    // Assess
    expect(load).toThrow(/invalid plan configuration: countries/);
  });
});

describe("the IBAN check follows the member's country", () => {
  const withMember = (country: string) =>
    context({
      member: {
        memberNumber: "M-001234",
        email: "ada@example.be",
        iban: "BE68539007547034",
        country,
      },
    });

  it.each([
    { memberCountry: "BE", outcome: "pass", code: "iban_valid" },
    { memberCountry: "FR", outcome: "warn", code: "iban_other_country" },
  ])(
    "a Belgian IBAN of a member in $memberCountry: $outcome",
    ({ memberCountry, outcome, code }) => {
      // Act
      const result = iban.run(requestOf("emergency-aid"), withMember(memberCountry));

      // Assess
      expect(result).toMatchObject({ outcome, reason: { code } });
    },
  );
});

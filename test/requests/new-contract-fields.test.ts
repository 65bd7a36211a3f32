import { describe, expect, it } from "vitest";
import { parseRequest } from "../../packages/core/src/requests/messages";
import { docA, docB, validBodies } from "./fixtures";

const contract = (changes: Record<string, unknown>, drop: string[] = []) => {
  const body: Record<string, unknown> = {
    ...structuredClone(validBodies["cancelled-contract"]),
    ...changes,
  };
  for (const field of drop) delete body[field];
  return body;
};
const errorsOf = (body: unknown) => {
  const parsed = parseRequest(body);
  return parsed.success ? [] : parsed.errors;
};

describe("a cancelled contract without an Activity", () => {
  it("is accepted with the choice and no activity", () => {
    // Act
    const parsed = parseRequest(contract({ withoutActivity: true }, ["activityId"]));

    // Assess
    expect(parsed).toMatchObject({ success: true, data: { withoutActivity: true } });
    expect(parsed.success && "activityId" in parsed.data && parsed.data.activityId).toBeFalsy();
  });

  it.each([
    { language: "fr", message: "Le champ « Activité » est obligatoire." },
    { language: "nl", message: "Het veld ‘Activiteit’ is verplicht." },
    { language: "en", message: "“Activity” is required." },
  ])(
    "still asks in $language for an activity when the choice is not made",
    ({ language, message }) => {
      // Act
      const errors = errorsOf(contract({ language }, ["activityId"]));

      // Assess
      expect(errors).toEqual([{ path: "activityId", code: "required", message }]);
    },
  );

  it.each([
    { language: "fr", fragment: "Indiquez une activité ou cochez" },
    { language: "nl", fragment: "Vermeld een activiteit of vink aan" },
    { language: "en", fragment: "Give an activity or tick" },
  ])("refuses in $language an activity and the choice together", ({ language, fragment }) => {
    // Act
    const errors = errorsOf(contract({ language, withoutActivity: true }));

    // Assess
    expect(errors).toEqual([
      expect.objectContaining({ path: "withoutActivity", code: "activity_and_without_activity" }),
    ]);
    expect(errors[0]!.message).toContain(fragment);
  });

  it.each([false, "yes", 1])("refuses %j as the choice", (value) => {
    // Act
    const errors = errorsOf(contract({ withoutActivity: value }, ["activityId"]));

    // Assess
    expect(errors.map((e) => e.path)).toContain("withoutActivity");
  });
});

describe("a negotiation's correspondence", () => {
  it("is accepted when one of the documents is marked as the correspondence", () => {
    // Act
    const parsed = parseRequest(
      contract({ basis: "negotiation", documents: [docA, docB], correspondenceDocuments: [docB] }),
    );

    // Assess
    expect(parsed).toMatchObject({ success: true, data: { correspondenceDocuments: [docB] } });
  });

  it.each([
    { language: "fr", fragment: "marquez au moins un document comme la correspondance" },
    { language: "nl", fragment: "minstens één document als de briefwisseling" },
    { language: "en", fragment: "mark at least one document as the correspondence" },
  ])("is required in $language for a negotiation, marked or empty", ({ language, fragment }) => {
    for (const marked of [undefined, []]) {
      // Act
      const errors = errorsOf(
        contract({ language, basis: "negotiation", correspondenceDocuments: marked }),
      );

      // Assess
      expect(errors).toEqual([
        expect.objectContaining({
          path: "correspondenceDocuments",
          code: "correspondence_required",
        }),
      ]);
      expect(errors[0]!.message).toContain(fragment);
    }
  });

  it("is not required for a signed contract or a quote", () => {
    for (const basis of ["signed-contract", "quote"]) {
      // Act
      const parsed = parseRequest(contract({ basis }));

      // Assess
      expect(parsed.success).toBe(true);
    }
  });

  it.each([
    { language: "fr", fragment: "n'est pas joint à la demande" },
    { language: "nl", fragment: "is niet bij de aanvraag gevoegd" },
    { language: "en", fragment: "is not attached to the request" },
  ])("must be among the documents ($language)", ({ language, fragment }) => {
    // Act
    const errors = errorsOf(
      contract({
        language,
        basis: "negotiation",
        documents: [docA],
        correspondenceDocuments: [docB],
      }),
    );

    // Assess
    expect(errors).toEqual([
      expect.objectContaining({
        path: "correspondenceDocuments.0",
        code: "correspondence_not_attached",
      }),
    ]);
    expect(errors[0]!.message).toContain(fragment);
  });
});

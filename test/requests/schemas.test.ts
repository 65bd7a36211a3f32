import { describe, expect, it } from "vitest";
import { loadPlanConfig } from "../../packages/core/src/plan/config";
import { createSchemas, schemas } from "../../packages/core/src/request-view/schemas";
import { parseRequest, parseWith } from "../../packages/core/src/requests/messages";
import { docA, docB, validBodies } from "./fixtures";

type Case = { name: string; body: Record<string, unknown>; path: string; code: string };

const with_ = (type: keyof typeof validBodies, changes: Record<string, unknown>) => ({
  ...structuredClone(validBodies[type]),
  ...changes,
});
const without = (type: keyof typeof validBodies, field: string) => {
  const body: Record<string, unknown> = structuredClone(validBodies[type]);
  delete body[field];
  return body;
};

describe("request schemas", () => {
  it.each(Object.keys(validBodies))("accept a valid %s body", (type) => {
    // Act
    const parsed = parseRequest(validBodies[type as keyof typeof validBodies]);

    // Assess
    expect(parsed).toMatchObject({ success: true, data: { type } });
  });

  it("normalises the IBAN, member number and email as people type them", () => {
    // Prepare
    const body = with_("emergency-aid", {
      iban: " be68 5390-0754 7034 ",
      memberNumber: " M-001234 ",
      email: " Ada@Example.BE ",
    });

    // Act
    const parsed = parseRequest(body);

    // Assess
    expect(parsed.success && parsed.data).toMatchObject({
      iban: "BE68539007547034",
      memberNumber: "M-001234",
      email: "ada@example.be",
    });
  });

  const invalid: Case[] = [
    // cancelled-contract
    {
      name: "no documents",
      body: with_("cancelled-contract", { documents: [] }),
      path: "documents",
      code: "too_few",
    },
    {
      name: "a gross amount in euros with decimals",
      body: with_("cancelled-contract", { grossAmountCents: 900.5 }),
      path: "grossAmountCents",
      code: "not_integer",
    },
    {
      name: "a negative gross amount",
      body: with_("cancelled-contract", { grossAmountCents: -1 }),
      path: "grossAmountCents",
      code: "too_small",
    },
    {
      name: "an amount beyond safe integers",
      body: with_("cancelled-contract", { grossAmountCents: 2 ** 60 }),
      path: "grossAmountCents",
      code: "too_big",
    },
    {
      name: "the amount as a string",
      body: with_("cancelled-contract", { grossAmountCents: "900" }),
      path: "grossAmountCents",
      code: "invalid_type",
    },
    {
      name: "a 30th of February",
      body: with_("cancelled-contract", { cancellationDate: "2020-02-30" }),
      path: "cancellationDate",
      code: "invalid_date",
    },
    {
      name: "a date with a time",
      body: with_("cancelled-contract", { cancellationDate: "2020-03-13T10:00:00Z" }),
      path: "cancellationDate",
      code: "invalid_date",
    },
    {
      name: "an unknown basis",
      body: with_("cancelled-contract", { basis: "handshake" }),
      path: "basis",
      code: "invalid_option",
    },
    {
      name: "hours and cachets on one day",
      body: with_("cancelled-contract", {
        workDays: [{ date: "2020-03-20", hours: 2, cachets: 1 }],
      }),
      path: "workDays.0.cachets",
      code: "hours_and_cachets",
    },
    {
      name: "hours not in quarters",
      body: with_("cancelled-contract", { workDays: [{ date: "2020-03-20", hours: 2.1 }] }),
      path: "workDays.0.hours",
      code: "not_multiple_of",
    },
    {
      name: "the same date twice",
      body: with_("cancelled-contract", {
        workDays: [{ date: "2020-03-20" }, { date: "2020-03-20" }],
      }),
      path: "workDays",
      code: "duplicate_date",
    },
    {
      name: "an unknown field in a work day",
      body: with_("cancelled-contract", { workDays: [{ date: "2020-03-20", rate: 1 }] }),
      path: "workDays.0.rate",
      code: "unknown_field",
    },
    {
      name: "a client without a name",
      body: with_("cancelled-contract", { client: { name: "   " } }),
      path: "client.name",
      code: "required",
    },
    {
      name: "a bad client email",
      body: with_("cancelled-contract", { client: { name: "X", email: "x@" } }),
      path: "client.email",
      code: "invalid_email",
    },
    {
      name: "a document id that is no uuid",
      body: with_("cancelled-contract", { documents: ["../../etc/passwd"] }),
      path: "documents.0",
      code: "invalid_document_id",
    },
    {
      name: "the same document twice",
      body: with_("cancelled-contract", { documents: [docA, docA] }),
      path: "documents",
      code: "duplicate_document",
    },
    {
      name: "a reference too long",
      body: with_("cancelled-contract", { reference: "x".repeat(101) }),
      path: "reference",
      code: "too_long",
    },
    // incurred-expenses
    {
      name: "no expense lines",
      body: with_("incurred-expenses", { lines: [] }),
      path: "lines",
      code: "too_few",
    },
    {
      name: "51 expense lines",
      body: with_("incurred-expenses", {
        lines: Array.from({ length: 51 }, () => validBodies["incurred-expenses"].lines[0]),
      }),
      path: "lines",
      code: "too_many",
    },
    {
      name: "a line without receipt",
      body: with_("incurred-expenses", {
        lines: [{ date: "2020-03-02", description: "Fabric", amountCents: 100 }],
      }),
      path: "lines.0.documentId",
      code: "required",
    },
    {
      name: "a line of zero cents",
      body: with_("incurred-expenses", {
        lines: [{ date: "2020-03-02", description: "Fabric", amountCents: 0, documentId: docB }],
      }),
      path: "lines.0.amountCents",
      code: "too_small",
    },
    {
      name: "no order reference",
      body: without("incurred-expenses", "orderReference"),
      path: "orderReference",
      code: "required",
    },
    // emergency-aid
    {
      name: "an unknown category",
      body: with_("emergency-aid", { category: "travel" }),
      path: "category",
      code: "invalid_option",
    },
    {
      name: "a household of nobody",
      body: with_("emergency-aid", { householdSize: 0 }),
      path: "householdSize",
      code: "too_small",
    },
    {
      name: "a negative income",
      body: with_("emergency-aid", { incomeAfterCents: -100 }),
      path: "incomeAfterCents",
      code: "too_small",
    },
    {
      name: "a description too short",
      body: with_("emergency-aid", { description: "help" }),
      path: "description",
      code: "too_short",
    },
    // relaunch-loan
    {
      name: "a loan below the plan's minimum",
      body: with_("relaunch-loan", { amountCents: 10_000 }),
      path: "amountCents",
      code: "too_small",
    },
    {
      name: "a loan above the plan's maximum",
      body: with_("relaunch-loan", { amountCents: 2_500_001 }),
      path: "amountCents",
      code: "too_big",
    },
    {
      name: "a term of 48 months",
      body: with_("relaunch-loan", { termMonths: 48 }),
      path: "termMonths",
      code: "too_big",
    },
    {
      name: "a grace of 7 months",
      body: with_("relaunch-loan", { graceMonths: 7 }),
      path: "graceMonths",
      code: "too_big",
    },
    {
      name: "an unknown purpose",
      body: with_("relaunch-loan", { purpose: "holidays" }),
      path: "purpose",
      code: "invalid_option",
    },
    // common
    {
      name: "an IBAN with a wrong check digit",
      body: with_("relaunch-loan", { iban: "BE68539007547035" }),
      path: "iban",
      code: "invalid_iban",
    },
    {
      name: "an IBAN outside SEPA",
      body: with_("emergency-aid", { iban: "BR1500000000000010932840814P2" }),
      path: "iban",
      code: "iban_not_sepa",
    },
    {
      name: "a malformed member number",
      body: with_("emergency-aid", { memberNumber: "M 12#" }),
      path: "memberNumber",
      code: "invalid_member_number",
    },
    {
      name: "a language we do not speak",
      body: with_("emergency-aid", { language: "de" }),
      path: "language",
      code: "invalid_option",
    },
    { name: "no email", body: without("emergency-aid", "email"), path: "email", code: "required" },
    {
      name: "a consent that is not a boolean",
      body: with_("emergency-aid", { clientConsent: "yes" }),
      path: "clientConsent",
      code: "invalid_type",
    },
    {
      name: "an unknown top-level field",
      body: with_("emergency-aid", { isAdmin: true }),
      path: "isAdmin",
      code: "unknown_field",
    },
    {
      name: "a field of another type",
      body: with_("emergency-aid", { activityId: "act-theatre" }),
      path: "activityId",
      code: "unknown_field",
    },
    {
      name: "an unknown type",
      body: with_("emergency-aid", { type: "lottery" }),
      path: "type",
      code: "invalid_request_type",
    },
  ];

  it.each(invalid)("refuse $name with $code at $path", ({ body, path, code }) => {
    // Act
    const parsed = parseRequest(body);

    // Assess
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it("refuses a body that is not an object", () => {
    // Act
    const parsed = parseRequest("cancelled-contract");

    // Assess
    expect(parsed).toMatchObject({ success: false, errors: [{ path: "", code: "invalid_type" }] });
  });

  it("takes the loan ranges from the plan it is built for", () => {
    // Prepare
    const plan = loadPlanConfig({
      types: { "relaunch-loan": { termMonths: { min: 6, max: 60 } } },
    });
    const body = with_("relaunch-loan", { termMonths: 48 });

    // Act
    const parsed = parseWith(createSchemas(plan).request, body, "en");

    // Assess
    expect(parsed.success).toBe(true);
  });
});

describe("other API bodies", () => {
  const upload = (changes: Record<string, unknown>) =>
    parseWith(
      schemas.documentUpload,
      { fileName: "contrat.pdf", contentType: "application/pdf", size: 1000, ...changes },
      "fr",
    );

  it.each([
    { changes: {}, code: undefined },
    { changes: { size: 10 * 1024 * 1024 + 1 }, code: "too_big" },
    { changes: { size: 0 }, code: "too_small" },
    { changes: { contentType: "application/zip" }, code: "invalid_option" },
    { changes: { fileName: "../x.pdf" }, code: "invalid_file_name" },
    { changes: { fileName: "" }, code: "required" },
    { changes: { bucket: "other" }, code: "unknown_field" },
  ])("a document upload with $changes gives $code", ({ changes, code }) => {
    // Act
    const parsed = upload(changes);

    // Assess
    expect(parsed.success ? undefined : parsed.errors[0]?.code).toBe(code);
  });

  it.each([
    { body: { decision: "approve" }, code: undefined },
    { body: { decision: "approve", amountCents: 50_000 }, code: undefined },
    { body: { decision: "reject", comment: "Pas de contrat signé." }, code: undefined },
    { body: { decision: "reject" }, code: "comment_required" },
    { body: { decision: "request-info", comment: "  " }, code: "required" },
    { body: { decision: "request-info" }, code: "comment_required" },
    {
      body: { decision: "reject", comment: "Non.", amountCents: 100 },
      code: "amount_only_on_approval",
    },
    { body: { decision: "maybe" }, code: "invalid_option" },
  ])("a decision $body gives $code", ({ body, code }) => {
    // Act
    const parsed = parseWith(schemas.decision, body, "en");

    // Assess
    expect(parsed.success ? undefined : parsed.errors[0]?.code).toBe(code);
  });

  it.each([
    { body: { comment: "Voici le contrat signé." }, code: undefined },
    { body: { documents: [docB] }, code: undefined },
    { body: {}, code: "empty_answer" },
    { body: { comment: "ok", documents: ["nope"] }, code: "invalid_document_id" },
  ])("an info answer $body gives $code", ({ body, code }) => {
    // Act
    const parsed = parseWith(schemas.infoAnswer, body, "nl");

    // Assess
    expect(parsed.success ? undefined : parsed.errors[0]?.code).toBe(code);
  });
});

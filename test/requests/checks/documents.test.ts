import { describe, expect, it } from "vitest";
import { sniffDocumentType } from "../../../packages/core/src/documents/sniff";
import type { DocumentMeta } from "../../../packages/core/src/requests/checks/context";
import { documents } from "../../../packages/core/src/requests/checks/documents";
import {
  context,
  docA,
  docB,
  documentMeta,
  jpegBytes,
  pdfBytes,
  pngBytes,
  requestOf,
} from "../fixtures";

const randomBytes = new Uint8Array([0x13, 0x37, 0x00, 0xfe, 0x42, 0x99, 0x01, 0x02]);

describe("sniffDocumentType", () => {
  it.each([
    { name: "a PDF", bytes: pdfBytes, type: "pdf" },
    { name: "a PNG", bytes: pngBytes, type: "png" },
    { name: "a JPEG", bytes: jpegBytes, type: "jpeg" },
    { name: "random bytes", bytes: randomBytes, type: "unknown" },
    { name: "a PNG cut after 4 bytes", bytes: pngBytes.slice(0, 4), type: "unknown" },
    { name: "nothing", bytes: new Uint8Array(), type: "unknown" },
    {
      name: "a ZIP (docx)",
      bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
      type: "unknown",
    },
  ])("recognises $name as $type", ({ bytes, type }) => {
    // Act
    const sniffed = sniffDocumentType(bytes);

    // Assess
    expect(sniffed).toBe(type);
  });
});

describe("the documents check", () => {
  const contract = requestOf("cancelled-contract", { documents: [docA] });
  const withDoc = (changes: Partial<DocumentMeta>) =>
    context({ documents: [documentMeta(docA, changes)] });

  it.each([
    { name: "a PDF declared as PDF", ctx: withDoc({}), outcome: "pass", code: "documents_ok" },
    {
      name: "a JPEG declared as JPEG",
      ctx: withDoc({ contentType: "image/jpeg", sniffedType: sniffDocumentType(jpegBytes) }),
      outcome: "pass",
      code: "documents_ok",
    },
    {
      name: "a file declared as PDF whose bytes are PNG",
      ctx: withDoc({ sniffedType: sniffDocumentType(pngBytes) }),
      outcome: "fail",
      code: "document_type_mismatch",
    },
    {
      name: "a file declared as PDF whose bytes are random",
      ctx: withDoc({ sniffedType: sniffDocumentType(randomBytes) }),
      outcome: "fail",
      code: "document_type_unknown",
    },
    {
      name: "a file of exactly 10 MB",
      ctx: withDoc({ size: 10 * 1024 * 1024 }),
      outcome: "pass",
      code: "documents_ok",
    },
    {
      name: "a file one byte over 10 MB",
      ctx: withDoc({ size: 10 * 1024 * 1024 + 1 }),
      outcome: "fail",
      code: "document_too_large",
    },
    { name: "an empty file", ctx: withDoc({ size: 0 }), outcome: "fail", code: "document_empty" },
    {
      name: "a document never uploaded",
      ctx: context({ documents: [] }),
      outcome: "fail",
      code: "document_not_uploaded",
    },
  ])("gives $outcome ($code) for $name", ({ ctx, outcome, code }) => {
    // Act
    const result = documents.run(contract, ctx);

    // Assess
    expect(result).toMatchObject({ check: "documents", outcome, reason: { code } });
  });

  it("checks every expense receipt, not only the request's documents", () => {
    // Prepare
    const request = requestOf("incurred-expenses");
    const ctx = context({
      documents: [documentMeta(docA), documentMeta(docB, { sniffedType: "png" })],
    });

    // Act
    const result = documents.run(request, ctx);

    // Assess
    expect(result).toMatchObject({
      outcome: "fail",
      reason: { code: "document_type_mismatch", params: { actual: "png" } },
    });
  });

  it("fails a loan without documents even if the schema was bypassed", () => {
    // Act
    const result = documents.run(requestOf("relaunch-loan", { documents: [] }), context());

    // Assess
    expect(result).toMatchObject({
      outcome: "fail",
      reason: { code: "documents_missing", params: { minimum: 1 } },
    });
  });

  it("lets an emergency aid go without documents", () => {
    // Act
    const result = documents.run(requestOf("emergency-aid"), context({ documents: [] }));

    // Assess
    expect(result.outcome).toBe("pass");
  });
});

import { describe, expect, it } from "vitest";
import type { CheckContext } from "../../../packages/core/src/requests/checks/context";
import { documentReuse } from "../../../packages/core/src/requests/checks/document-reuse";
import { earlierRejection } from "../../../packages/core/src/requests/checks/earlier-rejection";
import { sharedIban } from "../../../packages/core/src/requests/checks/shared-iban";
import { context, docA, docB, documentMeta, requestOf } from "../fixtures";

type Row = { name: string; ctx: Partial<CheckContext>; outcome: string; code: string };
const request = requestOf("incurred-expenses");
const sameHash = "ab".repeat(32);

describe.each([
  {
    check: documentReuse,
    rows: [
      { name: "documents seen nowhere else", ctx: {}, outcome: "pass", code: "documents_unique" },
      {
        name: "a document reused in another request",
        ctx: {
          documentReuse: [
            { sha256: sameHash, documentId: docA, requestId: "req-2019", memberNumber: "M-000777" },
          ],
        },
        outcome: "warn",
        code: "document_reused",
      },
      {
        name: "only this request holding the hash",
        ctx: { documentReuse: [{ sha256: sameHash, documentId: docA, requestId: "req-this" }] },
        outcome: "pass",
        code: "documents_unique",
      },
      {
        name: "one receipt for two expense lines",
        ctx: {
          documents: [
            documentMeta(docA, { sha256: sameHash }),
            documentMeta(docB, { sha256: sameHash }),
          ],
        },
        outcome: "warn",
        code: "document_repeated",
      },
    ] as Row[],
  },
  {
    check: sharedIban,
    rows: [
      { name: "an IBAN of this member only", ctx: {}, outcome: "pass", code: "iban_unique" },
      {
        name: "an IBAN of another member too",
        ctx: { ibanSharedWith: ["M-000777"] },
        outcome: "warn",
        code: "iban_shared",
      },
      {
        name: "the member themself listed",
        ctx: { ibanSharedWith: ["M-001234"] },
        outcome: "pass",
        code: "iban_unique",
      },
    ] as Row[],
  },
  {
    check: earlierRejection,
    rows: [
      { name: "no history", ctx: {}, outcome: "pass", code: "no_earlier_rejection" },
      {
        name: "a rejected request of the member",
        ctx: {
          otherRequests: [
            { id: "r1", type: "emergency-aid", status: "rejected", memberNumber: "M-001234" },
          ],
        },
        outcome: "warn",
        code: "earlier_rejection",
      },
      {
        name: "a rejected loan of a colleague",
        ctx: {
          otherRequests: [
            { id: "r2", type: "relaunch-loan", status: "rejected", memberNumber: "M-000777" },
          ],
        },
        outcome: "pass",
        code: "no_earlier_rejection",
      },
    ] as Row[],
  },
])("the $check.name risk flag", ({ check, rows }) => {
  it.each(rows)("gives $outcome ($code) for $name", ({ ctx, outcome, code }) => {
    // Act
    const result = check.run(request, context(ctx));

    // Assess
    expect(result).toMatchObject({ check: check.name, outcome, reason: { code } });
  });
});

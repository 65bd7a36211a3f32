import { expectedSniffedType } from "../../documents/sniff";
import type { CheckResult } from "../../request-view/reasons";
import { documentIdsOf } from "../amount";
import { allTypes, type Check, type CheckContext, resultsOf } from "./context";

const { pass, fail } = resultsOf("documents");

/** Types that need at least one document besides expense receipts (§2). */
const minimumDocuments = {
  "cancelled-contract": 1,
  "incurred-expenses": 0,
  "emergency-aid": 0,
  "relaunch-loan": 1,
  "initiative-support": 0,
} as const;

function checkOne(documentId: string, ctx: CheckContext): CheckResult | undefined {
  const meta = ctx.documents.find((d) => d.documentId === documentId);
  if (!meta) return fail("document_not_uploaded", { document: documentId });
  const document = meta.fileName ?? documentId;
  const { maxBytes, allowedContentTypes } = ctx.plan.documents;
  if (!allowedContentTypes.includes(meta.contentType)) {
    return fail("document_type_not_allowed", { document, declared: meta.contentType });
  }
  if (meta.sniffedType === "unknown") return fail("document_type_unknown", { document });
  if (meta.sniffedType !== expectedSniffedType(meta.contentType)) {
    return fail("document_type_mismatch", {
      document,
      declared: meta.contentType,
      actual: meta.sniffedType,
    });
  }
  if (meta.size <= 0) return fail("document_empty", { document });
  if (meta.size > maxBytes) {
    return fail("document_too_large", { document, sizeBytes: meta.size, maxBytes });
  }
  return undefined;
}

/**
 * Each document was uploaded, is a PDF, JPEG or PNG by its magic bytes, matches the type it
 * was declared as, and fits the size limit; types that need documents have them.
 */
export const documents: Check = {
  name: "documents",
  appliesTo: allTypes,
  run(request, ctx) {
    const ids = documentIdsOf(request);
    const minimum = minimumDocuments[request.type];
    const own = request.documents?.length ?? 0;
    if (own < minimum) return fail("documents_missing", { minimum });
    for (const id of ids) {
      const failure = checkOne(id, ctx);
      if (failure) return failure;
    }
    return pass("documents_ok", { count: ids.length });
  },
};

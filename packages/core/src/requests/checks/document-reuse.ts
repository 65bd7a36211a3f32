import { allTypes, type Check, resultsOf } from "./context";

const { pass, warn } = resultsOf("document-reuse");

/**
 * Risk flag: the same bytes (SHA-256) in another request, or twice in this one (one receipt
 * for two expense lines). Shown to approvers; never a block.
 */
export const documentReuse: Check = {
  name: "document-reuse",
  appliesTo: allTypes,
  run(_request, ctx) {
    const elsewhere = ctx.documentReuse.filter((r) => r.requestId !== ctx.requestId);
    if (elsewhere.length > 0) {
      const requestIds = [...new Set(elsewhere.map((r) => r.requestId))];
      return warn("document_reused", {
        count: requestIds.length,
        requestIds: requestIds.join(", "),
      });
    }
    const hashes = ctx.documents.flatMap((d) => (d.sha256 === undefined ? [] : [d.sha256]));
    if (new Set(hashes).size < hashes.length) return warn("document_repeated");
    return pass("documents_unique");
  },
};

import type { RequestBody } from "../request-view/schemas";

/**
 * The amount a request asks for, in cents: what caps, four-eyes thresholds, funds and the
 * unusual-amount warning compare.
 */
export function requestAmountCents(request: RequestBody): number {
  switch (request.type) {
    case "cancelled-contract":
      return request.grossAmountCents;
    case "incurred-expenses":
      return request.lines.reduce((sum, line) => sum + line.amountCents, 0);
    case "emergency-aid":
      return request.requestedAmountCents;
    case "relaunch-loan":
      return request.amountCents;
    case "initiative-support":
      return request.requestedAmountCents;
  }
}

/** Every document a request refers to, receipts of expense lines included, each once. */
export function documentIdsOf(request: RequestBody): string[] {
  const ids = request.type === "incurred-expenses" ? request.lines.map((l) => l.documentId) : [];
  return [...new Set([...ids, ...(request.documents ?? [])])];
}

/** The documents the member marked as the correspondence with the client (negotiation, §2). */
export function correspondenceIdsOf(request: RequestBody): ReadonlySet<string> {
  return new Set(
    request.type === "cancelled-contract" ? (request.correspondenceDocuments ?? []) : [],
  );
}

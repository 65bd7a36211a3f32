/** The member's status page for one request, under its private status token. */
export const statusUrl = (publicUrl: string, id: string, token: string) =>
  `${publicUrl}/status.html#id=${encodeURIComponent(id)}&token=${encodeURIComponent(token)}`;

export type DecisionAction = "approve" | "reject" | "request-info";
export const decisionActions: readonly DecisionAction[] = ["approve", "reject", "request-info"];

/** The vote page's link for a committee member; like a decision link, only its POST votes. */
export function voteUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/vote.html#token=${encodeURIComponent(token)}`;
}

/**
 * The decision page's link for one action. The token is in the fragment only: browsers never
 * send a fragment to a server, so it reaches no access log, and a scanner that fetches the
 * link gets the static page, which decides nothing until a person confirms it (a POST).
 */
export function decisionUrl(publicUrl: string, token: string, action: DecisionAction): string {
  return `${publicUrl.replace(/\/+$/, "")}/decision.html#token=${encodeURIComponent(token)}&action=${action}`;
}

/**
 * An email's link to one of the request's documents: the decision page, which signs a
 * download link when it is opened and the token still open (a presigned URL in the email would
 * die within minutes, and carry the storage's address).
 */
export function decisionDocumentUrl(publicUrl: string, token: string, documentId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/decision.html#token=${encodeURIComponent(token)}&document=${encodeURIComponent(documentId)}`;
}

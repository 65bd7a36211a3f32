export { statusUrl } from "../requests/status-token";

export type DecisionAction = "approve" | "reject" | "request-info";
export const decisionActions: readonly DecisionAction[] = ["approve", "reject", "request-info"];

/**
 * The decision page's link for one action. The token is in the fragment only: browsers never
 * send a fragment to a server, so it reaches no access log, and a scanner that fetches the
 * link gets the static page, which decides nothing until a person confirms it (a POST).
 */
export function decisionUrl(publicUrl: string, token: string, action: DecisionAction): string {
  return `${publicUrl.replace(/\/+$/, "")}/decision.html#token=${encodeURIComponent(token)}&action=${action}`;
}

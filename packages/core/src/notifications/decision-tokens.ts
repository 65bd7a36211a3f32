/**
 * The keys of an approver's callback tokens. A token is derived from (execution, state, visit,
 * key), so the key names what makes a link new: the approver, the way it decides (`approver`:
 * the decision page, `voter`: the vote page, `reply`: a reply to the email) and the mailing that carried it (the
 * request, each reminder, the escalation). A repeated step derives the same key, hence the
 * same link; the next reminder derives another.
 */
export type DecisionTokenKind = "approver" | "reply" | "voter";

export function decisionTokenKey(kind: DecisionTokenKind, email: string, mailing: string): string {
  return `${kind}:${email}#${mailing}`;
}

export function isDecisionTokenKey(kind: DecisionTokenKind, key: string | undefined): boolean {
  return key?.startsWith(`${kind}:`) ?? false;
}

import { languageOf } from "../contacts/language";
import type { Deps } from "../deps";
import { documentNames, downloadLinks } from "../documents/documents";
import { completeCallback, readToken, TokenError, type TokenRecord } from "../engine/callbacks";
import type { Engine } from "../engine/engine";
import type { Execution } from "../engine/execution";
import { getExecution } from "../engine/store";
import { EntraideError, ValidationError } from "../errors";
import { getMember } from "../members/register";
import { type DecisionTokenKind, isDecisionTokenKey } from "../notifications/decision-tokens";
import { type PlanConfig, planConfig } from "../plan/config";
import { renderReason } from "../request-view/reasons";
import { schemas } from "../request-view/schemas";
import { correspondenceIdsOf, documentIdsOf } from "./amount";
import { conversationOf } from "./conversation";
import { outcomeOf } from "./decisions";
import { parseReadingLanguage } from "./messages";
import { reportDocumentIds, reportUnderCheck } from "./project-view";
import { asRequest } from "./record";

export interface DecisionContext {
  via: "page" | "email";
  /** The address a reply came from, compared with the approver the token is bound to. */
  sender?: string;
  /** The token's record as the caller just read it (consistently): not read again. */
  record?: TokenRecord;
}

/** Who decided what and when: all that a closed decision link shows (§4). */
export interface ClosedDecisionView {
  open: false;
  /** The request's reference, and its status: what a refusal (409) tells, as every conflict does. */
  request: { id: string; status: string };
  decisions: { approver: string; decision: string; at: string }[];
  closedReason: { decision: string; by?: string; at: string };
}

/**
 * What an approver is asked to decide, for the holder of an open decision token. A used,
 * expired or superseded token shows who decided what and when, and nothing private: no
 * member details, no summary, no document links, only the request's reference.
 */
export async function decisionView(deps: Deps, token: string | undefined) {
  const { record, execution } = await decisionTokenOf(deps, token, "approver");
  const data = asRequest(execution.data);
  const closed = closedReasonOf(record, execution, deps.clock.now().toISOString());
  if (closed) return closedView(execution, closed);
  const { request, checks } = await approverViewOf(deps, execution);
  const report = reportUnderCheck(data);
  return {
    open: true as const,
    request,
    /** For a tranche's check: the applicants' report on its milestone, documents named. */
    report: report && { ...report, documents: await documentNames(deps, report.documents) },
    conversation: conversationOf(data),
    checks,
    warnings: checks.filter((c) => c.outcome === "warn"),
    decisions: data.decisions ?? [],
    requiredApprovals: data.routing?.requiredApprovals ?? 1,
    approver: record.meta.email,
    /** The language the approver reads, from the registers: the page's default. */
    approverLanguage: await languageOf(deps, String(record.meta.email)),
  };
}

/** What those who decide on a request read of it (approvers, committee members). */
export async function approverViewOf(deps: Deps, execution: Execution) {
  const data = asRequest(execution.data);
  const member = await getMember(deps, data.request.memberNumber);
  const documentIds = documentIdsOf(data.request);
  const correspondence = correspondenceIdsOf(data.request);
  // Names only: the page asks for a signed link when the approver opens one (decisionDocument).
  const documents = (await documentNames(deps, documentIds)).map((doc) => ({
    ...doc,
    // The member marked it as the correspondence a negotiation is justified by (§2).
    ...(correspondence.has(doc.documentId) ? { correspondence: true } : {}),
  }));
  const results = (data.checks?.results ?? []).map((c) => ({
    check: c.check,
    outcome: c.outcome,
    reason: c.reason,
    message: renderReason(c.reason, "fr"),
  }));
  return {
    request: {
      id: execution.id,
      type: data.request.type,
      memberName: member ? `${member.firstName} ${member.lastName}` : data.request.memberNumber,
      amountCents: data.amountCents,
      status: data.status,
      summary: summaryOf(data.request),
      details: detailsOf(data.request),
      documents,
    },
    checks: results,
  };
}

/** A token of `kind` with its execution, or `token.invalid` for anything else. */
export async function decisionTokenOf(
  deps: Deps,
  token: string | undefined,
  kind: DecisionTokenKind,
  known?: TokenRecord,
): Promise<{ record: TokenRecord; execution: Execution }> {
  const record = known ?? (token ? await readToken(deps, token) : undefined);
  const execution =
    record && isDecisionTokenKey(kind, record.key)
      ? await getExecution(deps, record.executionId)
      : undefined;
  if (!record || !execution) throw new TokenError("token.invalid", "this link is not valid");
  return { record, execution };
}

function closedView(
  execution: Execution,
  closedReason: ClosedDecisionView["closedReason"],
): ClosedDecisionView {
  const data = asRequest(execution.data);
  const decisions = data.decisions ?? [];
  return {
    open: false,
    request: { id: execution.id, status: data.status },
    decisions: decisions.map((d) => ({ approver: d.approver, decision: d.decision, at: d.at })),
    closedReason,
  };
}

/**
 * A short-lived link to one of the request's documents, signed now for the holder of an open
 * decision token: an email's document link opens the decision page, which asks for it, so the
 * link works whenever it is read while the token is open, and never once it is closed.
 */
export async function decisionDocument(
  deps: Deps,
  token: string | undefined,
  documentId: string,
  plan: PlanConfig = planConfig,
): Promise<{ name: string; url: string }> {
  const { record, execution } = await decisionTokenOf(deps, token, "approver");
  const closed = closedReasonOf(record, execution, deps.clock.now().toISOString());
  if (closed)
    throw new EntraideError(
      "decision.closed",
      "this decision link no longer opens the request's documents",
      { status: 409, details: { status: asRequest(execution.data).status, ...closed } },
    );
  const data = asRequest(execution.data);
  if (![...documentIdsOf(data.request), ...reportDocumentIds(data)].includes(documentId))
    throw new EntraideError("document.not-found", "this request has no such document", {
      status: 404,
    });
  const [link] = await downloadLinks(deps, [documentId], plan);
  return link!;
}

/**
 * Why a decision link no longer decides, or undefined while it does: it was used; the
 * request left the approval step it was issued for (the decision that moved it, else the
 * status it is in); its approver already decided in this step through another of their
 * links; or it expired.
 */
function closedReasonOf(
  record: TokenRecord,
  execution: Execution,
  now: string,
): ClosedDecisionView["closedReason"] | undefined {
  const data = asRequest(execution.data);
  const email = String(record.meta.email).toLowerCase();
  if (record.usedAt)
    return { decision: String(record.usage?.decision), by: email, at: record.usedAt };
  const current =
    execution.status === "running" &&
    execution.state === record.state &&
    execution.visit === record.visit;
  const last = data.decisions?.at(-1);
  if (!current)
    return last
      ? { decision: last.decision, by: last.approver, at: last.at }
      : { decision: data.status, at: execution.updatedAt };
  // Decided in this visit of the step through another of the approver's links (a reminder's).
  const own = data.decisions?.find(
    (d) => d.at >= execution.enteredAt && d.approver.toLowerCase() === email,
  );
  if (own) return { decision: own.decision, by: own.approver, at: own.at };
  if (record.expiresAt !== undefined && record.expiresAt <= now)
    return { decision: "expired", at: record.expiresAt };
  return undefined;
}

/** What the member asked, as typed values: the page lays them out per type, in its language. */
function detailsOf(request: ReturnType<typeof asRequest>["request"]) {
  const {
    type: _t,
    language: _l,
    iban: _i,
    documents: _d,
    clientConsent: _c,
    // Shown on the documents themselves.
    ...rest
  } = request;
  const { correspondenceDocuments: _cd, ...details } = rest as typeof rest & {
    correspondenceDocuments?: string[];
  };
  return details;
}

function summaryOf(request: ReturnType<typeof asRequest>["request"]) {
  const skip = new Set([
    "type",
    "language",
    "iban",
    "documents",
    "clientConsent",
    "correspondenceDocuments",
  ]);
  return Object.entries(request)
    .filter(([k]) => !skip.has(k))
    .map(([label, value]) => ({
      label,
      value: typeof value === "object" ? JSON.stringify(value) : String(value),
    }));
}

/**
 * An approver's decision, from the decision page's POST or a reply email: the token must be
 * the approver's own, unused and current; the member never decides their own request.
 */
export async function decide(
  deps: Deps,
  engine: Engine,
  token: string | undefined,
  input: unknown,
  context: DecisionContext,
) {
  const { record, execution } = await decisionTokenOf(
    deps,
    token,
    context.via === "email" ? "reply" : "approver",
    context.record,
  );
  const bound = String(record.meta.email).toLowerCase();
  if (context.via === "email" && context.sender?.toLowerCase() !== bound) {
    throw new EntraideError(
      "decision.wrong-sender",
      "this reply does not come from the approver the request was sent to",
      { status: 403 },
    );
  }
  const parsed = await parseReadingLanguage(schemas.decision, input, () => languageOf(deps, bound));
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const result = await completeCallback(
    engine,
    deps,
    token!,
    { event: "decision", ...parsed.data, via: context.via },
    // The token and its execution as just read: neither is read again to decide.
    { record, execution },
  ).catch(async (error: unknown) => {
    throw await refusalOf(deps, error, token!);
  });
  const after = asRequest(result.execution!.data);
  return { status: after.status, outcome: outcomeOf(after, parsed.data.decision) };
}

/**
 * A refused decision (409/410) tells what the closed page tells, who decided what and when,
 * and nothing more: the engine's details carry the earlier decision's comment and amount.
 */
async function refusalOf(deps: Deps, error: unknown, token: string): Promise<unknown> {
  if (!(error instanceof TokenError) || error.code === "token.invalid") return error;
  // Read again: a concurrent use or transition is what refused this one.
  const record = await readToken(deps, token);
  const execution = record && (await getExecution(deps, record.executionId));
  const closed =
    record && execution && closedReasonOf(record, execution, deps.clock.now().toISOString());
  return new TokenError(
    error.code as ConstructorParameters<typeof TokenError>[0],
    error.message,
    closed ? closedView(execution!, closed) : undefined,
  );
}

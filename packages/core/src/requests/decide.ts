import type { Deps } from "../deps";
import { downloadLinks } from "../documents/documents";
import { completeCallback, readToken, TokenError } from "../engine/callbacks";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { EntraideError, ValidationError } from "../errors";
import { getMember } from "../members/register";
import { documentIdsOf } from "./amount";
import { renderReason } from "./checks/reasons";
import { parseWith } from "./messages";
import { asRequest } from "./record";
import { schemas } from "./schemas";

export interface DecisionContext {
  via: "page" | "email";
  /** The address a reply came from, compared with the approver the token is bound to. */
  sender?: string;
}

/**
 * What an approver is asked to decide, for the holder of a decision token; a used, expired
 * or superseded token still shows who decided what and when, but is no longer open.
 */
export async function decisionView(deps: Deps, token: string | undefined) {
  const record = token ? await readToken(deps, token) : undefined;
  if (!record?.key.startsWith("approver:"))
    throw new TokenError("token.invalid", "this link is not valid");
  const execution = await getExecution(deps, record.executionId);
  if (!execution) throw new TokenError("token.invalid", "this link is not valid");
  const data = asRequest(execution.data);
  const now = deps.clock.now().toISOString();
  const member = await getMember(deps, data.request.memberNumber);
  const documents = await downloadLinks(deps, documentIdsOf(data.request));
  const expired = record.expiresAt !== undefined && record.expiresAt <= now;
  const current =
    execution.status === "running" &&
    execution.state === record.state &&
    execution.visit === record.visit;
  const results = (data.checks?.results ?? []).map((c) => ({
    check: c.check,
    outcome: c.outcome,
    message: renderReason(c.reason, "fr"),
  }));
  const last = data.decisions?.at(-1);
  return {
    request: {
      id: execution.id,
      type: data.request.type,
      memberName: member ? `${member.firstName} ${member.lastName}` : data.request.memberNumber,
      amountCents: data.amountCents,
      status: data.status,
      summary: summaryOf(data.request),
      documents,
    },
    checks: results,
    warnings: results.filter((c) => c.outcome === "warn"),
    decisions: data.decisions ?? [],
    requiredApprovals: data.routing?.requiredApprovals ?? 1,
    approver: record.meta.email,
    open: !record.usedAt && !expired && current,
    closedReason: record.usedAt
      ? { decision: record.usage?.decision, by: record.meta.email, at: record.usedAt }
      : !current && last
        ? { decision: last.decision, by: last.approver, at: last.at }
        : expired
          ? { decision: "expired", at: record.expiresAt }
          : !current
            ? { decision: data.status, at: execution.updatedAt }
            : undefined,
  };
}

function summaryOf(request: ReturnType<typeof asRequest>["request"]) {
  const skip = new Set(["type", "language", "iban", "documents", "clientConsent"]);
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
  const record = token ? await readToken(deps, token) : undefined;
  const kind = context.via === "email" ? "reply:" : "approver:";
  if (!record?.key.startsWith(kind))
    throw new TokenError("token.invalid", "this link is not valid");
  const bound = String(record.meta.email).toLowerCase();
  if (context.via === "email" && context.sender?.toLowerCase() !== bound) {
    throw new EntraideError(
      "decision.wrong-sender",
      "this reply does not come from the approver the request was sent to",
      { status: 403 },
    );
  }
  const parsed = parseWith(schemas.decision, input, "fr");
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const result = await completeCallback(engine, deps, token!, {
    event: "decision",
    ...parsed.data,
    via: context.via,
  });
  return { status: asRequest(result.execution!.data).status };
}

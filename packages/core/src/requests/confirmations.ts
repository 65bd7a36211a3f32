import * as z from "zod";
import { ibanEnd } from "../bank/iban";
import type { Deps } from "../deps";
import {
  completeCallback,
  readToken,
  TokenError,
  type TokenRecord,
  tokenUse,
} from "../engine/callbacks";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { ConflictError, ValidationError } from "../errors";
import { getMember } from "../members/register";
import { parseWith } from "./messages";
import { asRequest } from "./record";
import { PASSING_STATES, signalWaiting } from "./signal-waiting";
import { VOTE_WAITING_STATES } from "./votes";

/** What the registered member answers from the link sent to the register's address. */
export const ConfirmationAnswer = z.strictObject({ answer: z.enum(["confirm", "not-me"]) });

/** Where the answer to a notice of a request made in one's name can still act. */
const NOTICE_STATES = new Set([
  "needs-info",
  "awaiting-approval",
  ...VOTE_WAITING_STATES,
  "owner-hold",
]);

/** The tokens of this page: bound to the address in the members register. */
const OWNER = "owner:";

/**
 * What the holder of an owner's link is asked to confirm. Only the request's reference, the
 * amount and the last four characters of the IBAN asked for, and only while the link is open;
 * a used, expired or superseded link says what was answered and when, nothing more.
 */
export async function confirmationView(deps: Deps, token: string | undefined) {
  const record = token ? await readToken(deps, token) : undefined;
  if (!record?.key.startsWith(OWNER))
    throw new TokenError("token.invalid", "this link is not valid");
  const execution = await getExecution(deps, record.executionId);
  if (!execution) throw new TokenError("token.invalid", "this link is not valid");
  const data = asRequest(execution.data);
  const now = deps.clock.now().toISOString();
  const expired = record.expiresAt !== undefined && record.expiresAt <= now;
  const current =
    execution.status === "running" &&
    (record.meta.purpose === "identity"
      ? NOTICE_STATES.has(execution.state) || PASSING_STATES.has(execution.state)
      : execution.state === record.state && execution.visit === record.visit);
  const open = !record.usedAt && !expired && current;
  return {
    requestId: execution.id,
    purpose: String(record.meta.purpose ?? "iban"),
    open,
    ...(open
      ? {
          amountCents: data.approvedAmountCents ?? data.amountCents,
          ibanEnd:
            record.meta.purpose === "identity"
              ? ibanEnd(data.request.iban)
              : data.ibanClaim && ibanEnd(data.ibanClaim.iban),
          language: data.language,
          ...(record.meta.purpose === "co-applicant" ? await projectOf(deps, data) : {}),
        }
      : {}),
    closedReason: record.usedAt
      ? { answer: record.usage?.event, at: record.usedAt }
      : expired
        ? { answer: "expired", at: record.expiresAt }
        : !current
          ? { answer: "superseded", at: execution.updatedAt }
          : undefined,
  };
}

/** What a co-applicant is asked about: the project's title and who names them in it. */
async function projectOf(deps: Deps, data: ReturnType<typeof asRequest>) {
  const lead = await getMember(deps, data.request.memberNumber);
  return {
    project: {
      title: (data.request as { title?: string }).title ?? "",
      leadName: lead ? `${lead.firstName} ${lead.lastName}` : data.request.memberNumber,
    },
  };
}

/** The registered member's answer: confirm the new IBAN, or say this is not them (the request freezes). */
export async function answerConfirmation(
  deps: Deps,
  engine: Engine,
  token: string | undefined,
  body: unknown,
) {
  const record = token ? await readToken(deps, token) : undefined;
  if (!record?.key.startsWith(OWNER))
    throw new TokenError("token.invalid", "this link is not valid");
  const execution = await getExecution(deps, record.executionId);
  const parsed = parseWith(
    ConfirmationAnswer,
    body,
    execution ? asRequest(execution.data).language : "fr",
  );
  if (!parsed.success) throw new ValidationError(parsed.errors);
  if (record.meta.purpose === "identity")
    return answerOwnerNotice(deps, engine, token!, record, parsed.data.answer);
  const result = await completeCallback(engine, deps, token!, { event: parsed.data.answer });
  return { status: asRequest(result.execution!.data).status };
}

/**
 * The registered member's answer to the notice of a request made in their name: it applies to
 * the state the request waits in now (the token is not tied to one), as one transition that also
 * marks the link used; once the request is granted it can no longer be frozen from the link.
 */
async function answerOwnerNotice(
  deps: Deps,
  engine: Engine,
  token: string,
  record: TokenRecord,
  answer: "confirm" | "not-me",
) {
  const now = deps.clock.now().toISOString();
  if (record.usedAt)
    throw new TokenError("token.used", "this link was already used", { usedAt: record.usedAt });
  if (record.expiresAt && record.expiresAt <= now)
    throw new TokenError("token.expired", "this link has expired", { expiresAt: record.expiresAt });
  const payload = { event: answer === "confirm" ? "owner-confirm" : "not-me" };
  const result = await signalWaiting(
    engine,
    () => getExecution(deps, record.executionId),
    NOTICE_STATES,
    payload,
    { extra: [tokenUse(deps, token, payload)], from: { key: record.key, meta: record.meta } },
  );
  if (result.outcome === "applied") return { status: asRequest(result.execution!.data).status };
  if (result.outcome === "refused" || result.outcome === "busy")
    throw new ConflictError("request.busy", "this request kept changing: try again in a moment");
  throw new ConflictError(
    "request.not-disputable",
    "this request has moved on and can no longer be stopped from this link: reply to the email to reach us",
    { status: result.execution ? asRequest(result.execution.data).status : undefined },
  );
}

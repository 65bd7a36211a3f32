import { z } from "zod";
import type { Deps } from "../deps";
import { completeCallback, readToken, TokenError } from "../engine/callbacks";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { ValidationError } from "../errors";
import { parseWith } from "./messages";
import { asRequest } from "./record";

/** What the registered member answers from the link sent to the register's address. */
export const ConfirmationAnswer = z.strictObject({ answer: z.enum(["confirm", "not-me"]) });

/** The tokens of this page: bound to the address in the members register. */
const OWNER = "owner:";

/**
 * What the holder of an owner's link is asked to confirm. Only the request's reference, the
 * amount and the last four characters of the IBAN asked for, and only while the link is open;
 * a used, expired or superseded link says what was answered and when, nothing more.
 */
export async function confirmationView(deps: Deps, token: string | undefined) {
  const record = token ? await readToken(deps, token) : undefined;
  if (!record?.key.startsWith(OWNER)) throw new TokenError("token.invalid", "this link is not valid");
  const execution = await getExecution(deps, record.executionId);
  if (!execution) throw new TokenError("token.invalid", "this link is not valid");
  const data = asRequest(execution.data);
  const now = deps.clock.now().toISOString();
  const expired = record.expiresAt !== undefined && record.expiresAt <= now;
  const current =
    execution.status === "running" &&
    execution.state === record.state &&
    execution.visit === record.visit;
  const open = !record.usedAt && !expired && current;
  return {
    requestId: execution.id,
    purpose: String(record.meta.purpose ?? "iban"),
    open,
    ...(open
      ? {
          amountCents: data.approvedAmountCents ?? data.amountCents,
          ibanEnd: data.ibanClaim?.iban.slice(-4),
          language: data.language,
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

/** The registered member's answer: confirm the new IBAN, or say this is not them (the request freezes). */
export async function answerConfirmation(
  deps: Deps,
  engine: Engine,
  token: string | undefined,
  body: unknown,
) {
  const record = token ? await readToken(deps, token) : undefined;
  if (!record?.key.startsWith(OWNER)) throw new TokenError("token.invalid", "this link is not valid");
  const execution = await getExecution(deps, record.executionId);
  const parsed = parseWith(ConfirmationAnswer, body, execution ? asRequest(execution.data).language : "fr");
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const result = await completeCallback(engine, deps, token!, { event: parsed.data.answer });
  return { status: asRequest(result.execution!.data).status };
}

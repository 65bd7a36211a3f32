import { createHash, createHmac } from "node:crypto";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { addSeconds } from "../clock";
import { putItem } from "../db/items";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import type { TokenOptions } from "./definition";
import type { Execution } from "./execution";

/**
 * Callback tokens are derived, not drawn: HMAC-SHA-256 of what they are bound to, under the
 * deployment's secret. A step that runs again after a crash re-derives the very token it
 * already emailed, so a repeat never invalidates a link; without the secret nobody can derive
 * one (256 bits). Only the SHA-256 of a token is stored.
 */
export function deriveToken(
  secret: string,
  executionId: string,
  state: string,
  visit: number,
  key: string,
): string {
  return createHmac("sha256", secret)
    .update(`${executionId}\n${state}\n${visit}\n${key}`)
    .digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as sent: 43 base64url characters. Anything else is refused before any lookup. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * Issues the callback token `key` for the execution's current state visit (or `options.target`),
 * stored hashed before it is returned so that a reply to it is never lost. Kept 90 days past its
 * expiry (400 days when it has none) so a late click is told "expired", not "unknown".
 */
export async function issueToken(
  deps: Deps,
  now: string,
  execution: Execution,
  key: string,
  options: TokenOptions = {},
): Promise<string> {
  const target = options.target ?? { state: execution.state, visit: execution.visit };
  const token = deriveToken(deps.config.tokenSecret, execution.id, target.state, target.visit, key);
  const expiresAt = options.expiresAt ?? execution.timeoutAt;
  const ttlAt = Date.parse(expiresAt ?? addSeconds(now, 400 * 86_400)) / 1000 + 90 * 86_400;
  try {
    await putItem(deps, {
      Item: {
        ...keys.callbackToken(hashToken(token)),
        executionId: execution.id,
        workflow: execution.workflow,
        state: target.state,
        visit: target.visit,
        key,
        meta: options.meta ?? {},
        expiresAt,
        ttl: Math.floor(ttlAt),
      },
      ConditionExpression: "attribute_not_exists(pk)",
    });
  } catch (error) {
    // Derived tokens are the same on a repeat: the first write stands, with its use if any.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  return token;
}

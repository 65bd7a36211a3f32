import { createHash, createHmac } from "node:crypto";

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

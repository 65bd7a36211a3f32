import { getItem } from "../db/items";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import { EntraideError } from "../errors";
import type { Data } from "./definition";
import type { Engine } from "./engine";
import type { Execution } from "./execution";
import { hashToken, looksLikeToken } from "./tokens";

export interface TokenRecord {
  executionId: string;
  workflow: string;
  state: string;
  visit: number;
  key: string;
  meta: Data;
  expiresAt?: string;
  usedAt?: string;
  usage?: Data;
}

export class TokenError extends EntraideError {
  override name = "TokenError";
  constructor(
    code: "token.invalid" | "token.used" | "token.expired" | "token.superseded",
    message: string,
    details?: unknown,
  ) {
    const status = {
      "token.invalid": 404,
      "token.used": 409,
      "token.expired": 410,
      "token.superseded": 409,
    }[code];
    super(code, message, { status, details });
  }
}

/** The stored record of a token, or undefined for anything forged, mistyped or unknown. */
export async function readToken(deps: Deps, token: string): Promise<TokenRecord | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const item = await getItem(deps, keys.callbackToken(hashToken(token)), { ConsistentRead: true });
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ttl: _ttl, ...record } = item;
  return record as TokenRecord;
}

/** Marks a token used, in the transaction of the transition it causes: of two uses one wins. */
export function tokenUse(deps: Deps, token: string, payload: Data) {
  return {
    item: {
      Update: {
        Key: keys.callbackToken(hashToken(token)),
        UpdateExpression: "SET usedAt = :now, #usage = :payload",
        ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(usedAt)",
        ExpressionAttributeNames: { "#usage": "usage" },
        ExpressionAttributeValues: { ":now": deps.clock.now().toISOString(), ":payload": payload },
      },
    },
    error: new TokenError("token.used", "this link was already used"),
  };
}

/**
 * What the caller already read, consistently, in the same request: the token's record and its
 * execution, so that neither is read twice. The token's use is still conditioned on it being
 * unused, and the transition on the execution's revision, so a copy that went stale meanwhile
 * changes nothing: the use is refused, or the execution read again.
 */
export interface ReadSoFar {
  record: TokenRecord;
  execution?: Execution;
}

/**
 * Completes the callback a token stands for, once: the token is marked used in the same
 * transaction as the transition it causes, so of two concurrent uses exactly one wins.
 */
export async function completeCallback(
  engine: Engine,
  deps: Deps,
  token: string,
  payload: Data,
  known?: ReadSoFar,
) {
  const record = known?.record ?? (await readToken(deps, token));
  if (!record) throw new TokenError("token.invalid", "this link is not valid");
  const now = deps.clock.now().toISOString();
  if (record.usedAt)
    throw new TokenError("token.used", "this link was already used", {
      usedAt: record.usedAt,
      usage: record.usage,
    });
  if (record.expiresAt && record.expiresAt <= now)
    throw new TokenError("token.expired", "this link has expired", { expiresAt: record.expiresAt });
  const use = tokenUse(deps, token, payload);
  const result = await engine.deliver(
    record.executionId,
    { state: record.state, visit: record.visit },
    { payload, token: { key: record.key, meta: record.meta } },
    [use],
    // A token may be issued ahead for a state not yet entered (`TokenOptions.target`): its
    // holder can answer before the execution gets there, so that answer waits in the inbox.
    { queue: true, current: known?.execution },
  );
  if (result.outcome === "superseded" || result.outcome === "refused") {
    throw new TokenError("token.superseded", "this decision is no longer open", {
      state: result.execution?.state,
    });
  }
  return result;
}

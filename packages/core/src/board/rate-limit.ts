import { createHash } from "node:crypto";
import { keys, ttlAttribute } from "../db/layout";
import type { TransactItem } from "../db/transact";

export interface RateLimit {
  /** Who or what is counted: a sender (hashed, never their address), a post, a member. */
  scope: string;
  windowSeconds: number;
  limit: number;
}

/** A sender's address is counted under its hash: the counters hold no personal data. */
export const senderScope = (kind: string, email: string) =>
  `${kind}#${createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 32)}`;

/**
 * One more action within the current window, refused by DynamoDB once `limit` is reached: put
 * into the same transaction as what the action stores, so a refused action stores nothing and
 * concurrent actions cannot both take the last place.
 */
export function countWithin(rule: RateLimit, now: Date): TransactItem {
  const window = Math.floor(now.getTime() / 1000 / rule.windowSeconds);
  return {
    Update: {
      Key: keys.rateCounter(rule.scope, `${rule.windowSeconds}#${window}`),
      UpdateExpression: "ADD #n :one SET #ttl = :ttl",
      ConditionExpression: "attribute_not_exists(#n) OR #n < :limit",
      ExpressionAttributeNames: { "#n": "count", "#ttl": ttlAttribute },
      ExpressionAttributeValues: {
        ":one": 1,
        ":limit": rule.limit,
        ":ttl": (window + 2) * rule.windowSeconds,
      },
    },
  };
}

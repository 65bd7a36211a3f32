import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { deleteItem, putItem } from "../db/items";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import { EntraideError } from "../errors";

/** How long a started effect blocks a concurrent twin before it is assumed crashed. */
const LEASE_SECONDS = 120;
const KEEP_DAYS = 30;

/**
 * Runs `run` at most once per key, recording its result in the table. A concurrent or
 * repeated call returns the recorded result; one that finds the effect in progress fails with
 * a retryable error, so the queue delivers it again later.
 *
 * The one window left is a crash after the effect happened and before its result is recorded
 * (for an email: after SES accepted it): then, once the lease is over, it runs again. SES
 * takes no idempotency key, so no code can close that window; it is milliseconds wide.
 */
export async function once<T>(
  deps: Deps,
  key: string,
  owner: string,
  run: () => Promise<T>,
): Promise<T> {
  const now = deps.clock.now();
  const ttl = Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400;
  try {
    await putItem(deps, {
      Item: {
        ...keys.effect(key),
        status: "pending",
        owner,
        leaseUntil: now.getTime() + LEASE_SECONDS * 1000,
        ttl,
      },
      ConditionExpression: "attribute_not_exists(pk) OR (#s = :pending AND leaseUntil < :now)",
      ExpressionAttributeNames: { "#s": "status" },
      ExpressionAttributeValues: { ":pending": "pending", ":now": now.getTime() },
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    });
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // The failed condition hands back the record: a finished effect returns its result.
    const old = error.Item ? unmarshall(error.Item) : undefined;
    if (old?.status === "done") return old.result as T;
    throw new EntraideError("effect.in-progress", `effect ${key} is in progress elsewhere`, {
      retryable: true,
      cause: error,
    });
  }
  let result: T;
  try {
    result = await run();
  } catch (error) {
    // Release the lease so the retry runs the effect again rather than waiting for it.
    await deleteItem(deps, {
      Key: keys.effect(key),
      ConditionExpression: "#o = :owner",
      ExpressionAttributeNames: { "#o": "owner" },
      ExpressionAttributeValues: { ":owner": owner },
    });
    throw error;
  }
  await putItem(deps, {
    Item: { ...keys.effect(key), status: "done", result: result ?? null, ttl },
  });
  return result;
}

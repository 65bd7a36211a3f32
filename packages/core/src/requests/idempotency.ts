import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { putItem } from "../db/items";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import { ConflictError } from "../errors";

/**
 * Claims an Idempotency-Key for one request type, before its workflow starts. The engine derives
 * an execution's id from workflow and key, so on its own it would start a second execution for
 * the same key under another type; this record makes the key the submission's, whatever its type.
 * Claiming again for the same type succeeds (a retry after a crash between claim and start), and
 * the engine then compares the bodies.
 *
 * @throws ConflictError `idempotency.conflict` (409) when the key was used for another type.
 */
export async function claimIdempotencyKey(deps: Deps, key: string, type: string): Promise<void> {
  try {
    await putItem(deps, {
      Item: { ...keys.idempotencyKey(key), kind: "idempotency-key", type },
      ConditionExpression: "attribute_not_exists(pk) OR #type = :type",
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: { ":type": type },
    });
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    throw new ConflictError(
      "idempotency.conflict",
      "this idempotency key was already used with a different request",
      undefined,
      { cause: error },
    );
  }
}

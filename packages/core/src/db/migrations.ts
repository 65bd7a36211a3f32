import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, paginateScan, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { indexes, keys } from "./layout";

/**
 * Moves the executions written before they had an index of their own from `byStatus` to
 * `executionsByStatus` (the same key values under the new index's attribute names). Safe to run
 * again: an item already moved is not matched, and one that moves meanwhile is left as it is.
 * Run once the new index exists; returns how many items it moved.
 */
export async function moveExecutionIndexKeys(
  ddb: DynamoDBDocumentClient,
  table: string,
): Promise<number> {
  const old = indexes.byStatus;
  const now = indexes.executionsByStatus;
  const names = { "#opk": old.pk, "#osk": old.sk, "#npk": now.pk, "#nsk": now.sk };
  let moved = 0;
  const pages = paginateScan(
    { client: ddb },
    {
      TableName: table,
      FilterExpression: "sk = :exec AND attribute_exists(#opk)",
      ExpressionAttributeNames: { "#opk": old.pk },
      ExpressionAttributeValues: { ":exec": keys.execution("").sk },
      ProjectionExpression: "pk, sk",
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      try {
        await ddb.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: "SET #npk = #opk, #nsk = #osk REMOVE #opk, #osk",
            ConditionExpression: "attribute_exists(#opk)",
            ExpressionAttributeNames: names,
          }),
        );
        moved++;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  }
  return moved;
}

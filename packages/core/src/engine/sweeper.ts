import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { addSeconds } from "../clock";
import { getItem, updateItem } from "../db/items";
import { DUE_PARTITION, indexes, keys } from "../db/layout";
import { queryPage } from "../db/query";
import type { Deps } from "../deps";
import { sendWorkBatch, type WorkMessage } from "./queue";
import { DUE_ATTRIBUTE, storedTime } from "./stored-shape";

const MAX_BACKOFF_SECONDS = 86_400;

/**
 * Finds every execution whose next move is due — a timer, or a runnable execution whose
 * message was lost — and sends its message. The first time it sends a revision's message it
 * only marks it (`sweeps`): its due entry stays, so the worker's commit is the one index move
 * a timer costs (a move is a delete and a put of the entry, two index writes). A revision
 * still there at a later sweep (its message lost again, or poison) is re-sent and pushed back
 * with a growing delay, so a poison execution is not re-sent every minute forever.
 */
export async function sweep(
  deps: Deps,
  options: { graceSeconds: number; limit?: number },
): Promise<{ sent: number }> {
  const now = deps.clock.now().toISOString();
  const limit = options.limit ?? 1000;
  const messages: WorkMessage[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await queryPage(deps, {
      IndexName: indexes.byDue.name,
      KeyConditionExpression: "#pk = :due AND #sk <= :now",
      ExpressionAttributeNames: { "#pk": indexes.byDue.pk, "#sk": indexes.byDue.sk },
      // "~" sorts after the "#id" suffix, so everything due at `now` exactly is included.
      ExpressionAttributeValues: { ":due": DUE_PARTITION, ":now": `${now}~` },
      Limit: Math.min(100, limit - messages.length),
      ExclusiveStartKey,
    });
    for (const entry of page.Items ?? []) {
      // The index holds keys only (a transition then writes no index entry): read the rest.
      const item = await getItem(
        deps,
        { pk: entry.pk, sk: entry.sk },
        { ProjectionExpression: "id, rev, sweeps", ConsistentRead: true },
      );
      if (!item) continue;
      const sweeps = (item.sweeps as number | undefined) ?? 0;
      try {
        const { UpdateExpression, ExpressionAttributeNames, values } = swept(
          item.id as string,
          now,
          sweeps,
          options.graceSeconds,
        );
        // Only while the execution is still due as this entry says: an index lags its table, so an
        // entry may be an older revision's (the execution ended, or waits for something later).
        await updateItem(deps, {
          Key: keys.execution(item.id as string),
          UpdateExpression,
          ExpressionAttributeNames: { ...ExpressionAttributeNames, "#seen": indexes.byDue.sk },
          ConditionExpression: "rev = :rev AND #seen = :seen",
          ExpressionAttributeValues: {
            ...values,
            ":sweeps": sweeps + 1,
            ":rev": item.rev,
            ":seen": entry[indexes.byDue.sk],
          },
        });
      } catch (error) {
        // It moved meanwhile: its new revision carries its own due time, if it has one.
        if (error instanceof ConditionalCheckFailedException) continue;
        throw error;
      }
      messages.push({ executionId: item.id as string, rev: item.rev as number });
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey && messages.length < limit);
  await sendWorkBatch(deps, messages);
  return { sent: messages.length };
}

/**
 * What a sweep writes on a revision it sends: the first time, only that it was sent; from the
 * second, its due entry pushed back by the grace doubled at each sweep (at most a day).
 */
function swept(id: string, now: string, sweeps: number, graceSeconds: number) {
  if (sweeps === 0)
    return {
      UpdateExpression: "SET sweeps = :sweeps",
      ExpressionAttributeNames: undefined,
      values: {},
    };
  const at = addSeconds(now, Math.min(graceSeconds * 2 ** sweeps, MAX_BACKOFF_SECONDS));
  return {
    UpdateExpression: "SET dueSk = :due, #due = :at, sweeps = :sweeps",
    ExpressionAttributeNames: { "#due": DUE_ATTRIBUTE },
    values: { ":due": keys.due(at, id).dueSk, ":at": storedTime(at) },
  };
}

import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Deps } from "../../packages/core/src/deps";

/** Every item of the stack's table, sorted by key: to compare the table before and after. */
export async function scanTable(deps: Deps): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.clients.ddb.send(
      new ScanCommand({
        TableName: deps.config.table,
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const key = (item: Record<string, unknown>) => `${item.pk}\u0000${item.sk}`;
  return items.sort((a, b) => key(a).localeCompare(key(b)));
}

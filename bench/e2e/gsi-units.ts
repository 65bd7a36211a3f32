import { unmarshall } from "@aws-sdk/util-dynamodb";
import { itemSize } from "../../packages/core/src/db/item-size";
import { indexes } from "../../packages/core/src/db/layout";

/**
 * GSI write units as AWS bills them, which DynamoDB Local does not: every write of an item that
 * carries an index's keys writes the index too (1 unit per KB of the projected item, and the
 * table's indexes project ALL), and a write that changes or removes an item's index keys also
 * deletes its old entry (1 more unit). The meter remembers the index keys it last saw written
 * for each item, so a change of keys (an execution's due time, its status) is counted as AWS
 * would count it. Item sizes follow DynamoDB's rules (names + values, numbers about half their
 * digits), close enough for units that round up to the kilobyte.
 */
export class GsiMeter {
  private readonly last = new Map<string, Record<string, string | undefined>>();
  units = 0;

  reset(): void {
    this.units = 0;
  }

  /** Counts what one request's writes cost the indexes; `input` as the SDK sends it. */
  record(op: string, input: Record<string, unknown>): void {
    for (const w of writesOf(op, input)) this.units += this.write(w);
  }

  private write(w: Written): number {
    const id = `${w.key.pk}\u0000${w.key.sk}`;
    const before = this.last.get(id) ?? {};
    const after: Record<string, string | undefined> = {};
    let units = 0;
    for (const index of Object.values(indexes)) {
      const now = w.item
        ? keyOf(w.item, index)
        : w.update
          ? (w.update[index.sk] ?? before[index.name])
          : undefined;
      after[index.name] = now;
      const was = before[index.name];
      if (was !== undefined && was !== now) units += 1; // the old entry is deleted
      if (now !== undefined)
        units += Math.max(1, Math.ceil((w.item ? itemSize(w.item) : 1024) / 1024));
    }
    if (w.item || w.update) this.last.set(id, after);
    else this.last.delete(id);
    return units;
  }
}

interface Written {
  key: { pk?: unknown; sk?: unknown };
  /** The whole new item (a put). */
  item?: Record<string, unknown>;
  /** Index key attributes an update sets (the sweeper moving a due time). */
  update?: Record<string, string>;
}

const native = (item: Record<string, unknown>): Record<string, unknown> => {
  const values = Object.values(item);
  const marshalled =
    values.length > 0 &&
    values.every(
      (v) =>
        v !== null &&
        typeof v === "object" &&
        Object.keys(v).length === 1 &&
        /^(S|N|B|BOOL|NULL|M|L|SS|NS|BS)$/.test(Object.keys(v)[0]!),
    );
  // biome-ignore lint/suspicious/noExplicitAny: AttributeValue maps, as the base client sends them.
  return marshalled ? unmarshall(item as any) : item;
};

function keyOf(item: Record<string, unknown>, index: { pk: string; sk: string }) {
  const pk = item[index.pk];
  const sk = item[index.sk];
  return pk === undefined || sk === undefined ? undefined : `${String(pk)}#${String(sk)}`;
}

function writesOf(op: string, input: Record<string, unknown>): Written[] {
  const put = (item: Record<string, unknown>): Written => {
    const n = native(item);
    return { key: { pk: n.pk, sk: n.sk }, item: n };
  };
  const del = (key: Record<string, unknown>): Written => {
    const n = native(key);
    return { key: { pk: n.pk, sk: n.sk } };
  };
  const update = (
    key: Record<string, unknown>,
    values: Record<string, unknown> | undefined,
    expression: unknown,
  ): Written => {
    const n = native(key);
    const v = values ? native(values) : {};
    const set: Record<string, string> = {};
    // Only the sweeper updates an index key (SET dueSk = :due): count it as a move of the due entry.
    if (
      typeof expression === "string" &&
      /dueSk\s*=\s*:due/.test(expression) &&
      typeof v[":due"] === "string"
    )
      set[indexes.byDue.sk] = `due#${v[":due"]}`;
    return { key: { pk: n.pk, sk: n.sk }, update: set };
  };
  if (op === "PutItem") return [put(input.Item as Record<string, unknown>)];
  if (op === "DeleteItem") return [del(input.Key as Record<string, unknown>)];
  if (op === "UpdateItem")
    return [
      update(
        input.Key as Record<string, unknown>,
        input.ExpressionAttributeValues as Record<string, unknown>,
        input.UpdateExpression,
      ),
    ];
  if (op === "TransactWriteItems")
    return ((input.TransactItems as Record<string, Record<string, unknown>>[]) ?? []).flatMap(
      (t) =>
        t.Put
          ? [put(t.Put.Item as Record<string, unknown>)]
          : t.Delete
            ? [del(t.Delete.Key as Record<string, unknown>)]
            : t.Update
              ? [
                  update(
                    t.Update.Key as Record<string, unknown>,
                    t.Update.ExpressionAttributeValues as Record<string, unknown>,
                    t.Update.UpdateExpression,
                  ),
                ]
              : [],
    );
  if (op === "BatchWriteItem")
    return Object.values(
      (input.RequestItems as Record<string, Record<string, Record<string, unknown>>[]>) ?? {},
    )
      .flat()
      .flatMap((r) =>
        r.PutRequest
          ? [put(r.PutRequest.Item as Record<string, unknown>)]
          : r.DeleteRequest
            ? [del(r.DeleteRequest.Key as Record<string, unknown>)]
            : [],
      );
  return [];
}

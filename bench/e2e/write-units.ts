import { unmarshall } from "@aws-sdk/util-dynamodb";
import { itemSize } from "../../packages/core/src/db/item-size";
import { indexes } from "../../packages/core/src/db/layout";

/**
 * Write units as AWS on-demand bills them, from the items written: DynamoDB Local's own figures
 * do not follow AWS for transactions (a one-item transaction of 100 bytes reports 4 units, three
 * such items 4 as well; AWS bills 2 per item and KB), so the bench computes them.
 *
 * - Table: each item written costs 1 unit per KB of the larger of its old and new versions,
 *   twice that inside a transaction (a condition check too); a delete costs its old size.
 * - Indexes (AWS, "Global secondary indexes: provisioned throughput considerations", write
 *   capacity, docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Writes): a
 *   write that puts an entry costs 1 unit per KB of the projected entry; one that changes an
 *   item's index keys also deletes its old entry (1 more unit), one that removes them only that.
 *   An index that projects ALL is written whenever its item is (some attribute changes); a
 *   KEYS_ONLY index only when the entry appears, moves or goes: a write that keeps the item's
 *   index keys projects nothing new, so it costs that index nothing.
 *
 * The meter remembers the size and index keys it last saw written for each item, which is what
 * AWS's "old version" is, since every writer of the stack goes through it. Units are also kept by
 * item kind (the partition key's prefix: EXEC, TOKEN, EFFECT…), to tell what dominates.
 */
export class WriteUnitMeter {
  private readonly last = new Map<
    string,
    { size: number; keys: Record<string, string | undefined> }
  >();
  table = 0;
  gsi = 0;
  byKind: Record<string, { table: number; gsi: number }> = {};

  reset(): void {
    this.table = 0;
    this.gsi = 0;
    this.byKind = {};
  }

  /** Counts what one request's writes cost; `input` as the SDK sends it. */
  record(op: string, input: Record<string, unknown>): void {
    const factor = op === "TransactWriteItems" ? 2 : 1;
    for (const w of writesOf(op, input)) {
      const id = `${w.key.pk}\u0000${w.key.sk}`;
      const old = this.last.get(id);
      const size = w.item ? itemSize(w.item) : (old?.size ?? 0);
      const table = factor * Math.max(1, Math.ceil(Math.max(size, old?.size ?? 0) / 1024));
      const gsi = w.check ? 0 : this.index(w, id, old, size);
      const kind = String(w.key.pk ?? "?").split("#")[0]!;
      const k = this.byKind[kind] ?? { table: 0, gsi: 0 };
      this.byKind[kind] = k;
      k.table += table;
      k.gsi += gsi;
      this.table += table;
      this.gsi += gsi;
    }
  }

  private index(
    w: Written,
    id: string,
    old: { size: number; keys: Record<string, string | undefined> } | undefined,
    size: number,
  ): number {
    const before = old?.keys ?? {};
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
      if (now === undefined) continue;
      if (index.projection === "ALL") units += Math.max(1, Math.ceil(size / 1024));
      else if (now !== was) units += 1; // keys only: far under 1 KB
    }
    if (w.item || w.update) this.last.set(id, { size, keys: after });
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
  /** A transaction's condition check: billed like a write, changes nothing. */
  check?: boolean;
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
              : t.ConditionCheck
                ? [{ ...del(t.ConditionCheck.Key as Record<string, unknown>), check: true }]
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

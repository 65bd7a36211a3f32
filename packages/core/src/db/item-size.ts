/**
 * An item's size as DynamoDB counts it against units and the 400 KB limit: attribute names plus
 * values (strings in UTF-8, numbers about one byte per two digits, 3 bytes of overhead per map
 * or list and 1 per element). Close enough for units that round up to the kilobyte.
 */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce(
    (a, [name, value]) =>
      value === undefined ? a : a + Buffer.byteLength(name) + valueSize(value),
    0,
  );
}

function valueSize(value: unknown): number {
  if (value === null || typeof value === "boolean") return 1;
  if (typeof value === "string") return Buffer.byteLength(value);
  if (typeof value === "number")
    return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, "").length / 2) + 1;
  if (Array.isArray(value)) return 3 + value.reduce((a: number, v) => a + 1 + valueSize(v), 0);
  if (value instanceof Uint8Array) return value.byteLength;
  if (typeof value === "object")
    return 3 + itemSize(value as Record<string, unknown>) + Object.keys(value).length;
  return 0;
}

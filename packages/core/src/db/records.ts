import { isDeepStrictEqual } from "node:util";
import type { Deps } from "../deps";
import { ConflictError } from "../errors";
import { conditionFailed, getItem, putItem } from "./items";

/** What an upsert did (or, in a dry run, would do) to a register record. */
export type UpsertOutcome = "created" | "updated" | "unchanged";

export interface RecordKey {
  pk: string;
  sk: string;
}

// Attributes the register adds around a record's data; they never count as a change.
const BOOKKEEPING = new Set(["pk", "sk", "kind", "version", "updatedAt"]);

/** Reads one item, strongly consistent (a register read decides what an upsert does). */
export async function readItem(
  deps: Deps,
  key: RecordKey,
): Promise<Record<string, unknown> | undefined> {
  return getItem(deps, key, { ConsistentRead: true });
}

/** The data of a stored record, without keys and bookkeeping. */
export function recordData(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !BOOKKEEPING.has(name)));
}

/**
 * Creates or replaces a register record (member, activity, committee) and says which it did.
 * An identical record is left untouched (`unchanged`); with `dryRun` nothing is written but the
 * outcome is the same. Each record carries a `version`: a record changed by someone else between
 * our read and our write is not overwritten (ConflictError `record.changed`).
 */
export async function upsertRecord(
  deps: Deps,
  input: {
    key: RecordKey;
    kind: string;
    label: string;
    data: object;
    dryRun?: boolean;
    /** The reason a stored record may not be replaced at all (thrown, dry run or not). */
    refuse?: (current: Record<string, unknown>) => Error | undefined;
  },
): Promise<UpsertOutcome> {
  const current = await readItem(deps, input.key);
  const refusal = current && input.refuse?.(current);
  if (refusal) throw refusal;
  // JSON round trip: drops undefined optionals as the marshaller does, so equal data compares equal.
  const data = JSON.parse(JSON.stringify(input.data)) as Record<string, unknown>;
  if (current && isDeepStrictEqual(recordData(current), data)) return "unchanged";
  const outcome = current ? "updated" : "created";
  if (input.dryRun) return outcome;
  const version = typeof current?.version === "number" ? current.version : 0;
  try {
    await putItem(deps, {
      Item: {
        ...data,
        ...input.key,
        kind: input.kind,
        version: version + 1,
        updatedAt: deps.clock.now().toISOString(),
      },
      ConditionExpression: current ? "#version = :version" : "attribute_not_exists(pk)",
      ExpressionAttributeNames: current ? { "#version": "version" } : undefined,
      ExpressionAttributeValues: current ? { ":version": version } : undefined,
    });
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    throw new ConflictError(
      "record.changed",
      `${input.kind} ${input.label} was changed by someone else at the same time: run it again`,
      undefined,
      { cause: error },
    );
  }
  return outcome;
}

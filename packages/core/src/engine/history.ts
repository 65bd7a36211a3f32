import { itemSize } from "../db/item-size";
import { conditionFailed, putItem } from "../db/items";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import type { HistoryEvent } from "./execution";
import { storedPending } from "./stored-shape";

/*
 * Where history events live: the execution item carries the events of its last transitions
 * (`pending`) for as long as it stays within one write unit, so a transition costs one write;
 * when the next events would push it over, the carried ones go to one history item of their
 * own (keyed by their first event's number) and the item carries only the new ones. Readers
 * merge the two (store.ts `readHistory`).
 */

/**
 * The size the execution item may reach while it carries events: DynamoDB bills a write per
 * started kilobyte (1,024 bytes); `itemSize` is close to DynamoDB's count, not exact, hence the margin.
 */
export const CARRY_BUDGET_BYTES = 1000;

/** One item holds consecutive events: one write however many events it explains. */
export function historyItem(id: string, events: HistoryEvent[]) {
  return { ...keys.historyEvent(id, events[0]!.seq), events };
}

/**
 * What the execution item carries once this commit is written, which of the events it carried
 * must first be put in their history item (`moved`), and, in a transaction, whether the new
 * events go in a history item of their own (`own`): the item keeps all it can while it stays
 * within {@link CARRY_BUDGET_BYTES}. A commit alone always carries its new events, even when
 * alone they do not fit (an item of two units, no worse than a second put): nothing is written
 * after the execution's conditional put, so the events of a transition that lost the race are
 * never stored, and no crash leaves a committed transition without its events.
 */
export function carrying(
  item: Record<string, unknown>,
  carried: HistoryEvent[],
  events: HistoryEvent[],
  alone: boolean,
): { kept: HistoryEvent[]; moved?: HistoryEvent[]; own?: HistoryEvent[] } {
  const fits = (kept: HistoryEvent[]) =>
    kept.length === 0 || itemSize({ ...item, ...storedPending(kept) }) <= CARRY_BUDGET_BYTES;
  const all = [...carried, ...events];
  if (fits(all)) return { kept: all };
  const moved = carried.length > 0 ? carried : undefined;
  if (alone || fits(events)) return { kept: events, moved };
  return fits(carried) ? { kept: carried, own: events } : { kept: [], moved, own: events };
}

/**
 * Puts committed events in their history item, before the execution's put that stops carrying
 * them. Whoever commits from the same revision puts the same events, and a later revision's
 * item under the same key holds these and more (its execution went on carrying them): a put
 * that arrives late (a slow retry of a transition that then lost the race) must not shorten
 * it, hence the condition.
 */
export async function putCarried(deps: Deps, id: string, events: HistoryEvent[]): Promise<void> {
  try {
    await putItem(deps, { Item: historyItem(id, events), ...carriedCondition(events) });
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
}

/** The condition of {@link putCarried}: no item there, one in an older shape (one event, no list), or a shorter one. */
export const carriedCondition = (events: HistoryEvent[]) => ({
  ConditionExpression: "attribute_not_exists(events) OR size(events) < :count",
  ExpressionAttributeValues: { ":count": events.length },
});

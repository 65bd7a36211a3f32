import { keys } from "../db/layout";
import type { AtomicWrite } from "../engine/definition";
import type { Execution } from "../engine/execution";
import type { NewEvent } from "../engine/transitions";
import type { PlanConfig } from "../plan/config";
import type { RequestData } from "../requests/record";
import { type RequestType, requestTypes } from "../requests/request-types";
import { loanSummaryWrite } from "./loans";

/**
 * What the assembly report counts, per fund and month, at the moment it happens: each
 * transition adds to its fund's month with the same transaction that makes it happen, so the
 * counters are exact under duplicate delivery and crashes (a transition commits once) and the
 * report reads a month with one query instead of every execution.
 */
export const OUTCOMES = ["approved", "rejected", "withdrawn", "expired", "awaiting-funds"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Shard items per fund and month: concurrent transitions rarely meet on the same item. */
export const SHARDS = 8;

/** Durations are counted by whole days, up to this many (longer waits count as this). */
export const MAX_DAYS = 999;

/** Counter attribute names; a `|` separates the kind from what it is about. */
export const counter = {
  submitted: (t: RequestType) => `submitted|${t}`,
  askedCents: (t: RequestType) => `askedCents|${t}`,
  outcome: (o: Outcome, t: RequestType) => `${o}|${t}`,
  grantedCents: (t: RequestType) => `grantedCents|${t}`,
  paid: (t: RequestType) => `paid|${t}`,
  decisionDays: (days: number) => `decisionDays|${days}`,
  paymentDays: (days: number) => `paymentDays|${days}`,
  recoveryInvited: "recoveryInvited",
  recoveryInvitedCents: "recoveryInvitedCents",
  recovered: "recovered",
  recoveredCents: "recoveredCents",
} as const;

export type Counters = Record<string, number>;

/** The month (`YYYY-MM`, UTC) an instant counts in. */
export const monthOf = (iso: string) => iso.slice(0, 7);

/** Whole days from `from` to `to`, at most {@link MAX_DAYS}. */
export function daysBetween(from: string, to: string): number {
  const days = Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return Math.min(MAX_DAYS, Math.max(0, days));
}

const isRequest = (workflow: string): workflow is RequestType =>
  (requestTypes as readonly string[]).includes(workflow);

/**
 * What one transition adds to the report counters: requests submitted and what they ask,
 * decisions and how long they took, grants, ends, payments and how long they took, waits for
 * funds (net: entering adds one, leaving for a payout takes it back), recoveries invited and
 * recovered. Undefined when the transition changes nothing the report counts.
 */
export function transitionCounts(
  next: Execution,
  events: readonly NewEvent[],
  plan: PlanConfig,
): { fund: string; month: string; counts: Counters } | undefined {
  const type = next.workflow;
  if (!isRequest(type) || events.length === 0) return undefined;
  const data = next.data as RequestData;
  const visits = next.visits;
  const counts: Counters = {};
  const add = (name: string, n: number) => {
    counts[name] = (counts[name] ?? 0) + n;
  };
  const at = events[0]!.at;
  const granted = data.approvedAmountCents ?? data.amountCents;
  for (const event of events) {
    if (event.type === "RecoveryRecorded") {
      add(counter.recovered, 1);
      add(counter.recoveredCents, Number(event.detail?.amountCents ?? 0));
    }
    if (event.type !== "StateEntered") continue;
    switch (event.state) {
      case "received":
        add(counter.submitted(type), 1);
        add(counter.askedCents(type), data.amountCents);
        break;
      case "granting":
        // Granting again after waiting for funds is the same approval.
        if (visits.granting !== 1) break;
        add(counter.outcome("approved", type), 1);
        add(counter.grantedCents(type), granted);
        add(counter.decisionDays(daysBetween(next.startedAt, event.at)), 1);
        break;
      case "rejected":
        add(counter.outcome("rejected", type), 1);
        add(counter.decisionDays(daysBetween(next.startedAt, event.at)), 1);
        break;
      case "withdrawn":
      case "expired":
        add(counter.outcome(event.state, type), 1);
        break;
      case "awaiting-funds":
        if (visits["awaiting-funds"] === 1) add(counter.outcome("awaiting-funds", type), 1);
        break;
      case "payout":
        if (visits.payout === 1 && (visits["awaiting-funds"] ?? 0) > 0) {
          add(counter.outcome("awaiting-funds", type), -1);
        }
        break;
      case "paid":
        if (visits.paid !== 1) break;
        add(counter.paid(type), 1);
        add(counter.paymentDays(daysBetween(next.startedAt, event.at)), 1);
        break;
      case "recovery":
        add(counter.recoveryInvited, 1);
        add(counter.recoveryInvitedCents, granted);
        break;
    }
  }
  if (Object.keys(counts).length === 0) return undefined;
  return { fund: plan.types[type].fund, month: monthOf(at), counts };
}

/** FNV-1a of the id, so an execution always adds to the same shard. */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}

/** The one update that adds a transition's counts to its fund's month. */
export function counterWrite(
  executionId: string,
  added: { fund: string; month: string; counts: Counters },
): AtomicWrite {
  const names: Record<string, string> = { "#kind": "kind" };
  const values: Record<string, unknown> = { ":kind": "report-counters" };
  const adds = Object.entries(added.counts).map(([name, n], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = n;
    return `#c${i} :c${i}`;
  });
  return {
    item: {
      Update: {
        Key: keys.reportCounters(added.fund, added.month, shardOf(executionId)),
        UpdateExpression: `SET #kind = :kind ADD ${adds.join(", ")}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  };
}

/**
 * The engine's `transitionWrites`: the counter update of a transition, if it counts anything,
 * and the loan's summary when the transition carries a loan.
 */
export function reportCounterWrites(plan: PlanConfig) {
  return (next: Execution, events: NewEvent[]): AtomicWrite[] => {
    const added = transitionCounts(next, events, plan);
    const loan = isRequest(next.workflow)
      ? loanSummaryWrite(next, plan.types[next.workflow].fund)
      : undefined;
    return [...(added ? [counterWrite(next.id, added)] : []), ...(loan ? [loan] : [])];
  };
}

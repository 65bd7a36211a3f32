import { keys } from "../db/layout";
import { queryItems } from "../db/query";
import { readItem } from "../db/records";
import type { Deps } from "../deps";
import { type FundBalance, fundBalances } from "../finance/report";
import { envelopeAttribute, type FlowKind, flowAttribute } from "../funds/movements";
import { type PlanConfig, planConfig } from "../plan/config";
import { type RequestType, requestTypes } from "../requests/request-types";
import { type Counters, counter, OUTCOMES, type Outcome } from "./counters";
import { type LoanFigures, loanFigures } from "./loans";
import { mergeAdjacent, mergeSmall, percentileDays } from "./privacy";

/** The balances of a fund at the end of a period (one or more months merged). */
export interface MoneyPoint {
  /** First and last month (`YYYY-MM`) of the period. */
  from: string;
  to: string;
  envelopeCents: number;
  reservedCents: number;
  paidCents: number;
  recoveredCents: number;
  repaidCents: number;
  /** Fund movements within the period: what the privacy threshold counts. */
  size: number;
}

/** One row of the requests table: one type, or the small types merged. */
export interface TypeRow {
  types: RequestType[];
  /** Requests submitted in the period. */
  size: number;
  /** Fewer than `threshold` requests even after merging: nothing of the row is shown. */
  suppressed: boolean;
  askedCents: number;
  /** Granted amount, only when at least `threshold` requests were approved. */
  grantedCents?: number;
  /** Outcomes kept apart; small ones are merged into `otherOutcomes`. */
  outcomes: Partial<Record<Outcome, number>>;
  otherOutcomes?: { outcomes: Outcome[]; count: number };
}

export interface Durations {
  /** All three absent when fewer than `threshold` requests were decided (or paid). */
  count?: number;
  medianDays?: number;
  p90Days?: number;
}

export interface RecoveryFigures {
  /** Absent when fewer than `threshold` clients were invited: nothing is shown then. */
  invited?: number;
  invitedCents?: number;
  recovered?: number;
  recoveredCents?: number;
}

export interface FundFigures {
  fund: string;
  line: FundBalance;
  /** Counters moved before monthly records existed: what the series cannot place in a month. */
  undated: Record<"reservedCents" | "paidCents" | "recoveredCents" | "repaidCents", number>;
  series: MoneyPoint[];
  types: TypeRow[];
  total: TypeRow;
  decision: Durations;
  payment: Durations;
  loans?: LoanFigures;
  recoveries?: RecoveryFigures;
}

export interface AssemblyFigures {
  /** The plan period the report covers, `YYYY-MM-DD`. */
  from: string;
  to: string;
  generatedAt: string;
  threshold: number;
  funds: FundFigures[];
}

export interface AssemblyOptions {
  plan?: PlanConfig;
  /** Defaults to the plan window. */
  from?: string;
  to?: string;
}

/** `YYYY-MM` of every month from `from` to `to` (both `YYYY-MM-DD` or `YYYY-MM`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split("-").map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let s = from.slice(0, 7); s <= end; ) {
    months.push(s);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    s = `${y}-${String(m).padStart(2, "0")}`;
  }
  return months;
}

/** The counters of a fund's month: one query over its shard items. */
async function monthCounters(deps: Deps, fund: string, month: string): Promise<Counters> {
  const sum: Counters = {};
  for await (const item of queryItems(deps, {
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": keys.reportCountersPartition(fund, month) },
  })) {
    for (const [name, value] of Object.entries(item)) {
      if (typeof value === "number") sum[name] = (sum[name] ?? 0) + value;
    }
  }
  return sum;
}

function addAll(into: Counters, from: Counters): Counters {
  for (const [name, n] of Object.entries(from)) into[name] = (into[name] ?? 0) + n;
  return into;
}

const flow = (item: Record<string, unknown>, month: string, kind: FlowKind | "moves") =>
  Number(item[flowAttribute(month, kind)] ?? 0);

/** A fund's balances month by month, from the flows its movements recorded on the fund item. */
function moneySeries(item: Record<string, unknown>, months: string[], threshold: number) {
  const flowMonths = Object.keys(item)
    .filter((name) => name.startsWith("flow|"))
    .map((name) => name.split("|")[1]!);
  const envelopeMonths = Object.keys(item)
    .filter((name) => name.startsWith("envelope|"))
    .map((name) => name.split("|")[1]!);
  const all = [...new Set([...flowMonths, ...envelopeMonths, ...months])].sort();
  // A fund whose envelope was set before monthly records existed shows that envelope throughout.
  let envelope = envelopeMonths.length === 0 ? Number(item.envelopeCents ?? 0) : 0;
  const totals = { reservedCents: 0, paidCents: 0, recoveredCents: 0, repaidCents: 0 };
  const points: MoneyPoint[] = [];
  const last = months.at(-1) ?? "";
  for (const month of all) {
    if (month > last) break;
    const set = item[envelopeAttribute(month)];
    if (typeof set === "number") envelope = set;
    const paid = flow(item, month, "paid") - flow(item, month, "unpaid");
    totals.reservedCents += flow(item, month, "reserved") - flow(item, month, "released") - paid;
    totals.paidCents += paid;
    totals.recoveredCents += flow(item, month, "recovered");
    totals.repaidCents += flow(item, month, "repaid");
    if (month >= months[0]!) {
      points.push({
        from: month,
        to: month,
        envelopeCents: envelope,
        ...totals,
        size: flow(item, month, "moves"),
      });
    }
  }
  const series = mergeAdjacent(points, threshold, (a, b) => ({
    ...b,
    from: a.from,
    size: a.size + b.size,
  }));
  // Every month with flows, inside the period or not, to tell what was never dated.
  const dated = { reservedCents: 0, paidCents: 0, recoveredCents: 0, repaidCents: 0 };
  for (const month of new Set(flowMonths)) {
    const paid = flow(item, month, "paid") - flow(item, month, "unpaid");
    dated.reservedCents += flow(item, month, "reserved") - flow(item, month, "released") - paid;
    dated.paidCents += paid;
    dated.recoveredCents += flow(item, month, "recovered");
    dated.repaidCents += flow(item, month, "repaid");
  }
  return { series, dated };
}

function typeRow(types: RequestType[], c: Counters, threshold: number): TypeRow {
  const sum = (name: (t: RequestType) => string) =>
    types.reduce((n, t) => n + (c[name(t)] ?? 0), 0);
  const cells = OUTCOMES.map((o) => ({ outcome: o, size: sum((t) => counter.outcome(o, t)) }));
  const { kept, merged } = mergeSmall(cells, threshold);
  const approved = sum((t) => counter.outcome("approved", t));
  const size = sum(counter.submitted);
  return {
    types,
    size,
    suppressed: size > 0 && size < threshold,
    askedCents: sum(counter.askedCents),
    grantedCents: approved >= threshold ? sum(counter.grantedCents) : undefined,
    outcomes: Object.fromEntries(kept.map((k) => [k.outcome, k.size])),
    otherOutcomes:
      merged.length > 0
        ? { outcomes: merged.map((m) => m.outcome), count: merged.reduce((n, m) => n + m.size, 0) }
        : undefined,
  };
}

function durations(
  c: Counters,
  prefix: "decisionDays" | "paymentDays",
  threshold: number,
): Durations {
  const histogram = new Map<number, number>();
  for (const [name, n] of Object.entries(c)) {
    if (name.startsWith(`${prefix}|`) && n > 0) histogram.set(Number(name.split("|")[1]), n);
  }
  const count = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (count < threshold) return {};
  return {
    count,
    medianDays: percentileDays(histogram, 0.5),
    p90Days: percentileDays(histogram, 0.9),
  };
}

function recoveries(c: Counters, threshold: number): RecoveryFigures | undefined {
  const invited = c[counter.recoveryInvited] ?? 0;
  if (invited === 0) return undefined;
  if (invited < threshold) return {};
  const recovered = c[counter.recovered] ?? 0;
  const shown = recovered === 0 || recovered >= threshold;
  return {
    invited,
    invitedCents: c[counter.recoveryInvitedCents] ?? 0,
    recovered: shown ? recovered : undefined,
    recoveredCents: shown ? (c[counter.recoveredCents] ?? 0) : undefined,
  };
}

/**
 * Everything the assembly report shows, per fund, for one plan period: the fund's counters
 * (`fundReport`), its balances month by month (the flows on the fund item), requests by type and
 * outcome, amounts asked and granted, how long decisions and payments took, loans and
 * recoveries. Reads one item per fund, one query per fund and month, and the loans; never every
 * execution. Only aggregates; groups smaller than the plan's threshold are merged.
 */
export async function assemblyFigures(
  deps: Deps,
  options: AssemblyOptions = {},
): Promise<AssemblyFigures> {
  const plan = options.plan ?? planConfig;
  const threshold = plan.reports.minGroupSize;
  const from = options.from ?? plan.planWindow.from;
  const now = deps.clock.now().toISOString();
  const to = options.to ?? plan.planWindow.to;
  // A period still running ends today (strings compare as dates: both are ISO).
  const months = monthsBetween(from, [to, now].sort()[0]!);
  const lines = await fundBalances(deps);
  const funds = await Promise.all(
    lines.map(async (line): Promise<FundFigures> => {
      const types = requestTypes.filter((t) => plan.types[t].fund === line.fund);
      const [item, perMonth, loans] = await Promise.all([
        readItem(deps, keys.fund(line.fund)),
        Promise.all(months.map((m) => monthCounters(deps, line.fund, m))),
        types.includes("relaunch-loan")
          ? loanFigures(deps, line.fund, plan, now, threshold)
          : undefined,
      ]);
      const c = perMonth.reduce(addAll, {});
      const { series, dated } = moneySeries(item ?? {}, months, threshold);
      const rows = types.map((t) => ({ type: t, size: c[counter.submitted(t)] ?? 0 }));
      const { kept, merged } = mergeSmall(rows, threshold);
      const typeRows = [
        ...kept.filter((k) => k.size > 0).map((k) => typeRow([k.type], c, threshold)),
        ...(merged.length > 0
          ? [
              typeRow(
                merged.map((m) => m.type),
                c,
                threshold,
              ),
            ]
          : []),
      ];
      return {
        fund: line.fund,
        line,
        undated: {
          reservedCents: line.reservedCents - dated.reservedCents,
          paidCents: line.paidCents - dated.paidCents,
          recoveredCents: line.recoveredCents - dated.recoveredCents,
          repaidCents: line.repaidCents - dated.repaidCents,
        },
        series,
        types: typeRows,
        total: typeRow(types, c, threshold),
        decision: durations(c, "decisionDays", threshold),
        payment: durations(c, "paymentDays", threshold),
        loans,
        recoveries: recoveries(c, threshold),
      };
    }),
  );
  return { from, to, generatedAt: now, threshold, funds };
}

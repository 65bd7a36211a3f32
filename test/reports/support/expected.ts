import type { Deps } from "../../../packages/core/src/deps";
import type { Execution, HistoryEvent } from "../../../packages/core/src/engine/execution";
import { getExecution, readHistory } from "../../../packages/core/src/engine/store";
import { fundReport } from "../../../packages/core/src/finance/report";
import type { PlanConfig } from "../../../packages/core/src/plan/config";
import { mergeAdjacent, mergeSmall } from "../../../packages/core/src/reports/privacy";
import type { RequestData } from "../../../packages/core/src/requests/record";
import type { RequestType } from "../../../packages/core/src/requests/request-types";

const OUTCOME_STATES = {
  granting: "approved",
  rejected: "rejected",
  withdrawn: "withdrawn",
  expired: "expired",
} as const;
const OUTCOMES = ["approved", "rejected", "withdrawn", "expired", "awaiting-funds"] as const;
const MONEY = [
  "envelopeCents",
  "reservedCents",
  "paidCents",
  "recoveredCents",
  "repaidCents",
] as const;

const month = (iso: string) => iso.slice(0, 7);
const days = (from: string, to: string) =>
  Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);
const nearestRank = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil(p * values.length) - 1]!;
const entered = (history: HistoryEvent[], state: string) =>
  history.filter((e) => e.type === "StateEntered" && e.state === state);

/**
 * What the report must say, computed the other way round: from each seeded request's execution
 * and history and from the fund report, with the privacy rules applied to the raw figures.
 */
export async function expectedFigures(
  deps: Deps,
  ids: string[],
  plan: PlanConfig,
  envelopes: Record<string, { month: string; cents: number }>,
) {
  const threshold = plan.reports.minGroupSize;
  const lines = await fundReport(deps);
  const requests: { execution: Execution; history: HistoryEvent[] }[] = await Promise.all(
    ids.map(async (id) => ({
      execution: (await getExecution(deps, id))!,
      history: await readHistory(deps, id),
    })),
  );
  const now = deps.clock.now().toISOString();
  const out = new Map<string, number>();
  for (const line of lines) {
    const fund = line.fund;
    const put = (key: string, value: number | undefined) => {
      if (value !== undefined) out.set(`${fund}.${key}`, value);
    };
    for (const m of [...MONEY, "remainingCents"] as const) put(`balances.${m}`, line[m]);
    const mine = requests.filter(
      (r) => plan.types[r.execution.workflow as RequestType].fund === fund,
    );
    // Money, month by month, from the events that moved it.
    const flows = new Map<
      string,
      {
        reservedCents: number;
        paidCents: number;
        recoveredCents: number;
        repaidCents: number;
        size: number;
      }
    >();
    const flow = (at: string) => {
      const key = month(at);
      if (!flows.has(key))
        flows.set(key, {
          reservedCents: 0,
          paidCents: 0,
          recoveredCents: 0,
          repaidCents: 0,
          size: 0,
        });
      return flows.get(key)!;
    };
    for (const { execution, history } of mine) {
      const data = execution.data as RequestData;
      for (const e of history) {
        const cents = Number(e.detail?.amountCents ?? 0);
        if (e.type === "FundsReserved")
          Object.assign(flow(e.at), {
            reservedCents: flow(e.at).reservedCents + cents,
            size: flow(e.at).size + 1,
          });
        if (e.type === "RecoveryRecorded")
          Object.assign(flow(e.at), {
            recoveredCents: flow(e.at).recoveredCents + cents,
            size: flow(e.at).size + 1,
          });
        if (e.type === "RepaymentRecorded")
          Object.assign(flow(e.at), {
            repaidCents: flow(e.at).repaidCents + cents,
            size: flow(e.at).size + 1,
          });
      }
      if (data.payout?.paidAt) {
        const f = flow(data.payout.paidAt);
        const cents = data.approvedAmountCents ?? data.amountCents;
        Object.assign(f, {
          paidCents: f.paidCents + cents,
          reservedCents: f.reservedCents - cents,
          size: f.size + 1,
        });
      }
    }
    const months: string[] = [];
    for (
      let d = new Date(`${plan.planWindow.from.slice(0, 7)}-01T00:00:00Z`);
      month(d.toISOString()) <= month(now);
      d.setUTCMonth(d.getUTCMonth() + 1)
    ) {
      months.push(month(d.toISOString()));
    }
    const totals = { reservedCents: 0, paidCents: 0, recoveredCents: 0, repaidCents: 0 };
    const points = months.map((m) => {
      const f = flows.get(m);
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += f?.[k] ?? 0;
      return {
        from: m,
        to: m,
        envelopeCents: m >= envelopes[fund]!.month ? envelopes[fund]!.cents : 0,
        ...totals,
        size: f?.size ?? 0,
      };
    });
    for (const p of mergeAdjacent(points, threshold, (a, b) => ({
      ...b,
      from: a.from,
      size: a.size + b.size,
    }))) {
      const group = p.from === p.to ? p.from : `${p.from}..${p.to}`;
      for (const m of MONEY) put(`series.${group}.${m}`, p[m]);
    }
    // Requests by type and outcome.
    const types = (Object.keys(plan.types) as RequestType[]).filter(
      (t) => plan.types[t].fund === fund,
    );
    const raw = (ofTypes: RequestType[]) => {
      const rs = mine.filter((r) => ofTypes.includes(r.execution.workflow as RequestType));
      const outcome = (o: (typeof OUTCOMES)[number]) =>
        o === "awaiting-funds"
          ? rs.filter((r) => r.execution.state === "awaiting-funds").length
          : rs.filter(
              (r) =>
                entered(r.history, Object.entries(OUTCOME_STATES).find(([, v]) => v === o)![0])
                  .length > 0,
            ).length;
      const approved = rs.filter((r) => entered(r.history, "granting").length > 0);
      return {
        size: rs.length,
        askedCents: rs.reduce((n, r) => n + (r.execution.data as RequestData).amountCents, 0),
        approved: approved.length,
        grantedCents: approved.reduce(
          (n, r) =>
            n +
            ((r.execution.data as RequestData).approvedAmountCents ??
              (r.execution.data as RequestData).amountCents),
          0,
        ),
        outcomes: OUTCOMES.map((o) => ({ outcome: o, size: outcome(o) })),
      };
    };
    const row = (group: string, ofTypes: RequestType[]) => {
      const r = raw(ofTypes);
      if (r.size > 0 && r.size < threshold) return;
      put(`requests.${group}.submitted`, r.size);
      put(`requests.${group}.askedCents`, r.askedCents);
      if (r.approved >= threshold) put(`requests.${group}.grantedCents`, r.grantedCents);
      const { kept, merged } = mergeSmall(r.outcomes, threshold);
      for (const k of kept) put(`requests.${group}.${k.outcome}`, k.size);
      if (merged.length > 0)
        put(
          `requests.${group}.otherOutcomes`,
          merged.reduce((n, m) => n + m.size, 0),
        );
    };
    const sizes = types.map((t) => ({ type: t, size: raw([t]).size }));
    const { kept, merged } = mergeSmall(sizes, threshold);
    for (const k of kept.filter((k) => k.size > 0)) row(k.type, [k.type]);
    if (merged.length > 0)
      row(
        merged.map((m) => m.type).join("+"),
        merged.map((m) => m.type),
      );
    // A fund nobody asked anything of says so, without a table of zeros.
    if (raw(types).size > 0) row("total", types);
    // How long members waited.
    const durations = (section: string, to: (h: HistoryEvent[]) => HistoryEvent | undefined) => {
      const values = mine.flatMap((r) => {
        const e = to(r.history);
        return e ? [days(r.execution.startedAt, e.at)] : [];
      });
      if (values.length >= threshold) {
        put(`${section}.count`, values.length);
        put(`${section}.medianDays`, nearestRank(values, 0.5));
        put(`${section}.p90Days`, nearestRank(values, 0.9));
      }
    };
    durations("decision", (h) => entered(h, "granting")[0] ?? entered(h, "rejected")[0]);
    durations("payment", (h) => entered(h, "paid")[0]);
    // Recoveries.
    const invited = mine.filter((r) => entered(r.history, "recovery").length > 0);
    if (invited.length >= threshold) {
      put("recoveries.invited", invited.length);
      put(
        "recoveries.invitedCents",
        invited.reduce(
          (n, r) =>
            n +
            ((r.execution.data as RequestData).approvedAmountCents ??
              (r.execution.data as RequestData).amountCents),
          0,
        ),
      );
      const recovered = mine.flatMap((r) => r.history.filter((e) => e.type === "RecoveryRecorded"));
      if (recovered.length === 0 || recovered.length >= threshold) {
        put("recoveries.recovered", recovered.length);
        put(
          "recoveries.recoveredCents",
          recovered.reduce((n, e) => n + Number(e.detail?.amountCents), 0),
        );
      }
    }
    // Loans: the seeded year has fewer than the threshold, so none of their figures is shown.
    const loans = mine.filter((r) => (r.execution.data as RequestData).loan);
    if (loans.length >= threshold) throw new Error("the seeded year was meant to have few loans");
  }
  return out;
}

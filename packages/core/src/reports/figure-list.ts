import { OUTCOMES } from "./counters";
import type { AssemblyFigures, Durations, FundFigures, TypeRow } from "./figures";
import { LOAN_STATES } from "./loans";

export type Unit = "cents" | "count" | "days";

/** One figure of the report: the HTML page shows it, the CSV lists it, under the same key. */
export interface Figure {
  key: string;
  fund: string;
  section: string;
  group: string;
  measure: string;
  value: number;
  unit: Unit;
}

export const MONEY = [
  "envelopeCents",
  "reservedCents",
  "paidCents",
  "recoveredCents",
  "repaidCents",
] as const;

/** The group name of a row of the requests table: its type, or its merged types joined by `+`. */
export const rowGroup = (row: TypeRow, total = false) => (total ? "total" : row.types.join("+"));

/** The group name of a period of the money series. */
export const periodGroup = (p: { from: string; to: string }) =>
  p.from === p.to ? p.from : `${p.from}..${p.to}`;

function* fundFigures(f: FundFigures): Generator<Omit<Figure, "key" | "fund">> {
  const money = (section: string, group: string, measure: string, value: number | undefined) =>
    value === undefined ? [] : [{ section, group, measure, value, unit: "cents" as const }];
  const count = (
    section: string,
    group: string,
    measure: string,
    value: number | undefined,
    unit: Unit = "count",
  ) => (value === undefined ? [] : [{ section, group, measure, value, unit }]);
  for (const m of [...MONEY, "remainingCents"] as const) yield* money("balances", "", m, f.line[m]);
  for (const [m, v] of Object.entries(f.undated))
    if (v !== 0) yield* money("balances", "undated", m, v);
  for (const p of f.series) for (const m of MONEY) yield* money("series", periodGroup(p), m, p[m]);
  for (const [row, total] of [
    ...f.types.map((r) => [r, false] as const),
    [f.total, true] as const,
  ]) {
    // A fund nobody asked anything of has no table on the page, so no total either.
    if (row.size === 0 || row.suppressed) continue;
    const g = rowGroup(row, total);
    yield* count("requests", g, "submitted", row.size);
    for (const o of OUTCOMES) yield* count("requests", g, o, row.outcomes[o]);
    yield* count("requests", g, "otherOutcomes", row.otherOutcomes?.count);
    yield* money("requests", g, "askedCents", row.askedCents);
    yield* money("requests", g, "grantedCents", row.grantedCents);
  }
  const durations = (section: string, d: Durations) => [
    ...count(section, "", "count", d.count),
    ...count(section, "", "medianDays", d.medianDays, "days"),
    ...count(section, "", "p90Days", d.p90Days, "days"),
  ];
  yield* durations("decision", f.decision);
  yield* durations("payment", f.payment);
  if (f.loans) {
    yield* count("loans", "", "count", f.loans.count);
    yield* money("loans", "", "outstandingCents", f.loans.outstandingCents);
    for (const s of LOAN_STATES) yield* count("loans", "", s, f.loans.states[s]);
    yield* count("loans", "", "merged", f.loans.merged?.count);
  }
  if (f.recoveries) {
    yield* count("recoveries", "", "invited", f.recoveries.invited);
    yield* money("recoveries", "", "invitedCents", f.recoveries.invitedCents);
    yield* count("recoveries", "", "recovered", f.recoveries.recovered);
    yield* money("recoveries", "", "recoveredCents", f.recoveries.recoveredCents);
  }
}

export const figureKey = (fund: string, section: string, group: string, measure: string) =>
  [fund, section, group, measure].filter((part) => part !== "").join(".");

/** Every figure of the report, in the order the page shows them. */
export function figureList(figures: AssemblyFigures): Figure[] {
  return figures.funds.flatMap((f) =>
    [...fundFigures(f)].map((x) => ({
      ...x,
      fund: f.fund,
      key: figureKey(f.fund, x.section, x.group, x.measure),
    })),
  );
}

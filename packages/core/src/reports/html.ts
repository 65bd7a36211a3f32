import { day, list } from "../notifications/format";
import { html, type SafeHtml } from "../notifications/html";
import { optionTexts } from "../request-view/labels";
import type { Language } from "../requests/request-types";
import { OUTCOMES } from "./counters";
import { type Figure, figureKey, figureList, periodGroup, rowGroup } from "./figure-list";
import type { AssemblyFigures, FundFigures, MoneyPoint, TypeRow } from "./figures";
import { LOAN_STATES } from "./loans";
import { figure, fill, say, scroll, type Writer, writer } from "./page-parts";
import { STYLE } from "./style";
import {
  type Line,
  lineChart,
  lineKey,
  type Pattern,
  pairedBars,
  stackedBars,
  swatch,
} from "./svg";
import { reportTexts as T } from "./texts";

const MONEY_LINES: {
  key: "envelopeCents" | "reservedCents" | "paidCents" | "recoveredCents" | "repaidCents";
  text: keyof typeof T;
  line: Omit<Line, "label" | "values">;
}[] = [
  { key: "envelopeCents", text: "envelope", line: { dash: "", marker: "none", width: 3.5 } },
  { key: "reservedCents", text: "reserved", line: { dash: "8 5", marker: "square", width: 2 } },
  { key: "paidCents", text: "paid", line: { dash: "", marker: "circle", width: 2 } },
  { key: "recoveredCents", text: "recovered", line: { dash: "2 4", marker: "triangle", width: 2 } },
  { key: "repaidCents", text: "repaid", line: { dash: "10 4 2 4", marker: "diamond", width: 2 } },
];

const OUTCOME_PATTERNS: Record<(typeof OUTCOMES)[number] | "other", Pattern> = {
  approved: "solid",
  rejected: "diagonal",
  withdrawn: "dots",
  expired: "cross",
  "awaiting-funds": "horizontal",
  other: "empty",
};

function typeName(row: TypeRow, language: Language): string {
  const names = row.types.map((t) => optionTexts.type[t][language]);
  return row.types.length === 1
    ? names[0]!
    : fill(T.otherTypes[language], { types: list(names, language) });
}

function balances(
  f: FundFigures,
  figs: Map<string, Figure>,
  w: Writer,
  language: Language,
): SafeHtml {
  const rows = (
    [
      "envelopeCents",
      "reservedCents",
      "paidCents",
      "recoveredCents",
      "repaidCents",
      "remainingCents",
    ] as const
  ).map(
    (m) =>
      html`<tr><th scope="row">${say(m.replace("Cents", "") as keyof typeof T, language)}</th><td>${figure(figs, w, figureKey(f.fund, "balances", "", m))}</td></tr>`,
  );
  return html`<table class="figures"><caption>${T.balances[language]}</caption><tbody>${rows}</tbody></table>`;
}

function series(
  f: FundFigures,
  figs: Map<string, Figure>,
  w: Writer,
  language: Language,
  fundName: string,
): SafeHtml {
  const points = f.series;
  const all = MONEY_LINES.map((l) => ({
    ...l.line,
    key: l.key,
    label: say(l.text, language),
    values: points.map((p) => p[l.key]),
  }));
  const envelope = Math.max(0, ...all[0]!.values);
  const used = Math.max(0, ...all.slice(1).flatMap((l) => l.values));
  // An envelope far above what was used would flatten every other line: it is then left out of
  // the chart's scale and said in words under it.
  const apart = used > 0 && used * 5 < envelope;
  const lines = apart ? all.slice(1) : all;
  const chart = lineChart(
    fill(T.chartMoney[language], { fund: fundName }),
    points.map(w.shortPeriod),
    lines,
    w.compactEuros,
  );
  const legend = html`<ul class="legend">${lines.map((l) => html`<li>${lineKey(l)} ${l.label}</li>`)}</ul>${
    apart
      ? html`<p class="note">${fill(T.envelopeApart[language], { envelope: w.euros(envelope) })}</p>`
      : ""
  }`;
  const head = html`<tr><th scope="col">${T.period[language]}</th>${MONEY_LINES.map((l) => html`<th scope="col">${say(l.text, language)}</th>`)}</tr>`;
  const row = (p: MoneyPoint) =>
    html`<tr><th scope="row">${w.period(p)}</th>${MONEY_LINES.map((l) => html`<td>${figure(figs, w, figureKey(f.fund, "series", periodGroup(p), l.key))}</td>`)}</tr>`;
  const undated = Object.values(f.undated).some((v) => v !== 0)
    ? html`<tr><th scope="row">${T.undated[language]}</th><td></td>${(["reservedCents", "paidCents", "recoveredCents", "repaidCents"] as const).map((m) => html`<td>${figure(figs, w, figureKey(f.fund, "balances", "undated", m))}</td>`)}</tr>`
    : "";
  return html`<h3>${T.overTime[language]}</h3>${chart}${legend}${scroll(T.overTime[language], html`<table><thead>${head}</thead><tbody>${points.map(row)}${undated}</tbody></table>`)}`;
}

function requests(
  f: FundFigures,
  figs: Map<string, Figure>,
  w: Writer,
  language: Language,
  threshold: number,
): SafeHtml {
  const rows = f.types.filter((r) => r.size > 0);
  if (rows.length === 0) return html`<h3>${T.requests[language]}</h3><p>${T.none[language]}</p>`;
  const tooFew = fill(T.merged[language], { threshold });
  const suppressed = (row: TypeRow, total: boolean, columns: number) =>
    html`<tr${total ? html` class="total"` : ""}><th scope="row">${total ? T.total[language] : typeName(row, language)}</th><td colspan="${columns}">${tooFew}</td></tr>`;
  const chartRows = rows
    .filter((r) => !r.suppressed)
    .map((r) => ({
      label: typeName(r, language),
      segments: [
        ...OUTCOMES.map((o) => ({ value: r.outcomes[o] ?? 0, pattern: OUTCOME_PATTERNS[o] })),
        { value: r.otherOutcomes?.count ?? 0, pattern: OUTCOME_PATTERNS.other },
      ],
    }));
  const legend = html`<ul class="legend">${OUTCOMES.map((o) => html`<li>${swatch(`${f.fund}-o`, OUTCOME_PATTERNS[o])} ${T.outcome[o][language]}</li>`)}<li>${swatch(`${f.fund}-o`, "empty")} ${T.otherOutcomes[language]}</li></ul>`;
  const cell = (row: TypeRow, total: boolean, measure: string) =>
    html`<td>${figure(figs, w, figureKey(f.fund, "requests", rowGroup(row, total), measure))}</td>`;
  const line = (row: TypeRow, total: boolean) => {
    if (row.suppressed) return suppressed(row, total, OUTCOMES.length + 2);
    const merged = row.otherOutcomes
      ? html` <small>(${list(
          row.otherOutcomes.outcomes.map((o) => T.outcome[o][language]),
          language,
        )})</small>`
      : "";
    return html`<tr${total ? html` class="total"` : ""}><th scope="row">${total ? T.total[language] : typeName(row, language)}</th>${cell(row, total, "submitted")}${OUTCOMES.map((o) => cell(row, total, o))}<td>${figure(figs, w, figureKey(f.fund, "requests", rowGroup(row, total), "otherOutcomes"))}${merged}</td></tr>`;
  };
  const head = html`<tr><th scope="col">${T.type[language]}</th><th scope="col">${T.submitted[language]}</th>${OUTCOMES.map((o) => html`<th scope="col">${T.outcome[o][language]}</th>`)}<th scope="col">${T.otherOutcomes[language]}</th></tr>`;
  const amounts = html`<tr><th scope="col">${T.type[language]}</th><th scope="col">${T.asked[language]}</th><th scope="col">${T.granted[language]}</th></tr>`;
  const amountLine = (row: TypeRow, total: boolean) =>
    row.suppressed
      ? suppressed(row, total, 2)
      : html`<tr${total ? html` class="total"` : ""}><th scope="row">${total ? T.total[language] : typeName(row, language)}</th>${cell(row, total, "askedCents")}${row.grantedCents === undefined ? html`<td>${tooFew}</td>` : cell(row, total, "grantedCents")}</tr>`;
  const charted = rows.filter((r) => !r.suppressed);
  const paired =
    charted.length === 0
      ? html``
      : pairedBars(
          `${f.fund}-a`,
          T.chartAmounts[language],
          charted.map((r) => ({
            label: typeName(r, language),
            bars: [
              {
                value: r.askedCents,
                text: `${T.asked[language]} ${w.euros(r.askedCents)}`,
                pattern: "diagonal" as const,
              },
              ...(r.grantedCents === undefined
                ? []
                : [
                    {
                      value: r.grantedCents,
                      text: `${T.granted[language]} ${w.euros(r.grantedCents)}`,
                      pattern: "solid" as const,
                    },
                  ]),
            ],
          })),
        );
  const stacked =
    chartRows.length === 0
      ? html``
      : html`${stackedBars(`${f.fund}-o`, T.chartRequests[language], chartRows)}${legend}`;
  return html`<h3>${T.requests[language]}</h3>${stacked}
${scroll(T.requests[language], html`<table><thead>${head}</thead><tbody>${rows.map((r) => line(r, false))}${line(f.total, true)}</tbody></table>`)}
<h3>${T.amounts[language]}</h3>${paired}${scroll(T.amounts[language], html`<table><thead>${amounts}</thead><tbody>${rows.map((r) => amountLine(r, false))}${amountLine(f.total, true)}</tbody></table>`)}`;
}

function waiting(
  f: FundFigures,
  figs: Map<string, Figure>,
  w: Writer,
  language: Language,
): SafeHtml {
  const row = (section: "decision" | "payment", label: string) =>
    html`<tr><th scope="row">${label}</th>${["count", "medianDays", "p90Days"].map((m) => html`<td>${figure(figs, w, figureKey(f.fund, section, "", m))}</td>`)}</tr>`;
  return html`<h3>${T.waiting[language]}</h3>${scroll(T.waiting[language], html`<table><thead><tr><td></td><th scope="col">${T.count[language]}</th><th scope="col">${T.median[language]}</th><th scope="col">${T.p90[language]}</th></tr></thead><tbody>${row("decision", T.toDecision[language])}${row("payment", T.toPayment[language])}</tbody></table>`)}`;
}

function loans(
  f: FundFigures,
  figs: Map<string, Figure>,
  w: Writer,
  language: Language,
  threshold: number,
): SafeHtml {
  if (!f.loans) return html``;
  if (f.loans.count === undefined)
    return html`<h3>${T.loans[language]}</h3><p>${fill(T.merged[language], { threshold })}</p>`;
  const merged = f.loans.merged
    ? html`<tr><th scope="row">${fill(T.otherLoans[language], {
        states: list(
          f.loans.merged.states.map((s) => T.loanState[s][language]),
          language,
        ),
      })}</th><td>${figure(figs, w, figureKey(f.fund, "loans", "", "merged"))}</td></tr>`
    : "";
  return html`<h3>${T.loans[language]}</h3><table class="figures"><tbody>
<tr><th scope="row">${T.disbursed[language]}</th><td>${figure(figs, w, figureKey(f.fund, "loans", "", "count"))}</td></tr>
<tr><th scope="row">${T.outstanding[language]}</th><td>${figure(figs, w, figureKey(f.fund, "loans", "", "outstandingCents"))}</td></tr>
${LOAN_STATES.filter((s) => f.loans!.states[s] !== undefined).map((s) => html`<tr><th scope="row">${T.loanState[s][language]}</th><td>${figure(figs, w, figureKey(f.fund, "loans", "", s))}</td></tr>`)}${merged}
</tbody></table>`;
}

function recoveries(
  f: FundFigures,
  figs: Map<string, Figure>,
  w: Writer,
  language: Language,
  threshold: number,
): SafeHtml {
  if (!f.recoveries) return html``;
  if (f.recoveries.invited === undefined)
    return html`<h3>${T.recoveries[language]}</h3><p>${fill(T.merged[language], { threshold })}</p>`;
  const row = (label: string, count: string, cents: string) =>
    html`<tr><th scope="row">${label}</th><td>${figure(figs, w, figureKey(f.fund, "recoveries", "", count))}</td><td>${figure(figs, w, figureKey(f.fund, "recoveries", "", cents))}</td></tr>`;
  return html`<h3>${T.recoveries[language]}</h3>${scroll(T.recoveries[language], html`<table><thead><tr><td></td><th scope="col">${T.count[language]}</th><th scope="col">${T.amount[language]}</th></tr></thead><tbody>${row(T.invited[language], "invited", "invitedCents")}${row(T.recoveredCount[language], "recovered", "recoveredCents")}</tbody></table>`)}`;
}

/**
 * The assembly report as one self-contained HTML page: no script, nothing fetched (a policy
 * forbids it), inline SVG charts next to tables holding every figure, print CSS for PDF.
 */
export function reportHtml(figures: AssemblyFigures, language: Language): string {
  const w = writer(language);
  const figs = new Map(figureList(figures).map((f) => [f.key, f]));
  const sections = figures.funds.map((f) => {
    const name = T.fund[f.fund]?.[language] ?? f.fund;
    return html`<section class="fund" aria-labelledby="fund-${f.fund}"><h2 id="fund-${f.fund}">${name}</h2>
${balances(f, figs, w, language)}${series(f, figs, w, language, name)}${requests(f, figs, w, language, figures.threshold)}${waiting(f, figs, w, language)}${loans(f, figs, w, language, figures.threshold)}${recoveries(f, figs, w, language, figures.threshold)}</section>`;
  });
  const intro = fill(T.intro[language], {
    from: day(figures.from, language),
    to: day(figures.to, language),
    threshold: figures.threshold,
  });
  return html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${T.title[language]} — ${day(figures.from, language)} – ${day(figures.to, language)}</title><style>${STYLE}</style></head>
<body><main><header><h1>${T.title[language]}</h1><p>${intro}</p><p>${fill(T.generated[language], { date: day(figures.generatedAt, language) })}</p></header>
${sections}</main></body></html>
`.toString();
}

import { day, euros, list, localeOf } from "../notifications/format";
import { html, type SafeHtml } from "../notifications/html";
import { optionTexts } from "../requests/labels";
import type { Language } from "../requests/request-types";
import { OUTCOMES } from "./counters";
import { type Figure, figureKey, figureList, periodGroup, rowGroup } from "./figure-list";
import type { AssemblyFigures, FundFigures, MoneyPoint, TypeRow } from "./figures";
import { LOAN_STATES } from "./loans";
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

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));

/** How the page writes numbers, amounts, days and months in the reader's language. */
function writer(language: Language) {
  const locale = localeOf(language);
  const plural = new Intl.PluralRules(locale);
  const integer = new Intl.NumberFormat(locale);
  const compact = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const month = new Intl.DateTimeFormat(locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const shortMonth = new Intl.DateTimeFormat(locale, {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  });
  const date = (m: string) => new Date(`${m}-15T00:00:00Z`);
  return {
    integer: (n: number) => integer.format(n),
    euros: (cents: number) => euros(cents, language),
    compactEuros: (cents: number) => compact.format(cents / 100),
    days: (n: number) => {
      const forms = T.days[language];
      return (forms[plural.select(n)] ?? forms.other).replace("#", integer.format(n));
    },
    period: (p: { from: string; to: string }) =>
      p.from === p.to ? month.format(date(p.from)) : month.formatRange(date(p.from), date(p.to)),
    shortPeriod: (p: { from: string; to: string }) => shortMonth.format(date(p.to)),
  };
}
type Writer = ReturnType<typeof writer>;

/** A figure as the page shows it: its value machine-readable, its text for people. */
function figure(figures: Map<string, Figure>, w: Writer, key: string): SafeHtml {
  const f = figures.get(key);
  if (!f) return html`<span class="none">—</span>`;
  const text =
    f.unit === "cents"
      ? w.euros(f.value)
      : f.unit === "days"
        ? w.days(f.value)
        : w.integer(f.value);
  return html`<data value="${String(f.value)}" data-figure="${key}">${text}</data>`;
}

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

const say = (key: keyof typeof T, language: Language) =>
  (T[key] as Record<Language, string>)[language];

function scroll(label: string, table: SafeHtml): SafeHtml {
  // A wide table scrolls inside its own box on a phone; the box is focusable for keyboard users.
  return html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}

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

const STYLE = `
:root{color:#111;background:#fff;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0 auto;max-width:60rem;padding:1rem}
h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.35rem;border-bottom:2px solid #111;margin-top:2.2rem}h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #777;padding:.3rem .5rem;text-align:right;vertical-align:top}
th[scope=row],thead td{text-align:left;font-weight:normal}thead th{background:#eee}
tr.total th,tr.total td{font-weight:700}
.scroll{overflow-x:auto;max-width:100%}.scroll:focus{outline:2px solid #1b4965}
.chart{display:block;width:100%;max-width:40rem;height:auto;font-size:13px;margin:.5rem 0}
.chart .axis{font-size:12px}.chart .group{font-weight:600}.chart .seg{fill:#fff;paint-order:stroke;stroke:#000;stroke-width:3px;font-weight:700}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.2rem 0 .6rem}
.legend li{display:flex;align-items:center;gap:.35rem}.swatch{flex:none}
small{font-size:.85em}.none{color:#555}.note{font-size:.9em;margin:.2rem 0 .6rem}
@media (max-width:40rem){.chart{font-size:22px}.chart .axis{font-size:20px}.chart .minor{display:none}}
@media print{@page{size:A4;margin:14mm}body{max-width:none;padding:0;font-size:11pt}
section.fund+section.fund{break-before:page}table,.chart,h3{break-inside:avoid}h3{break-after:avoid}
.scroll{overflow:visible}thead th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

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

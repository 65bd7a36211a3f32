import { html, type SafeHtml } from "../notifications/html";

/**
 * Inline SVG charts: no script, nothing fetched, readable without colour (every series has its
 * own fill pattern or line dash and marker, and a legend drawn the same way). The figures are
 * always also in a table next to the chart; the chart only helps to see them.
 */

/** Fill patterns, told apart by shape as well as by shade. */
export const PATTERNS = ["solid", "diagonal", "dots", "cross", "horizontal", "empty"] as const;
export type Pattern = (typeof PATTERNS)[number];

const SHADES: Record<Pattern, string> = {
  solid: "#1b4965",
  diagonal: "#5a7d2b",
  dots: "#8a3b12",
  cross: "#6a3d9a",
  horizontal: "#2f4f4f",
  empty: "#444444",
};

function patternDef(prefix: string, p: Pattern): SafeHtml {
  const c = SHADES[p];
  const id = `${prefix}-${p}`;
  switch (p) {
    case "solid":
      return html`<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${c}"/></pattern>`;
    case "diagonal":
      return html`<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#fff"/><path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="${c}" stroke-width="2.2"/></pattern>`;
    case "dots":
      return html`<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.8" fill="${c}"/></pattern>`;
    case "cross":
      return html`<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#fff"/><path d="M0,0 l8,8 M8,0 l-8,8" stroke="${c}" stroke-width="1.5"/></pattern>`;
    case "horizontal":
      return html`<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><path d="M0,3 h6" stroke="${c}" stroke-width="2"/></pattern>`;
    case "empty":
      return html`<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/></pattern>`;
  }
}

const defs = (prefix: string, patterns: readonly Pattern[]) =>
  html`<defs>${[...new Set(patterns)].map((p) => patternDef(prefix, p))}</defs>`;

const fill = (prefix: string, p: Pattern) => `url(#${prefix}-${p})`;

/** A small square of a pattern, for an HTML legend next to a bar chart. */
export function swatch(prefix: string, p: Pattern): SafeHtml {
  return html`<svg class="swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${defs(`${prefix}-sw`, [p])}<rect x="0.5" y="0.5" width="15" height="15" fill="${fill(`${prefix}-sw`, p)}" stroke="#000"/></svg>`;
}

export interface StackedRow {
  label: string;
  segments: { value: number; pattern: Pattern }[];
}

/** Horizontal bars, one per row, split into segments (e.g. outcomes of a type). */
export function stackedBars(prefix: string, title: string, rows: readonly StackedRow[]): SafeHtml {
  const width = 600;
  const labelWidth = 190;
  const barHeight = 26;
  const gap = 14;
  const height = rows.length * (barHeight + gap) + gap;
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((n, s) => n + s.value, 0)));
  const scale = (width - labelWidth - 10) / max;
  const bars = rows.map((row, i) => {
    const y = gap + i * (barHeight + gap);
    let x = labelWidth;
    const segments = row.segments.map((s) => {
      const w = s.value * scale;
      const at = x;
      x += w;
      if (w <= 0) return html``;
      return html`<rect x="${at.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${fill(prefix, s.pattern)}" stroke="#000" stroke-width="1"/>${
        w >= 28
          ? html`<text x="${(at + w / 2).toFixed(1)}" y="${y + barHeight / 2 + 5}" text-anchor="middle" class="seg">${String(s.value)}</text>`
          : ""
      }`;
    });
    return html`<text x="${labelWidth - 8}" y="${y + barHeight / 2 + 5}" text-anchor="end">${row.label}</text>${segments}`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}">${defs(
    prefix,
    rows.flatMap((r) => r.segments.map((s) => s.pattern)),
  )}${bars}</svg>`;
}

export interface PairedRow {
  label: string;
  bars: { value: number; text: string; pattern: Pattern }[];
}

/** Groups of horizontal bars on one scale (e.g. asked and granted per type), each labelled. */
export function pairedBars(prefix: string, title: string, rows: readonly PairedRow[]): SafeHtml {
  const width = 600;
  const barHeight = 18;
  const perRow = (n: number) => 30 + n * (barHeight + 4) + 10;
  const max = Math.max(1, ...rows.flatMap((r) => r.bars.map((b) => b.value)));
  const scale = (width - 260) / max;
  let y = 6;
  const groups = rows.map((row) => {
    const top = y;
    y += perRow(row.bars.length);
    return html`<text x="0" y="${top + 20}" class="group">${row.label}</text>${row.bars.map(
      (b, j) => {
        const by = top + 30 + j * (barHeight + 4);
        const w = Math.max(1, b.value * scale);
        return html`<rect x="0" y="${by}" width="${w.toFixed(1)}" height="${barHeight}" fill="${fill(prefix, b.pattern)}" stroke="#000"/><text x="${(w + 6).toFixed(1)}" y="${by + 14}">${b.text}</text>`;
      },
    )}`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${y}" role="img" aria-label="${title}">${defs(
    prefix,
    rows.flatMap((r) => r.bars.map((b) => b.pattern)),
  )}${groups}</svg>`;
}

export interface Line {
  label: string;
  values: number[];
  /** SVG stroke-dasharray; empty for a solid line. */
  dash: string;
  marker: "none" | "square" | "circle" | "triangle" | "diamond";
  width: number;
}

function marker(kind: Line["marker"], x: number, y: number): SafeHtml {
  const f = (n: number) => n.toFixed(1);
  switch (kind) {
    case "square":
      return html`<rect x="${f(x - 4)}" y="${f(y - 4)}" width="8" height="8" fill="#fff" stroke="#000" stroke-width="1.5"/>`;
    case "circle":
      return html`<circle cx="${f(x)}" cy="${f(y)}" r="4" fill="#000"/>`;
    case "triangle":
      return html`<path d="M${f(x)},${f(y - 5)} L${f(x + 5)},${f(y + 4)} L${f(x - 5)},${f(y + 4)} Z" fill="#fff" stroke="#000" stroke-width="1.5"/>`;
    case "diamond":
      return html`<path d="M${f(x)},${f(y - 5)} L${f(x + 5)},${f(y)} L${f(x)},${f(y + 5)} L${f(x - 5)},${f(y)} Z" fill="#000"/>`;
    case "none":
      return html``;
  }
}

/** A legend entry drawn like its line, for the HTML legend of a line chart. */
export function lineKey(line: Line): SafeHtml {
  return html`<svg class="swatch" width="34" height="16" viewBox="0 0 34 16" aria-hidden="true" focusable="false"><line x1="1" y1="8" x2="33" y2="8" stroke="#000" stroke-width="${line.width}" stroke-dasharray="${line.dash}"/>${marker(line.marker, 17, 8)}</svg>`;
}

/** Lines over periods on one scale of euros; `axis` formats the scale's values. */
export function lineChart(
  title: string,
  periods: readonly string[],
  lines: readonly Line[],
  axis: (value: number) => string,
): SafeHtml {
  const width = 600;
  const height = 300;
  const left = 112;
  const bottom = 250;
  const top = 14;
  const right = width - 12;
  const max = Math.max(1, ...lines.flatMap((l) => l.values));
  const x = (i: number) =>
    periods.length <= 1 ? (left + right) / 2 : left + (i * (right - left)) / (periods.length - 1);
  const y = (v: number) => bottom - (v / max) * (bottom - top);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max);
  const every = Math.max(1, Math.ceil(periods.length / 6));
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}">
${ticks.map((t) => html`<line x1="${left}" x2="${right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#bbb" stroke-width="1"/><text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" class="axis">${axis(t)}</text>`)}
${periods.map((p, i) => {
  const last = i === periods.length - 1;
  if (i % every !== 0 && !last) return "";
  // Every other label gives way on a narrow screen, where the text is larger against the chart.
  const minor = !last && (i / every) % 2 === 1 ? " minor" : "";
  return html`<text x="${x(i).toFixed(1)}" y="${bottom + 22}" text-anchor="${last && periods.length > 1 ? "end" : "middle"}" class="axis${minor}">${p}</text>`;
})}
${lines.map(
  (l) =>
    html`<polyline fill="none" stroke="#000" stroke-width="${l.width}" stroke-dasharray="${l.dash}" points="${l.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ")}"/>${l.values.map((v, i) => marker(l.marker, x(i), y(v)))}`,
)}
</svg>`;
}

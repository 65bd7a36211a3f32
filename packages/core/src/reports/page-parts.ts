import { euros, localeOf } from "../notifications/format";
import { html, type SafeHtml } from "../notifications/html";
import type { Language } from "../requests/request-types";
import type { Figure } from "./figure-list";
import { reportTexts as T } from "./texts";

/** The pieces every section of the assembly report (html.ts) writes with. */

export const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));

/** How the page writes numbers, amounts, days and months in the reader's language. */
export function writer(language: Language) {
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
export type Writer = ReturnType<typeof writer>;

/** A figure as the page shows it: its value machine-readable, its text for people. */
export function figure(figures: Map<string, Figure>, w: Writer, key: string): SafeHtml {
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

export const say = (key: keyof typeof T, language: Language) =>
  (T[key] as Record<Language, string>)[language];

export function scroll(label: string, table: SafeHtml): SafeHtml {
  // A wide table scrolls inside its own box on a phone; the box is focusable for keyboard users.
  return html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}

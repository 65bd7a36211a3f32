import { formatNumber } from "./format";
import { type Language, localeOf } from "./language";

export type MessageParams = Record<string, string | number>;

const rules = new Map<Language, Intl.PluralRules>();
const pluralRules = (language: Language) => {
  let r = rules.get(language);
  if (!r) {
    r = new Intl.PluralRules(localeOf(language));
    rules.set(language, r);
  }
  return r;
};

/** The end of the `{…}` group opened at `start`, counting nested braces. */
function closing(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/** `one {…} other {…}` → {one: "…", other: "…"}. */
function branches(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf("{", i);
    if (open < 0) break;
    const key = body.slice(i, open).trim();
    const end = closing(body, open);
    if (end < 0) break;
    out[key] = body.slice(open + 1, end);
    i = end + 1;
  }
  return out;
}

/**
 * Renders a catalogue message: `{name}` is replaced from `params` (an unknown name stays
 * visible rather than vanishing), and `{n, plural, one {# jour} other {# jours}}` picks the
 * language's plural form with `Intl.PluralRules` (`=0 {…}` for an exact number), `#` being
 * the number written the reader's way.
 */
export function formatMessage(template: string, params: MessageParams, language: Language) {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const end = closing(template, open);
    if (end < 0) {
      out += template.slice(open);
      break;
    }
    const inner = template.slice(open + 1, end);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural) {
      const [, name = "", body = ""] = plural;
      const n = Number(params[name]);
      const forms = branches(body);
      const form = forms[`=${n}`] ?? forms[pluralRules(language).select(n)] ?? forms.other ?? "";
      out += formatMessage(form.replace(/#/g, formatNumber(n, language)), params, language);
    } else {
      const value = params[inner];
      out +=
        value === undefined
          ? `{${inner}}`
          : typeof value === "number"
            ? formatNumber(value, language)
            : value;
    }
    i = end + 1;
  }
  return out;
}

/** The plural forms `template` uses, for the catalogue completeness test. */
export function pluralForms(template: string): string[][] {
  const found: string[][] = [];
  const re = /\{\s*\w+\s*,\s*plural\s*,/g;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    const end = closing(template, m.index);
    found.push(Object.keys(branches(template.slice(re.lastIndex, end))));
  }
  return found;
}

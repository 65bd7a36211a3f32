import { describe, expect, it } from "vitest";
import { languages } from "../../packages/core/src/i18n/language";
import { formatMessage, pluralForms } from "../../packages/core/src/i18n/message";
import { fieldTexts, optionTexts } from "../../packages/core/src/request-view/labels";
import { reasonTexts } from "../../packages/core/src/request-view/reasons";
import { requestStatuses } from "../../packages/core/src/requests/request-types";
import { historyLabels, nextSteps } from "../../packages/core/src/requests/view-texts";
import {
  decidedTexts,
  payoutStatusTexts,
  statusTexts,
  ui,
} from "../../packages/web/src/lib/ui-text";

/** Every catalogue, by audience: pages (members, approvers), check reasons, labels, history. */
const catalogues: Record<string, Record<string, unknown>> = {
  ui,
  statusTexts,
  payoutStatusTexts,
  decidedTexts,
  historyLabels,
  nextSteps,
  reasonTexts,
  fieldTexts,
  ...Object.fromEntries(Object.entries(optionTexts).map(([k, v]) => [`optionTexts.${k}`, v])),
};

/** The `{name}` placeholders of a text, plural arguments included, without their branches. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\s*(\w+)\s*(?:\}|,\s*plural\s*,)/g)) names.add(m[1]!);
  return [...names].sort();
}

/** Each text of an entry: `{fr, nl, en}` of strings, or of `{label, hint}`. */
function texts(entry: unknown): Record<string, string>[] {
  const e = entry as Record<string, unknown>;
  const first = e[languages[0]];
  if (typeof first === "string") return [e as Record<string, string>];
  if (first && typeof first === "object") {
    const keys = new Set(languages.flatMap((l) => Object.keys((e[l] ?? {}) as object)));
    return [...keys].map((k) =>
      Object.fromEntries(
        languages.map((l) => [l, ((e[l] ?? {}) as Record<string, string>)[k] ?? ""]),
      ),
    );
  }
  return [];
}

describe("the catalogues", () => {
  for (const [name, catalogue] of Object.entries(catalogues)) {
    it(`${name}: every key in every language, with the same placeholders and real plurals`, () => {
      const problems: string[] = [];
      for (const [key, entry] of Object.entries(catalogue)) {
        for (const l of languages) {
          if (!(entry as Record<string, unknown>)[l]) problems.push(`${key}: no ${l}`);
        }
        for (const text of texts(entry)) {
          const expected = placeholders(text.fr ?? "");
          for (const l of languages) {
            const t = text[l] ?? "";
            if (!t.trim()) problems.push(`${key}: empty in ${l}`);
            if (placeholders(t).join() !== expected.join())
              problems.push(`${key}: ${l} has {${placeholders(t)}} where fr has {${expected}}`);
            if (/\w\((s|en|e|n)\)/.test(t)) problems.push(`${key}: faked plural in ${l}: ${t}`);
            for (const forms of pluralForms(t)) {
              if (!forms.includes("other") || !forms.some((f) => f === "one" || f === "=1"))
                problems.push(`${key}: ${l} plural lacks one/other`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it("every status a request can have: a label and a next step in every language, never its raw name", () => {
    const problems: string[] = [];
    for (const status of requestStatuses) {
      for (const [name, catalogue] of [
        ["statusTexts", statusTexts],
        ["nextSteps", nextSteps],
      ] as const) {
        for (const l of languages) {
          const text = (catalogue as Record<string, Record<string, string> | undefined>)[status]?.[
            l
          ];
          if (!text?.trim() || text === status) problems.push(`${status}: no ${name} in ${l}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("chooses the plural form of the reader's language", () => {
    const template = "{n, plural, =0 {aucun} one {# jour} other {# jours}}";
    expect(formatMessage(template, { n: 0 }, "fr")).toBe("aucun");
    expect(formatMessage(template, { n: 1 }, "fr")).toBe("1 jour");
    expect(formatMessage(template, { n: 1.5 }, "fr")).toBe("1,5 jour");
    expect(formatMessage(template, { n: 1.5 }, "en")).toBe("1.5 jours");
    expect(formatMessage(template, { n: 1250 }, "nl")).toBe("1.250 jours");
    expect(formatMessage("{missing} stays", {}, "en")).toBe("{missing} stays");
  });
});

import { showValue } from "@entraide/core/request-view/show";
import type { Language } from "@entraide/core/requests/request-types";
import { h } from "../lib/dom";
import { say } from "../lib/ui-text";
import type { Draft } from "./draft";
import { fieldText } from "./render";
import { commonSpecs, specsOf } from "./specs";

type Out = Record<string, unknown>;

/** The checked body, as the member will recognise it: labels, euros, dates, file names. */
export function summaryList(body: Out, draft: Draft, language: Language): HTMLElement {
  const rows: [string, string][] = [];
  const add = (key: string, value: string) => rows.push([fieldText(key, language).label, value]);
  const get = (path: string) =>
    path.split(".").reduce<unknown>((o, k) => (o as Out | undefined)?.[k], body);
  const show = (key: string, value: unknown) => showValue(key, value, language);
  add("type", show("type", body.type));
  for (const spec of draft.type ? specsOf(draft.type, undefined, draft.values) : commonSpecs) {
    if (spec.kind === "workDays") {
      const days = (body.workDays as Out[]) ?? [];
      add(
        "workDays",
        days
          .map(
            (d) =>
              `${show("date", d.date)} (${d.hours ? say("hoursN", language, { n: String(d.hours) }) : d.cachets ? say("cachetsN", language, { n: String(d.cachets) }) : say("fullDay", language)})`,
          )
          .join("; "),
      );
    } else if (spec.kind === "lines") {
      const lines = (body.lines as Out[]) ?? [];
      add(
        "lines",
        lines
          .map(
            (l, i) =>
              `${show("date", l.date)} · ${l.description} · ${show("amountCents", l.amountCents)} · ${draft.lines[i]?.doc?.name ?? ""}`,
          )
          .join("; "),
      );
    } else if (spec.kind === "rows") {
      const rows = (body[spec.path] as Out[] | undefined) ?? [];
      add(
        spec.path,
        rows.map((r) => spec.columns.map((c) => show(c.key, r[c.key])).join(" · ")).join("; ") ||
          say("none", language),
      );
    } else if (spec.kind === "documents") {
      add("documents", draft.documents.map((d) => d.name).join(", ") || say("none", language));
    } else if (spec.kind === "correspondence") {
      const marked = (body.correspondenceDocuments as string[] | undefined) ?? [];
      if (marked.length > 0)
        add(
          spec.path,
          draft.documents
            .filter((d) => marked.includes(d.documentId))
            .map((d) => d.name)
            .join(", "),
        );
    } else if (spec.kind === "flag") {
      if (body.withoutActivity) add("withoutActivity", say("yes", language));
    } else if (spec.kind === "consent") {
      add("clientConsent", say(body.clientConsent ? "yes" : "no", language));
    } else add(spec.path, show(spec.path, get(spec.path)));
  }
  add("language", show("language", body.language));
  return h(
    "dl",
    { class: "summary" },
    rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
  );
}

import { h } from "./dom";

export interface Column {
  title: string;
  /** Right-aligned (amounts, counts). */
  num?: boolean;
}

/**
 * A table in a wrapper that scrolls sideways on a narrow screen; the wrapper is a labelled,
 * focusable region so keyboard users can scroll it too.
 */
export function dataTable(
  id: string,
  caption: string,
  columns: Column[],
  rows: (string | Node)[][],
): HTMLElement {
  return h(
    "div",
    { class: "table-wrap", id, role: "region", "aria-label": caption, tabindex: "0" },
    h(
      "table",
      {},
      h("caption", { class: "visually-hidden" }, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          columns.map((c) => h("th", { scope: "col", class: c.num ? "num" : undefined }, c.title)),
        ),
      ),
      h(
        "tbody",
        {},
        rows.map((cells) =>
          h(
            "tr",
            {},
            cells.map((cell, i) => h("td", { class: columns[i]?.num ? "num" : undefined }, cell)),
          ),
        ),
      ),
    ),
  );
}

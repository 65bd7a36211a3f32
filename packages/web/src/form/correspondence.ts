import { h } from "../lib/dom";
import { fieldId } from "../lib/errors";
import { type FormContext, fieldText } from "./render";

/** Fired on the document when the request's documents change, so the list below follows. */
export const DOCUMENTS_CHANGED = "entraide:documents-changed";

const PATH = "correspondenceDocuments";

/** The document ids the member marked, as the draft keeps them (one string per field). */
export const markedIds = (values: Record<string, string>): string[] =>
  (values[PATH] ?? "").split(",").filter(Boolean);

/**
 * For a negotiation, which of the uploaded documents are the correspondence with the client: a
 * checkbox per document, shown only while the basis is a negotiation.
 */
export function correspondenceField(ctx: FormContext): HTMLElement {
  const { draft, language } = ctx;
  const id = fieldId(PATH);
  const text = fieldText(PATH, language);
  const list = h("div", { class: "choices-list" });
  const box = h(
    "fieldset",
    { class: "field choices", id, "aria-describedby": `${id}-hint` },
    h("legend", {}, text.label, h("span", { class: "req", "aria-hidden": "true" }, " *")),
    h("p", { class: "hint", id: `${id}-hint` }, text.hint ?? ""),
    list,
  );
  const fill = () => {
    const present = new Set(draft.documents.map((d) => d.documentId));
    const marked = markedIds(draft.values).filter((m) => present.has(m));
    draft.values[PATH] = marked.join(",");
    list.replaceChildren(
      ...draft.documents.map((doc, i) => {
        const boxId = `${id}-${i}`;
        const check = h("input", {
          type: "checkbox",
          id: boxId,
          value: doc.documentId,
          checked: marked.includes(doc.documentId),
        });
        check.addEventListener("change", () => {
          const now = markedIds(draft.values).filter((m) => m !== doc.documentId);
          if (check.checked) now.push(doc.documentId);
          draft.values[PATH] = now.join(",");
          ctx.changed();
        });
        return h("div", { class: "choice" }, check, h("label", { for: boxId }, doc.name));
      }),
    );
    box.hidden = draft.values.basis !== "negotiation";
  };
  fill();
  // The basis radios only toggle the list; new or removed documents rebuild it.
  const toggle = () => {
    box.hidden = draft.values.basis !== "negotiation";
  };
  const follow = (event: Event) => {
    if (!box.isConnected) {
      document.removeEventListener("change", follow);
      document.removeEventListener(DOCUMENTS_CHANGED, follow);
      return;
    }
    if (event.type === DOCUMENTS_CHANGED) fill();
    else toggle();
  };
  document.addEventListener("change", follow);
  document.addEventListener(DOCUMENTS_CHANGED, follow);
  return box;
}

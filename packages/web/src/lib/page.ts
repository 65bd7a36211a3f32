import type { Language } from "@entraide/core/requests/request-types";
import { byId, h } from "./dom";
import { applyLanguage, languageSwitcher, pageLanguage } from "./lang";
import { say, type UiKey } from "./ui-text";

/**
 * The frame of the status and decision pages: the title, the language switcher and the app
 * area. `draw` renders the content in the current language and runs again on a switch.
 */
export function pageFrame(title: UiKey, draw: (language: Language) => void) {
  let language = pageLanguage();
  const app = byId("app") as HTMLElement;
  const apply = (remember: boolean) => {
    applyLanguage(language, remember);
    byId("title")!.textContent = say(title, language);
    document.title = `${say(title, language)} · Entraide`;
    languageSwitcher(language, (l) => {
      language = l;
      apply(true);
      draw(language);
    });
  };
  apply(false);
  app.replaceChildren(h("p", { class: "notice", role: "status" }, say("loading", language)));
  return {
    app,
    get language() {
      return language;
    },
    /** Shows the page in `l` without remembering it as the member's choice. */
    adopt(l: Language) {
      if (l === language) return;
      language = l;
      apply(false);
      draw(language);
    },
  };
}

/** A heading and its content, as a labelled region. */
export function section(id: string, title: string, ...content: (Node | null)[]) {
  return h("section", { "aria-labelledby": id }, h("h2", { id }, title), ...content);
}

/** A short definition list of label/value pairs. */
export function facts(rows: [string, string | Node][]) {
  return h(
    "dl",
    { class: "summary" },
    rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
  );
}

import type { FieldError } from "@entraide/core/requests/messages";
import { errorMap } from "@entraide/core/requests/messages";
import type { Language } from "@entraide/core/requests/request-types";
import { byId, focus, h } from "./dom";
import { say } from "./ui-text";

/** A rule broken in the browser, described as zod describes it so `messages.ts` words it. */
export type Issue = Record<string, unknown> & { code: string; path: (string | number)[] };

/** The API's message for `issue`, in `language`: the same words whether browser or API found it. */
export function message(issue: Issue, language: Language): string {
  const map = errorMap(language) as (i: unknown) => unknown;
  const out = map(issue);
  return typeof out === "string" ? out : String((out as { message?: string })?.message ?? "");
}

export const toFieldError = (issue: Issue, language: Language): FieldError => ({
  path: issue.path.join("."),
  code: "invalid_value",
  message: message(issue, language),
});

/** `lines.2.amountCents` → `f-lines-2-amountCents`: the id of the field's control. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, "-")}`;

/** The control for `path`, else the closest enclosing one (`client.name.x` → `client.name`). */
function controlFor(path: string): HTMLElement | null {
  const parts = path.split(".");
  while (parts.length > 0) {
    const el = byId(fieldId(parts.join(".")));
    if (el) return el;
    parts.pop();
  }
  return null;
}

/** Removes the errors shown in `root` and its summary. */
export function clearErrors(root: HTMLElement): void {
  for (const el of root.querySelectorAll(".field-error")) el.remove();
  for (const el of root.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    const ids = (el.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .filter((id) => id && !id.endsWith("-error"));
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  }
  root.querySelector(".error-summary")?.remove();
}

/**
 * Shows each error next to its field (found by the dotted `path`), linked with
 * aria-describedby, and a summary at the top of `root` whose links move focus to the fields.
 * Focus goes to the summary so screen readers read it at once.
 */
export function showErrors(root: HTMLElement, errors: readonly FieldError[], title: string): void {
  clearErrors(root);
  if (errors.length === 0) return;
  const items: HTMLElement[] = [];
  for (const [i, error] of errors.entries()) {
    const control = controlFor(error.path);
    const errorId = `${control?.id ?? "form"}-${i}-error`;
    if (control) {
      const text = h("p", { class: "field-error", id: errorId }, error.message);
      const wrapper = control.closest(".field, fieldset") ?? control.parentElement;
      const legendOrLabel = wrapper?.querySelector(":scope > legend, :scope > label");
      if (wrapper && legendOrLabel?.nextSibling)
        wrapper.insertBefore(text, legendOrLabel.nextSibling);
      else wrapper?.append(text);
      control.setAttribute("aria-invalid", "true");
      const described = control.getAttribute("aria-describedby");
      control.setAttribute("aria-describedby", described ? `${described} ${errorId}` : errorId);
    }
    items.push(
      h(
        "li",
        {},
        control
          ? h(
              "a",
              {
                href: `#${control.id}`,
                onclick: (e: Event) => {
                  e.preventDefault();
                  control.scrollIntoView({ block: "center" });
                  focus(control);
                },
              },
              error.message,
            )
          : error.message,
      ),
    );
  }
  const summary = h(
    "div",
    { class: "error-summary", role: "alert", tabindex: "-1" },
    h("h2", {}, title),
    h("ul", {}, items),
  );
  root.prepend(summary);
  focus(summary);
}

/**
 * One problem that is no field's own mistake (an upload still under way, the server's refusal,
 * the network), shown as the form's single error at `path` (`""`: the form as a whole).
 */
export function showProblem(root: HTMLElement, path: string, text: string, l: Language): void {
  showErrors(
    root,
    [{ path, code: "invalid_value", message: text }],
    say("errorsTitle", l, { n: 1 }),
  );
}

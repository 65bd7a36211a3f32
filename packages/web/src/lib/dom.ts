type Child = Node | string | number | false | null | undefined;
type AttrValue = string | number | boolean | null | undefined | ((event: Event) => void);

/**
 * Creates an element: `on*` attributes become listeners, `true` an empty attribute, `false`
 * and `undefined` nothing. Text children are text nodes, never HTML, so data cannot inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, "");
    else if (value !== false && value !== undefined && value !== null) {
      if (name === "value") (el as HTMLInputElement).value = String(value);
      else el.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === false || child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string) =>
  document.getElementById(id) as T | null;

/** Says `text` through the page's polite live region (upload progress, results). */
export function announce(text: string): void {
  const live = byId("live");
  if (live) live.textContent = text;
}

/** Moves focus to `el` for keyboard and screen-reader users, making it focusable if needed. */
export function focus(el: HTMLElement | null): void {
  if (!el) return;
  if (!el.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
    el.setAttribute("tabindex", "-1");
  }
  el.focus();
}

/** Replaces the children of `el`, skipping the parts left out (`null`, `false`). */
export function fill(
  el: HTMLElement,
  ...children: (Node | string | null | false | undefined)[]
): void {
  el.replaceChildren(
    ...children.filter((c): c is Node | string => c !== null && c !== false && c !== undefined),
  );
}

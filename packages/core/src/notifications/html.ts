/**
 * HTML for emails, escaped by default: `html\`<p>${value}</p>\`` escapes every interpolated
 * value unless it is itself the result of `html` (a {@link SafeHtml}). Texts never reach the
 * markup any other way, so a member's description cannot add a tag or an attribute.
 */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Markup that is already safe: built by {@link html}, never from outside text. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation =
  | SafeHtml
  | string
  | number
  | undefined
  | null
  | false
  | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template that escapes its interpolations; arrays are joined, empty values vanish. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  return new SafeHtml(
    strings.reduce(
      (out, part, i) => out + part + (i < values.length ? render(values[i] as Interpolation) : ""),
      "",
    ),
  );
}

/**
 * A URL for an `href`, refused unless it is http(s): escaping stops an attribute break-out,
 * but not a `javascript:` URL, which is why links are checked here too.
 */
export function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`refusing a ${parsed.protocol} link in an email`);
  }
  return url;
}

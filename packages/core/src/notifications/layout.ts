import type { Language } from "../i18n/language";
import { html, type SafeHtml, safeUrl } from "./html";

/** A rendered email: what {@link sendEmail} sends. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface Link {
  label: string;
  url: string;
}

/**
 * The pieces an email is made of. Templates describe their content once as blocks, and the
 * layout writes both the HTML and the plain-text part from them, so the two never disagree.
 */
export type Block =
  | { kind: "p"; text: string }
  | { kind: "facts"; rows: readonly (readonly [string, string])[] }
  | { kind: "list"; title: string; items: readonly string[] }
  | { kind: "quote"; label: string; text: string }
  | { kind: "links"; title: string; links: readonly Link[] }
  | { kind: "actions"; links: readonly Link[] }
  | {
      kind: "table";
      caption: string;
      head: readonly string[];
      rows: readonly (readonly string[])[];
    }
  | { kind: "note"; text: string };

export const block = {
  p: (text: string): Block => ({ kind: "p", text }),
  facts: (rows: readonly (readonly [string, string])[]): Block => ({ kind: "facts", rows }),
  list: (title: string, items: readonly string[]): Block => ({ kind: "list", title, items }),
  quote: (label: string, text: string): Block => ({ kind: "quote", label, text }),
  links: (title: string, links: readonly Link[]): Block => ({ kind: "links", title, links }),
  actions: (links: readonly Link[]): Block => ({ kind: "actions", links }),
  table: (
    caption: string,
    head: readonly string[],
    rows: readonly (readonly string[])[],
  ): Block => ({
    kind: "table",
    caption,
    head,
    rows,
  }),
  note: (text: string): Block => ({ kind: "note", text }),
};

export interface EmailContent {
  subject: string;
  heading: string;
  blocks: readonly (Block | undefined | false)[];
}

const footer = {
  fr: "Entraide, le service d'entraide de la coopérative. Ce message a été envoyé automatiquement.",
  nl: "Entraide, de solidariteitsdienst van de coöperatie. Dit bericht werd automatisch verstuurd.",
  en: "Entraide, the cooperative's mutual aid service. This message was sent automatically.",
} satisfies Record<Language, string>;

// Inline styles only: many mail clients drop <style> elements. Colours meet WCAG AA contrast.
const style = {
  body: "margin:0;padding:0;background:#f4f4f4;",
  main: "max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;",
  h1: "font-size:22px;margin:0 0 16px;",
  h2: "font-size:17px;margin:20px 0 8px;",
  th: "text-align:left;padding:4px 12px 4px 0;vertical-align:top;",
  td: "padding:4px 12px 4px 0;vertical-align:top;",
  quote:
    "margin:8px 0;padding:8px 12px;border-left:4px solid #767676;background:#f4f4f4;white-space:pre-wrap;",
  button:
    "display:inline-block;margin:4px 8px 4px 0;padding:10px 16px;background:#0b4f8a;color:#ffffff;text-decoration:underline;border-radius:4px;font-weight:bold;",
  link: "color:#0b4f8a;",
  note: "font-size:14px;color:#444444;",
  footer:
    "margin-top:24px;border-top:1px solid #cccccc;padding-top:12px;font-size:13px;color:#555555;",
};

function blockHtml(b: Block): SafeHtml {
  switch (b.kind) {
    case "p":
      return html`<p>${b.text}</p>`;
    case "note":
      return html`<p style="${style.note}">${b.text}</p>`;
    case "facts":
      return html`<table role="presentation" style="border-collapse:collapse;">${b.rows.map(
        ([label, value]) =>
          html`<tr><th scope="row" style="${style.th}">${label}</th><td style="${style.td}">${value}</td></tr>`,
      )}</table>`;
    case "list":
      return html`<h2 style="${style.h2}">${b.title}</h2><ul>${b.items.map((item) => html`<li>${item}</li>`)}</ul>`;
    case "quote":
      return html`<h2 style="${style.h2}">${b.label}</h2><blockquote style="${style.quote}">${b.text}</blockquote>`;
    case "links":
      return html`<h2 style="${style.h2}">${b.title}</h2><ul>${b.links.map(
        (l) => html`<li><a href="${safeUrl(l.url)}" style="${style.link}">${l.label}</a></li>`,
      )}</ul>`;
    case "actions":
      return html`<p>${b.links.map((l) => html`<a href="${safeUrl(l.url)}" style="${style.button}">${l.label}</a>`)}</p>`;
    case "table":
      return html`<table style="border-collapse:collapse;"><caption style="text-align:left;font-weight:bold;">${b.caption}</caption><thead><tr>${b.head.map(
        (h) => html`<th scope="col" style="${style.th}">${h}</th>`,
      )}</tr></thead><tbody>${b.rows.map((row) => html`<tr>${row.map((cell) => html`<td style="${style.td}">${cell}</td>`)}</tr>`)}</tbody></table>`;
  }
}

function blockText(b: Block, language: Language): string {
  // French sets a space before a colon.
  const colon = language === "fr" ? " : " : ": ";
  switch (b.kind) {
    case "p":
    case "note":
      return b.text;
    case "facts":
      return b.rows.map(([label, value]) => `${label}${colon}${value}`).join("\n");
    case "list":
      return [`${b.title}`, ...b.items.map((item) => `- ${item}`)].join("\n");
    case "quote":
      return [b.label, ...b.text.split(/\r?\n/).map((line) => `  ${line}`)].join("\n");
    case "links":
      return [b.title, ...b.links.map((l) => `- ${l.label}${colon}${l.url}`)].join("\n");
    case "actions":
      return b.links.map((l) => `${l.label}${colon}${l.url}`).join("\n");
    case "table":
      return [b.caption, b.head.join(" | "), ...b.rows.map((row) => row.join(" | "))].join("\n");
  }
}

/** Subjects are one line: a CR or LF in a value would otherwise start a new mail header. */
export const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ").trim();

/** Writes an email's HTML (accessible: language, landmarks, headings, table headers) and text parts. */
export function renderEmail(content: EmailContent, language: Language): RenderedEmail {
  const blocks = content.blocks.filter((b): b is Block => Boolean(b));
  const subject = oneLine(content.subject);
  const page = html`<!DOCTYPE html>
<html lang="${language}" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${subject}</title></head>
<body style="${style.body}">
<main style="${style.main}">
<h1 style="${style.h1}">${content.heading}</h1>
${blocks.map((b) => html`${blockHtml(b)}\n`)}<footer style="${style.footer}"><p>${footer[language]}</p></footer>
</main>
</body>
</html>
`;
  const text = [
    content.heading,
    "",
    ...blocks.flatMap((b) => [blockText(b, language), ""]),
    "-- ",
    footer[language],
    "",
  ].join("\n");
  return { subject, html: page.value, text };
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, html, safeUrl } from "../../packages/core/src/notifications/html";
import { render, templateNames } from "../../packages/core/src/notifications/templates/index";
import { type FreeText, fixtures } from "./fixtures";
import { type ReadHtml, readHtml } from "./read-html";

const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(1)>';
const payload = `${SCRIPT}${IMG}`;

const poisoned: FreeText = {
  memberName: `Anna ${IMG}`,
  description: `Annulé ${payload}`,
  reason: `Motif ${payload}`,
  comment: `Note ${payload}`,
  clientName: `Client ${IMG}`,
  reply: `Peut-être ${payload}`,
};

/** What would run in a client that runs anything: script elements, handlers, script URLs. */
function activeContent(page: ReadHtml): string[] {
  return page.elements.flatMap((e) => [
    ...(["script", "img", "iframe", "object", "embed", "form", "svg"].includes(e.name)
      ? [`<${e.name}>`]
      : []),
    ...Object.keys(e.attribs)
      .filter((a) => a.startsWith("on"))
      .map((a) => `${e.name}[${a}]`),
    ...Object.entries(e.attribs)
      .filter(([, v]) => /^\s*(javascript|data|vbscript):/i.test(v))
      .map(([a]) => `${e.name}[${a}]`),
  ]);
}

describe("emails built from hostile text", () => {
  it.each(templateNames)(
    "the %s email has no active content and shows the text literally",
    (name) => {
      // Prepare
      const params = fixtures(poisoned)[name];

      // Act
      const email = render(name, params as never, "fr");

      // Assess
      const page = readHtml(email.html);
      expect(activeContent(page)).toEqual([]);
      expect(email.html).not.toMatch(/<script|<img/i);
      const shown = Object.values(poisoned).filter((value) =>
        JSON.stringify(params).includes(JSON.stringify(value).slice(1, -1)),
      );
      for (const value of shown) {
        expect(`${email.subject} ${page.text}`).toContain(value);
        expect(`${email.subject}\n${email.text}`).toContain(value);
      }
    },
  );

  it("never yields an element or attribute from any description (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.string({ maxLength: 80 }),
        (description, memberName) => {
          // Act
          const email = render(
            "approval-request",
            {
              ...fixtures(poisoned)["approval-request"],
              description: `d${description}`,
              memberName,
            },
            "en",
          );

          // Assess
          const page = readHtml(email.html);
          expect(activeContent(page)).toEqual([]);
          expect(page.elements.filter((e) => e.name === "blockquote")).toHaveLength(1);
          expect(page.elements.filter((e) => e.name === "a")).toHaveLength(4);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps subjects on one line whatever the member's name", () => {
    // Act
    const email = render(
      "approval-request",
      {
        ...fixtures(poisoned)["approval-request"],
        memberName: "Anna\r\nBcc: attacker@example.org",
      },
      "fr",
    );

    // Assess
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toContain("Anna Bcc: attacker@example.org");
  });
});

describe("the html tagged template", () => {
  it("escapes interpolations but not nested html", () => {
    // Act
    const out = html`<p title="${'"x"'}">${"<b>"}${html`<i>${"&"}</i>`}${[1, "<", undefined]}</p>`;

    // Assess
    expect(out.value).toBe('<p title="&quot;x&quot;">&lt;b&gt;<i>&amp;</i>1&lt;</p>');
    expect(escapeHtml(`'`)).toBe("&#39;");
  });

  it("refuses a link that is not http or https", () => {
    expect(() => safeUrl("javascript:alert(1)")).toThrow(/javascript:/);
    expect(() => safeUrl("data:text/html,<script>")).toThrow();
    expect(safeUrl("https://example.org/a?b=1")).toBe("https://example.org/a?b=1");
  });
});

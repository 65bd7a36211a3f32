import { Parser } from "htmlparser2";

export interface ReadHtml {
  /** The text a reader sees, entities decoded, whitespace collapsed. */
  text: string;
  elements: { name: string; attribs: Record<string, string> }[];
  hrefs: string[];
  lang: string | undefined;
}

/** Parses an email's HTML the way a mail client's engine would tokenise it. */
export function readHtml(html: string): ReadHtml {
  const elements: ReadHtml["elements"] = [];
  let text = "";
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        elements.push({ name, attribs });
        if (name === "title" || name === "style") skip++;
      },
      onclosetag(name) {
        if (name === "title" || name === "style") skip--;
        text += " ";
      },
      ontext(data) {
        if (skip === 0) text += data;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return {
    text: text.replace(/[ \t\r\n]+/g, " "),
    elements,
    hrefs: elements.filter((e) => e.name === "a").map((e) => e.attribs.href ?? ""),
    lang: elements.find((e) => e.name === "html")?.attribs.lang,
  };
}

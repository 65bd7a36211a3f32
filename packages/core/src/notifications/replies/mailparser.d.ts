// mailparser ships no types; this declares the part of `simpleParser` Entraide uses.
declare module "mailparser" {
  export interface EmailAddress {
    address?: string;
    name: string;
    group?: EmailAddress[];
  }
  export interface AddressObject {
    value: EmailAddress[];
    text: string;
  }
  export interface ParsedMail {
    headers: Map<string, unknown>;
    messageId?: string;
    subject?: string;
    from?: AddressObject;
    to?: AddressObject | AddressObject[];
    cc?: AddressObject | AddressObject[];
    /** The plain-text part, or the HTML part converted to text when there is none. */
    text?: string;
    html: string | false;
  }
  export function simpleParser(
    source: Buffer | string,
    options?: { skipImageLinks?: boolean; skipTextToHtml?: boolean; maxHtmlLengthToParse?: number },
  ): Promise<ParsedMail>;
}

import type { AddressObject, ParsedMail } from "mailparser";

/** The addresses of an address header, lower-cased (mailparser gives one object or several). */
export function addressesOf(value: unknown): string[] {
  const objects = (Array.isArray(value) ? value : value ? [value] : []) as AddressObject[];
  return objects
    .flatMap((o) => o.value ?? [])
    .flatMap((a) => (a.group ? a.group : [a]))
    .map((a) => a.address?.trim().toLowerCase())
    .filter((a): a is string => Boolean(a));
}

/** A header's first value as text. */
function header(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  return String(Array.isArray(value) ? value[0] : (value ?? "")).toLowerCase();
}

/**
 * True for out-of-office answers, bounces and list traffic (RFC 3834 `Auto-Submitted`, the
 * older `Precedence` and `X-Autoreply` conventions). Answering those would start a mail loop.
 */
export function isAutomatic(mail: ParsedMail): boolean {
  const autoSubmitted = header(mail, "auto-submitted");
  if (autoSubmitted && autoSubmitted !== "no") return true;
  if (/^(bulk|junk|list|auto_reply)$/.test(header(mail, "precedence"))) return true;
  return mail.headers.has("x-autoreply") || mail.headers.has("x-autorespond");
}

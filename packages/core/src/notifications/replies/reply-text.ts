/**
 * The new text of a reply: what the person wrote above the quoted history and their
 * signature. Mail clients quote in their own ways; these are the forms of the clients our
 * approvers use (Gmail, Outlook, Apple Mail, Thunderbird) in French, Dutch and English.
 */

// "On Mon, 16 Mar 2020 at 10:00, Entraide <x@y> wrote:", "Le lun. 16 mars 2020 à 10:00, … a écrit :",
// "Op ma 16 mrt. 2020 om 10:00 schreef … het volgende:", also German for good measure.
const ATTRIBUTION =
  /^\s*(on\b.*\bwrote\s*:|le\b.*\ba\s+[ée]crit\s*:|op\b.*\bschreef\b.*:|am\b.*\bschrieb\b.*:)\s*$/i;
// Outlook rules a line (<hr>, which html-to-text writes as dashes) above the quoted headers.
const SEPARATOR =
  /^\s*(-{2,}\s*(original message|message d'origine|message original|oorspronkelijk bericht|forwarded message|message transf[ée]r[ée]|doorgestuurd bericht)\s*-{2,}|[-_=]{10,}|begin forwarded message\s*:|d[ée]but du message r[ée]exp[ée]di[ée]\s*:)\s*$/i;
// The first line of a quoted header block (Outlook writes one instead of an attribution line).
const HEADER_START = /^\s*\**\s*(from|de|van|von)\s*:\**\s+\S/i;
const HEADER_NEXT =
  /^\s*\**\s*(sent|date|to|subject|cc|envoy[ée]|[àa]|objet|verzonden|aan|onderwerp|datum|gesendet|an|betreff)\s*:/i;
const SIGNATURE = /^(-- ?|—)$/;
const CLOSING =
  /^\s*(cordialement|bien cordialement|bien [àa] (vous|toi)|bonne (journ[ée]e|soir[ée]e)|salutations|amiti[ée]s|best( regards)?|kind regards|regards|cheers|thanks|thank you|merci( beaucoup)?|bedankt|dank (u|je)( wel)?|met vriendelijke groet(en)?|vriendelijke groet(en)?|groet(en|jes)?|mvg|sent from my \w+|envoy[ée] de mon \w+|verzonden (vanaf|met) mijn \w+|get outlook for \w+|obtenir outlook pour \w+)[\s,.!]*$/i;

function isQuotedHeaderBlock(lines: readonly string[], i: number): boolean {
  if (!HEADER_START.test(lines[i] ?? "")) return false;
  const next = lines.slice(i + 1, i + 4);
  return next.some((line) => HEADER_NEXT.test(line));
}

function startsHistory(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? "";
  if (SEPARATOR.test(line) || ATTRIBUTION.test(line) || isQuotedHeaderBlock(lines, i)) return true;
  // Attribution lines are often wrapped after the sender's name.
  const joined = `${line} ${lines[i + 1] ?? ""}`;
  return /^\s*(on|le|op|am)\b/i.test(line) && ATTRIBUTION.test(joined);
}

/** Removes the quoted history, quoted lines and the signature from a reply's plain text. */
export function newText(body: string): string {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (startsHistory(lines, i)) break;
    if (SIGNATURE.test(line.trimEnd())) break;
    if (CLOSING.test(line) && kept.some((l) => l.trim() !== "")) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join("\n").trim();
}

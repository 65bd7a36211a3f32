const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * A decision token as it travels in a reply address (`decisions+<here>@…`): base32 in lower
 * case, because mail systems may lower-case an address's local part, and base64url is
 * case-sensitive. 32 bytes make 52 characters, which with "decisions+" stays within the
 * 64 characters a local part may have.
 */
export function encodeReplyToken(token: string): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of Buffer.from(token, "base64url")) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** The token of a reply address's tag, or undefined when it is not one of ours. */
export function decodeReplyToken(tag: string): string | undefined {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of tag.toLowerCase()) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return bytes.length === 32 ? Buffer.from(bytes).toString("base64url") : undefined;
}

/** Replies go to `local+<token>@domain`, so the inbound handler knows which email they answer. */
export function replyAddress(replyTo: string | undefined, token: string): string | undefined {
  if (!replyTo) return undefined;
  const [local, domain] = replyTo.split("@");
  return `${local}+${encodeReplyToken(token)}@${domain}`;
}

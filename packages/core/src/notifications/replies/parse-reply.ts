import { withoutBidiControls } from "../../text/hygiene";
import { newText } from "./reply-text";

export type ReplyDecision = "approve" | "reject" | "request-info";

/** Why a reply decided nothing. */
export interface Ambiguity {
  code:
    | "empty" // nothing but quotes and signature
    | "no-decision" // no decision word at the start
    | "reason-missing" // a rejection or a question without its reason or question
    | "contradictory" // words of two different decisions
    | "conditional"; // an approval with a condition, an amount, a negation or a question
  /** The decisions whose words were found. */
  found: ReplyDecision[];
}

export type ParsedReply =
  | { decision: ReplyDecision; comment?: string }
  | { decision: undefined; understood: string; ambiguity: Ambiguity; text: string };

/** Lower case, no accents, straight apostrophes, one space: the form the patterns expect. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

// Each pattern matches at the start of the folded text and is followed by a word boundary.
const APPROVE =
  /^(j'approuve|je valide|approuvee?s?|approuve|approved?|goedgekeurd|akkoord|ik keur (het )?goed|ok(ay|e)?|oui|yes|ja|d'accord|accord)\b/;
const REJECT =
  /^(je refuse|refusee?s?|refus|rejetee?s?|rejet|rejected|reject|i reject|afgewezen|geweigerd|ik weiger|niet akkoord)\b/;
const INFO =
  /^(plus d'infos?|plus d'informations?|besoin d'infos?|besoin d'informations?|meer info(rmatie)?|more info(rmation)?|need more info(rmation)?|question|vraag)\b/;

// Words of a decision anywhere in the text, for contradictions. Weak words (ok, oui, yes) are
// left out of the approval set, because a rejection's reason may well say "pas ok".
const APPROVE_ANYWHERE =
  /\b(approuvee?s?|approuve|j'approuve|approved?|goedgekeurd|(?<!niet )akkoord)\b/;
const REJECT_ANYWHERE =
  /\b(refusee?s?|refuse|refus|rejetee?s?|rejete|rejected|reject|afgewezen|geweigerd|weiger)\b/;
const INFO_ANYWHERE =
  /\b(plus d'infos?|plus d'informations?|meer info(rmatie)?|more info(rmation)?)\b/;
// What turns an approval into something else: a negation, a condition, an amount, a question.
const NOT_PLAIN_APPROVAL =
  /\b(non|no|not|pas|niet|nee|geen|never|jamais|nooit|mais|but|maar|sauf|except|behalve|si|if|als|actually|en fait|finalement|eigenlijk)\b|\d|\?/;

// What may sit between the decision word and the reason: "parce que", ":", "—", "motif :" …
const LEAD_IN =
  /^[\s:;,.!\-–—]*(parce qu'|(parce que|car|because|as|since|omdat|want|pour|for|voor)\s+|(motif|raison|reason|reden)\s*:)?[\s:;,.!\-–—]*/;
// A greeting line the decision may follow ("Bonjour," "Hi Anna,").
const GREETING =
  /^(bonjour|bonsoir|salut|hello|hi|hey|dear|dag|hallo|beste|goedemorgen|goedemiddag)\b[^\n]*\n/;

const described: Record<Ambiguity["code"], string> = {
  empty: "an empty reply (only quoted text or a signature)",
  "no-decision": "no decision word at the start of the reply",
  "reason-missing": "a rejection or a request for information without its reason",
  contradictory: "words of more than one decision",
  conditional: "an approval with a condition, an amount, a negation or a question",
};

function ambiguous(code: Ambiguity["code"], found: ReplyDecision[], text: string): ParsedReply {
  const decisions = found.length > 0 ? ` (found: ${found.join(", ")})` : "";
  return {
    decision: undefined,
    understood: `${described[code]}${decisions}`,
    ambiguity: { code, found },
    text,
  };
}

/**
 * A reply's new text (quoted history and signature removed) from its first word after any
 * greeting, as written (`original`) and folded for the patterns (`folded`): what every kind of
 * reply (approvals, the board's moderation) reads its decision word from.
 */
export function replyOpening(body: string): { text: string; original: string; folded: string } {
  const text = withoutBidiControls(newText(body));
  // Patterns run on the folded text; reasons are cut from the original, in the writer's spelling.
  const start = text.replace(/^\s+/, "");
  const greeting = GREETING.exec(fold(start));
  const original = greeting ? start.slice(greeting[0].length).trimStart() : start;
  return { text, original, folded: fold(original) };
}

/**
 * What an approver's reply to an approval email decides. Only the new text counts (quoted
 * history and signature removed). The reply must begin with a decision word, in French, Dutch
 * or English, any case, accents or not: "OK", "Approuvé", "Goedgekeurd", "Refusé parce que …",
 * "Rejected because …", "Plus d'infos : …". A rejection or a question needs its reason. Anything
 * else — contradictory, conditional, empty — decides nothing and says what was understood.
 * Pure, and total: it never throws.
 *
 * @example parseReply("Refusé : le devis n'est pas signé\n\nLe 16 mars … a écrit :\n> …")
 * // { decision: "reject", comment: "le devis n'est pas signé" }
 */
export function parseReply(body: string): ParsedReply {
  const { text, original, folded } = replyOpening(body);
  if (text === "") return ambiguous("empty", [], text);
  const found = (
    [
      ["approve", APPROVE_ANYWHERE],
      ["reject", REJECT_ANYWHERE],
      ["request-info", INFO_ANYWHERE],
    ] as const
  )
    .filter(([, pattern]) => pattern.test(folded))
    .map(([decision]) => decision as ReplyDecision);

  const approve = APPROVE.exec(folded);
  if (approve) {
    const rest = folded.slice(approve[0].length);
    const others = found.filter((d) => d !== "approve");
    if (others.length > 0) return ambiguous("contradictory", ["approve", ...others], original);
    if (NOT_PLAIN_APPROVAL.test(rest)) return ambiguous("conditional", ["approve"], original);
    const comment = reasonAfter(original, folded, approve[0].length);
    return comment ? { decision: "approve", comment } : { decision: "approve" };
  }
  for (const [decision, pattern] of [
    ["reject", REJECT],
    ["request-info", INFO],
  ] as const) {
    const match = pattern.exec(folded);
    if (!match) continue;
    const others = found.filter((d) => d !== decision);
    if (others.length > 0) return ambiguous("contradictory", [decision, ...others], original);
    const comment = reasonAfter(original, folded, match[0].length);
    if (!comment) return ambiguous("reason-missing", [decision], original);
    return { decision, comment };
  }
  return ambiguous(found.length > 1 ? "contradictory" : "no-decision", found, original);
}

/** The text after the decision word and its lead-in ("parce que", ":"), in the original spelling. */
function reasonAfter(original: string, folded: string, keywordLength: number): string | undefined {
  const leadIn = LEAD_IN.exec(folded.slice(keywordLength))?.[0].length ?? 0;
  const offset = originalOffset(original, keywordLength + leadIn);
  const reason = original.slice(offset).trim();
  return /[\p{L}\p{N}]/u.test(reason) ? reason : undefined;
}

/** The offset in `original` whose folded prefix has `foldedLength` characters. */
function originalOffset(original: string, foldedLength: number): number {
  let length = 0;
  let i = 0;
  for (const char of original) {
    if (length >= foldedLength) break;
    length += fold(char).length;
    i += char.length;
  }
  return i;
}

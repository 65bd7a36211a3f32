import { getCommittee } from "../committees/committee";
import { languageOf } from "../contacts/language";
import type { Deps } from "../deps";
import { completeCallback, TokenError } from "../engine/callbacks";
import { once } from "../engine/effects";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { isModeratorTokenKey } from "../notifications/board-links";
import type { InboundOutcome, ReplyHandler } from "../notifications/replies/inbound";
import { replyOpening } from "../notifications/replies/parse-reply";
import type { ModerationAnswerCode } from "../notifications/templates/board-moderation-answer";
import { notify } from "../requests/notify";
import { asPost } from "./data";
import type { ModerationDecision } from "./post";
import { currentContent } from "./records";

// At the start of the reply, folded (lower case, no accents). "Garder et avertir" is a warning,
// so the warning's words are tried before the others.
const DECISION_WORDS: [ModerationDecision, RegExp][] = [
  [
    "warn",
    /^(garder et avertir|avertir|avertissement|keep and warn|warn|behouden en waarschuwen|waarschuwen|waarschuwing)\b/,
  ],
  [
    "hide",
    /^(retirer|retire|masquer|cacher|supprimer|hide|remove|verwijderen|verwijder|verbergen)\b/,
  ],
  ["keep", /^(garder|garde|conserver|laisser|keep|behouden|behoud|houden|laten staan)\b/],
];
// The words of a decision anywhere after the first: a reply naming two decides nothing.
const ANY_DECISION =
  /\b(avertir|warn|waarschuwen|retirer|masquer|supprimer|hide|remove|verwijderen|garder|conserver|keep|behouden)\b/;
// A negation or a question turns a decision word into something else: "keep? not sure".
const NOT_PLAIN = /\b(non|ne|pas|no|not|don't|niet|nee|geen|mais|but|maar|si|if|als)\b|\?/;

/**
 * What a moderator's reply decides: it must begin (after any greeting) with one decision word,
 * in French, Dutch or English, any case, accents or not: "Retirer", "KEEP", "Waarschuwen".
 * Anything else (two decisions, a negation, a question, nothing) decides nothing. Pure, total.
 */
export function parseModerationReply(body: string): {
  decision?: ModerationDecision;
  text: string;
} {
  const { original, folded } = replyOpening(body);
  for (const [decision, pattern] of DECISION_WORDS) {
    const match = pattern.exec(folded);
    if (!match) continue;
    const rest = folded.slice(match[0].length);
    if (ANY_DECISION.test(rest) || NOT_PLAIN.test(rest)) break;
    return { decision, text: original };
  }
  return { text: original };
}

/**
 * Replies to the board's moderation emails: the reply address carries the moderator's own
 * token, which decides exactly once, like the page's link. A reply that decides nothing is
 * answered in the moderator's language, once per mail: not understood, already decided (by a
 * reply or the page), too late, or sent to an address we do not know (to a moderator only:
 * a stranger is not told that the address works).
 */
export function moderationReplies(deps: Deps, engine: Engine): ReplyHandler {
  const answer = async (
    to: string,
    mailKey: string,
    code: ModerationAnswerCode,
    params: { title?: string; replyText?: string; decisions?: PostDecisions; replyTo?: string },
  ): Promise<InboundOutcome> => {
    const language = await languageOf(deps, to);
    const { replyTo, ...rest } = params;
    const sent = await once(deps, `board-moderation-answer:${mailKey}`, "inbound", () =>
      notify(deps, {
        template: "board-moderation-answer",
        to,
        language,
        params: { code, ...rest },
        replyTo,
      }),
    );
    return { outcome: "answered", code, answer: sent };
  };

  return {
    owns: (key) => isModeratorTokenKey(key, "reply"),
    handle: async ({ token, record, sender, text, replyAddress, mailKey }) => {
      const execution = await getExecution(deps, record.executionId);
      const post = execution && asPost(execution.data);
      const title = post ? (await currentContent(deps, post))?.title : undefined;
      const parsed = parseModerationReply(text);
      if (!parsed.decision)
        // Answered from the same reply address: the moderator may simply reply again.
        return answer(sender, mailKey, "not-understood", {
          title,
          replyText: parsed.text,
          replyTo: replyAddress,
        });
      try {
        const result = await completeCallback(engine, deps, token, {
          event: "moderation",
          decision: parsed.decision,
        });
        return { outcome: "decided", decision: parsed.decision, result };
      } catch (error) {
        if (!(error instanceof TokenError) || error.code === "token.invalid") throw error;
        const now = asPost((await getExecution(deps, record.executionId))!.data);
        const decisions = now.moderation ?? [];
        // Used, or the page decided first (the state moved on); else past its time, undecided.
        const decided =
          error.code === "token.used" ||
          (error.code === "token.superseded" && decisions.length > 0);
        return answer(sender, mailKey, decided ? "decided" : "expired", { title, decisions });
      }
    },
    unknown: async ({ sender, mailKey }) => {
      const moderators = await getCommittee(deps, "moderators");
      const ours = [...(moderators?.members ?? []), ...(moderators?.backups ?? [])];
      if (!ours.some((m) => m.toLowerCase() === sender)) return undefined;
      return answer(sender, mailKey, "unknown", {});
    },
  };
}

type PostDecisions = NonNullable<ReturnType<typeof asPost>["moderation"]>;

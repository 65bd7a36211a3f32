import { createHash, randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { languageOf } from "../../contacts/language";
import type { Deps } from "../../deps";
import { readToken, type TokenRecord } from "../../engine/callbacks";
import { once } from "../../engine/effects";
import { EntraideError } from "../../errors";
import { isDecisionTokenKey } from "../decision-tokens";
import { sendEmail } from "../send";
import { render, type TemplateParams } from "../templates/index";
import { addressesOf, isAutomatic } from "./mail-headers";
import { type Ambiguity, parseReply, type ReplyDecision } from "./parse-reply";
import { decodeReplyToken } from "./reply-token";

/** The decision a reply asks for; replies never carry an amount (see `parseReply`). */
export interface ReplyInput {
  decision: ReplyDecision;
  amountCents?: number;
  comment?: string;
}

/**
 * Decides like the decision page, for a reply: `requests/decide` bound to deps and an engine.
 * It must check again that the token is a `reply:` token bound to `sender`, and unused.
 */
export type Decide = (
  token: string,
  input: ReplyInput,
  context: { via: "email"; sender: string; record?: TokenRecord },
) => Promise<unknown>;

/** What the SMTP envelope and SES's checks say; absent for a local `.eml` file. */
export interface Envelope {
  /** Envelope recipients (SES `receipt.recipients`). */
  recipients?: readonly string[];
  /** Envelope sender, MAIL FROM (SES `mail.source`). */
  mailFrom?: string;
  /** SES receipt verdicts (`PASS`, `FAIL`, `GRAY`, `PROCESSING_FAILED`, `DISABLED`). */
  verdicts?: { spf?: string; dkim?: string; dmarc?: string; spam?: string; virus?: string };
}

export type InboundOutcome =
  /** `decision`: an approval's (`ReplyDecision`), or a handler's own (the board's hide/keep/warn). */
  | { outcome: "decided"; decision: string; result: unknown; answer?: string }
  | { outcome: "not-understood"; ambiguity: Ambiguity; answer: string }
  | {
      outcome: "ignored";
      reason: "automatic" | "unauthenticated" | "no-reply-token" | "unknown-token" | "wrong-sender";
    }
  | { outcome: "refused"; code: string; message: string; answer?: string }
  /** Decided nothing, and told the sender why (a reply to an other kind of email). */
  | { outcome: "answered"; code: string; answer: string };

/** What a reply handler is given of a reply from the very address its token is bound to. */
export interface BoundReply {
  token: string;
  record: TokenRecord;
  sender: string;
  /** The mail's plain text, quotes and signature included. */
  text: string;
  /** The address the reply was sent to: answers go back from it. */
  replyAddress: string;
  /** Names this mail (a hash of its bytes): an answer is sent once per mail. */
  mailKey: string;
}

/**
 * Replies to other emails than approvals (the board's moderation emails): the token keys a
 * handler owns, what it does with a reply, and what it answers its own people about a token
 * we do not know (undefined: the sender is not one of them, and is ignored).
 */
export interface ReplyHandler {
  owns: (tokenKey: string) => boolean;
  handle: (reply: BoundReply) => Promise<InboundOutcome>;
  unknown?: (
    reply: Pick<BoundReply, "sender" | "replyAddress" | "mailKey">,
  ) => Promise<InboundOutcome | undefined>;
}

/**
 * The decision token a reply was addressed to: approval emails have the Reply-To
 * `<local>+<encodeReplyToken(token)>@<inbound domain>`. The envelope recipients are read
 * first (they are what SES received), then the address headers.
 */
export function replyTokenOf(
  recipients: readonly string[],
): { token: string; address: string } | undefined {
  for (const address of recipients) {
    const local = address.split("@")[0] ?? "";
    const tag = local.includes("+") ? local.slice(local.indexOf("+") + 1) : "";
    const token = tag ? decodeReplyToken(tag) : undefined;
    if (token) return { token, address };
  }
  return undefined;
}

/** A mail whose sender SES could not authenticate: a forged From would decide otherwise. */
function unauthenticated(verdicts: Envelope["verdicts"]): boolean {
  if (!verdicts) return false;
  if (verdicts.virus === "FAIL" || verdicts.spam === "FAIL" || verdicts.dmarc === "FAIL")
    return true;
  return verdicts.spf !== "PASS" && verdicts.dkim !== "PASS";
}

/**
 * Handles a reply to an approval email, from its raw MIME. It decides only when the mail was
 * sent by a person (not an auto-reply), authenticated (when SES's verdicts are given), to a
 * reply address carrying a `reply:` token, from the very approver that token is bound to
 * (From, and the envelope sender and Return-Path when present, compared on the address only,
 * case-insensitively), and when its new text is an unambiguous decision. An ambiguous reply
 * decides nothing and answers the approver with `reply-not-understood`, once per mail.
 * Anything else is ignored silently: answering a stranger would confirm the address works.
 *
 * Refusals of `decide` (a used, expired or superseded token: 4xx) are outcomes; any other
 * failure throws, so the Lambda is retried.
 */
export async function handleInboundEmail(
  deps: Deps,
  rawMime: Buffer | string,
  decide: Decide,
  envelope: Envelope = {},
  others: readonly ReplyHandler[] = [],
): Promise<InboundOutcome> {
  const mail = await simpleParser(rawMime, { skipImageLinks: true, skipTextToHtml: true });
  if (isAutomatic(mail)) return { outcome: "ignored", reason: "automatic" };
  if (unauthenticated(envelope.verdicts)) return { outcome: "ignored", reason: "unauthenticated" };

  const reply = replyTokenOf([
    ...(envelope.recipients ?? []).map((a) => a.toLowerCase()),
    ...addressesOf(mail.headers.get("delivered-to")),
    ...addressesOf(mail.to),
    ...addressesOf(mail.cc),
  ]);
  if (!reply) return { outcome: "ignored", reason: "no-reply-token" };
  const from = addressesOf(mail.from);
  const senders = [
    ...from,
    ...addressesOf(mail.headers.get("return-path")),
    ...(envelope.mailFrom ? [envelope.mailFrom.toLowerCase()] : []),
  ];
  const sentBy = (address: string) => from.length === 1 && senders.every((s) => s === address);
  // Keyed by the mail's bytes: a retried Lambda answers the same reply once.
  const mailKey = createHash("sha256").update(rawMime).digest("hex");
  const record = await readToken(deps, reply.token);
  const other = record && others.find((h) => h.owns(record.key));
  if (!record || (!other && !isDecisionTokenKey("reply", record.key))) {
    // A handler answers its own people about a link we do not know; strangers get silence.
    for (const handler of from.length === 1 && sentBy(from[0]!) ? others : []) {
      const outcome = await handler.unknown?.({
        sender: from[0]!,
        replyAddress: reply.address,
        mailKey,
      });
      if (outcome) return outcome;
    }
    return { outcome: "ignored", reason: "unknown-token" };
  }

  const approver = String(record.meta.email ?? "").toLowerCase();
  if (!sentBy(approver)) return { outcome: "ignored", reason: "wrong-sender" };
  if (other)
    return other.handle({
      token: reply.token,
      record,
      sender: approver,
      text: mail.text ?? "",
      replyAddress: reply.address,
      mailKey,
    });

  const requestId = String(record.meta.requestId ?? record.executionId);
  // Every answer in the approver's language from the registers, as every email they get;
  // keyed by the mail's bytes, so a retried Lambda answers the same reply once.
  const answerWith = async <N extends "reply-not-understood" | "reply-answered">(
    template: N,
    params: TemplateParams<N>,
  ) => {
    const rendered = render(template, params, await languageOf(deps, approver));
    // An owner of its own: a twin that fails releases only the lease it took, never this one.
    return once(deps, `${template}:${mailKey}`, `inbound:${randomUUID()}`, () =>
      sendEmail(deps, { to: approver, replyTo: reply.address, ...rendered }),
    );
  };
  const parsed = parseReply(mail.text ?? "");
  if (parsed.decision === undefined) {
    const answer = await answerWith("reply-not-understood", {
      requestId,
      ambiguity: parsed.ambiguity,
      replyText: parsed.text,
    });
    return { outcome: "not-understood", ambiguity: parsed.ambiguity, answer };
  }
  let result: unknown;
  try {
    result = await decide(
      reply.token,
      { decision: parsed.decision, comment: parsed.comment },
      // The token as read above: its kind and sender are checked again on it, its use is
      // conditioned on it being unused.
      { via: "email", sender: approver, record },
    );
  } catch (error) {
    if (error instanceof EntraideError && error.status < 500) {
      const answer = await answerWith("reply-answered", {
        requestId,
        outcome: "refused",
        code: error.code,
      });
      return { outcome: "refused", code: error.code, message: error.message, answer };
    }
    throw error;
  }
  const answer = await answerWith("reply-answered", {
    requestId,
    outcome: "decided",
    decision: parsed.decision,
  });
  return { outcome: "decided", decision: parsed.decision, result, answer };
}

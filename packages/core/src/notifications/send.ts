import { SendEmailCommand } from "@aws-sdk/client-ses";
import * as z from "zod";
import type { Deps } from "../deps";
import { oneLine, type RenderedEmail } from "./layout";

/** An email to send: where to, and its rendered parts. */
export interface EmailMessage extends RenderedEmail {
  to: string | readonly string[];
  /** Where replies go; `config.replyTo` when absent (approval emails set their reply address). */
  replyTo?: string;
}

const address = z.email();

/**
 * Sends one email through SES (v1 SendEmail) from `config.mailFrom`, with an HTML and a text
 * part in UTF-8, and returns SES's MessageId.
 *
 * Nothing user-controlled reaches a header unchecked: every address must be a valid email
 * (a CR, LF or comma in one is refused, not cleaned) and the subject is one line. A failure
 * throws: the engine retries the step, and callers wrap the send in `ctx.effect` so that a
 * repeated step sends once. Never catch and log it here: a lost email is a lost decision.
 *
 * @example await ctx.effect("email:received", () => sendEmail(deps, { to, ...render("request-received", p, "fr") }))
 */
export async function sendEmail(deps: Deps, message: EmailMessage): Promise<string> {
  const to = (typeof message.to === "string" ? [message.to] : [...message.to]).map((a) =>
    address.parse(a),
  );
  if (to.length === 0) throw new Error("an email needs at least one recipient");
  const replyTo = message.replyTo ?? deps.config.replyTo;
  const utf8 = (Data: string) => ({ Data, Charset: "UTF-8" });
  const { MessageId } = await deps.clients.ses.send(
    new SendEmailCommand({
      Source: address.parse(deps.config.mailFrom),
      Destination: { ToAddresses: to },
      ReplyToAddresses: replyTo ? [address.parse(replyTo)] : undefined,
      Message: {
        Subject: utf8(oneLine(message.subject)),
        Body: { Html: utf8(message.html), Text: utf8(message.text) },
      },
    }),
  );
  if (!MessageId) throw new Error("SES accepted the email without a MessageId");
  return MessageId;
}

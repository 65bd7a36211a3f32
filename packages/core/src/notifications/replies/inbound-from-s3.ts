import { GetObjectCommand } from "@aws-sdk/client-s3";
import { bucketLayout } from "../../aws/bucket-layout";
import type { Deps } from "../../deps";
import {
  type Decide,
  type Envelope,
  handleInboundEmail,
  type InboundOutcome,
  type ReplyHandler,
} from "./inbound";

/** The S3 key SES receiving writes a mail to (receipt rule S3 action, prefix `inbound/`). */
export function inboundKey(sesMessageId: string): string {
  // SES message ids are letters, digits and dashes; anything else must not pick another key.
  if (!/^[A-Za-z0-9-]{1,200}$/.test(sesMessageId))
    throw new Error(`"${sesMessageId}" is not an SES message id`);
  return `${bucketLayout.inbound.prefix}${sesMessageId}`;
}

/** The raw MIME of a received mail, as SES stored it. */
export async function readInboundMail(deps: Deps, sesMessageId: string): Promise<Buffer> {
  const { Body } = await deps.clients.s3.send(
    new GetObjectCommand({ Bucket: deps.config.bucket, Key: inboundKey(sesMessageId) }),
  );
  if (!Body) throw new Error(`inbound mail ${sesMessageId} has no content`);
  return Buffer.from(await Body.transformToByteArray());
}

/** Handles a mail SES received and stored in S3 (see {@link handleInboundEmail}). */
export async function handleInboundFromS3(
  deps: Deps,
  sesMessageId: string,
  decide: Decide,
  envelope: Envelope = {},
  others: readonly ReplyHandler[] = [],
): Promise<InboundOutcome> {
  const raw = await readInboundMail(deps, sesMessageId);
  return handleInboundEmail(deps, raw, decide, envelope, others);
}

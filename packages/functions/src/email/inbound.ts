import { moderationReplies } from "@entraide/core/board/replies";
import { handleInboundFromS3 } from "@entraide/core/notifications/replies/inbound-from-s3";
import { decide } from "@entraide/core/requests/approver-actions";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { logger } from "../logger";

const verdict = z.object({ status: z.string() }).optional();

/** The part of the SES receipt event (Lambda action after the S3 action) the handler reads. */
const SesReceiptEvent = z.object({
  Records: z.array(
    z.object({
      ses: z.object({
        mail: z.object({ messageId: z.string().min(1), source: z.string() }),
        receipt: z.object({
          recipients: z.array(z.string()),
          spfVerdict: verdict,
          dkimVerdict: verdict,
          dmarcVerdict: verdict,
          spamVerdict: verdict,
          virusVerdict: verdict,
        }),
      }),
    }),
  ),
});

/** SES receiving: the reply was stored under `inbound/<messageId>`; decide from it like the page. */
export async function handler(event: unknown) {
  const { Records } = SesReceiptEvent.parse(event);
  const d = deps();
  for (const { ses } of Records) {
    const { mail, receipt } = ses;
    const outcome = await handleInboundFromS3(
      d,
      mail.messageId,
      (token, input, context) => decide(d, engine(), token, input, context),
      {
        recipients: receipt.recipients,
        mailFrom: mail.source,
        verdicts: {
          spf: receipt.spfVerdict?.status,
          dkim: receipt.dkimVerdict?.status,
          dmarc: receipt.dmarcVerdict?.status,
          spam: receipt.spamVerdict?.status,
          virus: receipt.virusVerdict?.status,
        },
      },
      [moderationReplies(d, engine())],
    );
    // The outcome names no person and no token.
    logger.info("inbound mail handled", {
      messageId: mail.messageId,
      outcome: outcome.outcome,
      reason: "reason" in outcome ? outcome.reason : undefined,
    });
  }
}

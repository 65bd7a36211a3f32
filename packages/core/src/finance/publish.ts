import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { bucketLayout } from "../aws/bucket-layout";
import type { Deps } from "../deps";
import { EntraideError } from "../errors";
import { FundName } from "../funds/fund";
import { sendEmail } from "../notifications/send";
import { render } from "../notifications/templates/index";
import { type BatchRecord, createBatch } from "./batches";
import { debtorAccount, type ExportFormat, exportBatch } from "./exports";

/** SigV4 presigned URLs live at most 7 days. */
export const LINK_SECONDS = 7 * 24 * 3600;

/** Finance's emails are in the cooperative's working language. */
const FINANCE_LANGUAGE = "fr";

const FILES: { format: ExportFormat; extension: string; contentType: string }[] = [
  { format: "csv", extension: "csv", contentType: "text/csv; charset=utf-8" },
  { format: "sepa", extension: "xml", contentType: "application/xml" },
];

export interface PublishedBatch {
  batch: BatchRecord;
  files: { name: string; key: string; url: string }[];
  expiresAt: string;
}

/**
 * Writes a batch's CSV and SEPA files to the bucket under `exports/` and signs a download link
 * for each, valid 7 days. Each file is exported to a temporary file first (S3 needs its length;
 * memory stays constant whatever the batch's size).
 */
export async function publishBatch(deps: Deps, batch: BatchRecord): Promise<PublishedBatch> {
  const dir = await mkdtemp(join(tmpdir(), "entraide-batch-"));
  try {
    const files = [];
    for (const { format, extension, contentType } of FILES) {
      const name = `${batch.batchId}.${extension}`;
      const key = `${bucketLayout.exports.prefix}${name}`;
      const path = join(dir, name);
      await exportBatch(deps, batch.batchId, format, createWriteStream(path));
      await deps.clients.s3.send(
        new PutObjectCommand({
          Bucket: deps.config.bucket,
          Key: key,
          Body: createReadStream(path),
          ContentLength: (await stat(path)).size,
          ContentType: contentType,
        }),
      );
      const url = await getSignedUrl(
        deps.clients.s3,
        new GetObjectCommand({
          Bucket: deps.config.bucket,
          Key: key,
          ResponseContentDisposition: `attachment; filename="${name}"`,
        }),
        { expiresIn: LINK_SECONDS },
      );
      files.push({ name, key, url });
    }
    const expiresAt = new Date(deps.clock.now().getTime() + LINK_SECONDS * 1000).toISOString();
    return { batch, files, expiresAt };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The scheduled run: for each fund with scheduled payouts, a batch, its files in the bucket, and
 * an email to finance with their signed links. The debtor account and finance's address are
 * checked first, so a misconfigured stage fails before it batches anything.
 *
 * @throws EntraideError `finance.no-debtor` or `finance.no-email` (the schedule's alarm fires).
 */
export async function createScheduledBatches(deps: Deps): Promise<PublishedBatch[]> {
  debtorAccount(deps);
  const to = deps.config.financeEmail;
  if (!to) {
    throw new EntraideError(
      "finance.no-email",
      "no finance email is configured: set ENTRAIDE_FINANCE_EMAIL so batches can be announced",
    );
  }
  const published = [];
  for (const fund of FundName.options) {
    const { batch } = await createBatch(deps, fund);
    if (!batch) continue;
    const done = await publishBatch(deps, batch);
    const email = render(
      "batch-ready",
      {
        batchId: batch.batchId,
        fund,
        payoutCount: batch.payoutCount,
        totalCents: batch.totalCents,
        downloads: done.files.map(({ name, url }) => ({ name, url })),
        expiresAt: done.expiresAt,
      },
      FINANCE_LANGUAGE,
    );
    await sendEmail(deps, { to, ...email });
    published.push(done);
  }
  return published;
}

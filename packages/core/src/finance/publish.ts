import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { bucketLayout } from "../aws/bucket-layout";
import { languageOf } from "../contacts/language";
import type { Deps } from "../deps";
import { EntraideError } from "../errors";
import { fundNamesOf } from "../funds/fund";
import { sendEmail } from "../notifications/send";
import { render } from "../notifications/templates/index";
import { type PlanConfig, planConfig } from "../plan/config";
import { assemblyFigures } from "../reports/figures";
import { reportHtml } from "../reports/html";
import { type BatchRecord, createBatch } from "./batches";
import { debtorAccount, type ExportFormat, exportBatch } from "./exports";

const FILES: { format: ExportFormat; extension: string; contentType: string }[] = [
  { format: "csv", extension: "csv", contentType: "text/csv; charset=utf-8" },
  { format: "sepa", extension: "xml", contentType: "application/xml" },
];

export interface PublishedBatch {
  batch: BatchRecord;
  files: { name: string; key: string; url: string }[];
  expiresAt: string;
}

/** Puts a file in the bucket and signs a download link for it, valid `expiresIn` seconds. */
async function putAndSign(
  deps: Deps,
  expiresIn: number,
  file: { key: string; name: string; contentType: string; disposition: "attachment" | "inline" },
  body: Readable | string,
  length: number,
): Promise<string> {
  await deps.clients.s3.send(
    new PutObjectCommand({
      Bucket: deps.config.bucket,
      Key: file.key,
      Body: body,
      ContentLength: length,
      ContentType: file.contentType,
    }),
  );
  return getSignedUrl(
    deps.clients.s3,
    new GetObjectCommand({
      Bucket: deps.config.bucket,
      Key: file.key,
      ResponseContentDisposition: `${file.disposition}; filename="${file.name}"`,
    }),
    { expiresIn },
  );
}

/**
 * The assembly report of the funds (aggregates only) as of now, for finance, under `exports/`
 * with a signed link: opened in the browser, printable to PDF. A report that cannot be built
 * (a fund that does not balance) must not hold payouts back: the batches go out without it and
 * the reason is logged.
 */
async function publishReport(
  deps: Deps,
  plan: PlanConfig,
): Promise<{ name: string; key: string; url: string } | undefined> {
  try {
    const html = reportHtml(
      await assemblyFigures(deps),
      await languageOf(deps, deps.config.financeEmail ?? ""),
    );
    const name = `rapport-fonds-${deps.clock.now().toISOString().slice(0, 10)}.html`;
    const key = `${bucketLayout.exports.prefix}${name}`;
    const url = await putAndSign(
      deps,
      plan.downloads.linkValiditySeconds,
      { key, name, contentType: "text/html; charset=utf-8", disposition: "inline" },
      html,
      Buffer.byteLength(html),
    );
    return { name, key, url };
  } catch (error) {
    console.error(
      JSON.stringify({
        message: "the fund report was not published with the batches",
        code: (error as { code?: string }).code,
        error: (error as Error).name,
      }),
    );
    return undefined;
  }
}

/**
 * Writes a batch's CSV and SEPA files to the bucket under `exports/` and signs a download link
 * for each, valid the plan's `downloads.linkValiditySeconds` [7 days]. Each file is exported to a temporary file first (S3 needs its length;
 * memory stays constant whatever the batch's size).
 */
export async function publishBatch(
  deps: Deps,
  batch: BatchRecord,
  plan: PlanConfig = planConfig,
): Promise<PublishedBatch> {
  const seconds = plan.downloads.linkValiditySeconds;
  const dir = await mkdtemp(join(tmpdir(), "entraide-batch-"));
  try {
    const files = [];
    for (const { format, extension, contentType } of FILES) {
      const name = `${batch.batchId}.${extension}`;
      const key = `${bucketLayout.exports.prefix}${name}`;
      const path = join(dir, name);
      await exportBatch(deps, batch.batchId, format, createWriteStream(path));
      const url = await putAndSign(
        deps,
        seconds,
        { key, name, contentType, disposition: "attachment" },
        createReadStream(path),
        (await stat(path)).size,
      );
      files.push({ name, key, url });
    }
    const expiresAt = new Date(deps.clock.now().getTime() + seconds * 1000).toISOString();
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
export async function createScheduledBatches(
  deps: Deps,
  plan: PlanConfig = planConfig,
): Promise<PublishedBatch[]> {
  debtorAccount(deps);
  const to = deps.config.financeEmail;
  if (!to) {
    throw new EntraideError(
      "finance.no-email",
      "no finance email is configured: set ENTRAIDE_FINANCE_EMAIL so batches can be announced",
    );
  }
  const published = [];
  let report: Promise<Awaited<ReturnType<typeof publishReport>>> | undefined;
  for (const fund of fundNamesOf(plan)) {
    const { batch } = await createBatch(deps, fund);
    if (!batch) continue;
    const done = await publishBatch(deps, batch, plan);
    // One report per run, after the first batch so that it counts its reservations as they are.
    report ??= publishReport(deps, plan);
    const reportFile = await report;
    const email = render(
      "batch-ready",
      {
        batchId: batch.batchId,
        fund,
        payoutCount: batch.payoutCount,
        totalCents: batch.totalCents,
        downloads: [...done.files, ...(reportFile ? [reportFile] : [])].map(({ name, url }) => ({
          name,
          url,
        })),
        expiresAt: done.expiresAt,
      },
      // Finance reads it in the language the contacts register gives its address.
      await languageOf(deps, to),
    );
    await sendEmail(deps, { to, ...email });
    published.push(done);
  }
  return published;
}

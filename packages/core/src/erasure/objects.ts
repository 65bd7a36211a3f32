import { DeleteObjectsCommand, GetObjectCommand, paginateListObjectsV2 } from "@aws-sdk/client-s3";
import { bucketLayout } from "../aws/bucket-layout";
import type { Deps } from "../deps";
import type { Scrubber } from "./scrub";

/** Documents, uploads, exports of the member's batches, and raw replies that name them. */
export async function eraseObjects(
  deps: Deps,
  scrubber: Scrubber,
  documentIds: Set<string>,
  batches: Set<string>,
  dryRun: boolean,
): Promise<number> {
  const Bucket = deps.config.bucket;
  const doomed: string[] = [];
  const listing = (Prefix: string) =>
    paginateListObjectsV2({ client: deps.clients.s3 }, { Bucket, Prefix });
  for (const area of [bucketLayout.documents.prefix, bucketLayout.uploads.prefix]) {
    for await (const page of listing(area))
      for (const o of page.Contents ?? [])
        if (documentIds.has(o.Key!.slice(area.length))) doomed.push(o.Key!);
  }
  // Exports are copies for the bank, made again from the batch (which keeps the accounting fields) when needed.
  for await (const page of listing(bucketLayout.exports.prefix))
    for (const o of page.Contents ?? [])
      if ([...batches].some((b) => o.Key!.startsWith(`${bucketLayout.exports.prefix}${b}.`)))
        doomed.push(o.Key!);
  for await (const page of listing(bucketLayout.inbound.prefix)) {
    for (const o of page.Contents ?? []) {
      const body = await (
        await deps.clients.s3.send(new GetObjectCommand({ Bucket, Key: o.Key! }))
      ).Body!.transformToString();
      if (scrubber.finds(body)) doomed.push(o.Key!);
    }
  }
  if (!dryRun) {
    for (let i = 0; i < doomed.length; i += 1000) {
      await deps.clients.s3.send(
        new DeleteObjectsCommand({
          Bucket,
          Delete: { Objects: doomed.slice(i, i + 1000).map((Key) => ({ Key })) },
        }),
      );
    }
  }
  return doomed.length;
}

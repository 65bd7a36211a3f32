import { createHash, randomUUID } from "node:crypto";
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
} from "@aws-sdk/client-s3";
import { createPresignedPost, type PresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { bucketLayout } from "../aws/bucket-layout";
import { addSeconds } from "../clock";
import { batchGet } from "../db/batch";
import { getItem, putItem, updateItem } from "../db/items";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import type { StepContext } from "../engine/definition";
import { type PlanConfig, planConfig } from "../plan/config";
import type { DocumentContentType } from "../plan/vocabulary";
import { attachmentDisposition, servedContentType, shownFileName } from "./file-name";
import type { DocumentMeta } from "./meta";
import { expectedSniffedType, SNIFF_BYTES, type SniffedType, sniffDocumentType } from "./sniff";

export interface DocumentRecord {
  documentId: string;
  fileName: string;
  contentType: DocumentContentType;
  size: number;
  createdAt: string;
  /** What the bytes are, recorded when the worker first inspects the upload. */
  sniffedType?: SniffedType;
}

const uploadKey = (id: string) => `${bucketLayout.uploads.prefix}${id}`;
const documentKey = (id: string) => `${bucketLayout.documents.prefix}${id}`;

/**
 * Registers an upload and returns a presigned POST whose policy S3 itself enforces: exactly
 * the declared number of bytes (which the schema bounds by the plan's `maxBytes`) and exactly
 * the declared content type, to this document's key only, for the plan's upload window. The browser sends
 * `upload.fields` then the file as a `multipart/form-data` POST to `upload.url`.
 */
export async function createUpload(
  deps: Deps,
  input: Omit<DocumentRecord, "documentId" | "createdAt" | "sniffedType">,
  plan: PlanConfig = planConfig,
): Promise<{ documentId: string; upload: PresignedPost; expiresAt: string }> {
  const seconds = plan.documents.uploadWindowSeconds;
  const documentId = randomUUID();
  const now = deps.clock.now().toISOString();
  await putItem(deps, {
    Item: { ...keys.document(documentId), documentId, ...input, createdAt: now },
  });
  const upload = await createPresignedPost(deps.clients.s3, {
    Bucket: deps.config.bucket,
    Key: uploadKey(documentId),
    // Each field is also a condition: the form must carry exactly this Content-Type.
    Fields: { "Content-Type": input.contentType },
    Conditions: [["content-length-range", input.size, input.size]],
    Expires: seconds,
  });
  return { documentId, upload, expiresAt: addSeconds(now, seconds) };
}

export async function getDocument(
  deps: Deps,
  documentId: string,
): Promise<DocumentRecord | undefined> {
  const item = await getItem(deps, keys.document(documentId));
  return item as DocumentRecord | undefined;
}

/** Whether the browser's upload arrived (the upload or, once attached, the kept copy). */
export async function isUploaded(deps: Deps, documentId: string): Promise<boolean> {
  return (await locate(deps, documentId)) !== undefined;
}

/**
 * Where the document's bytes are and the HEAD of that object, if anywhere: the upload first,
 * which is where a document is when a request or an answer names it (one HEAD), then the kept copy.
 */
async function locate(
  deps: Deps,
  documentId: string,
): Promise<{ Key: string; head: HeadObjectCommandOutput } | undefined> {
  for (const Key of [uploadKey(documentId), documentKey(documentId)]) {
    const head = await headObject(deps, Key);
    if (head) return { Key, head };
  }
  return undefined;
}

/** The HEAD of `Key`, or undefined when the bucket does not hold it; any other failure throws. */
async function headObject(deps: Deps, Key: string): Promise<HeadObjectCommandOutput | undefined> {
  try {
    return await deps.clients.s3.send(new HeadObjectCommand({ Bucket: deps.config.bucket, Key }));
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if ((error as Error).name === "NotFound" || status === 404) return undefined;
    throw error;
  }
}

/**
 * The first `SNIFF_BYTES` of `Key` (fewer for a shorter object) and the object's whole size, by
 * one ranged GET (its Content-Range ends with the size: no HEAD needed); undefined when the
 * bucket does not hold it.
 */
async function opening(
  deps: Deps,
  Key: string,
): Promise<{ Key: string; bytes: Uint8Array; size: number } | undefined> {
  try {
    const object = await deps.clients.s3.send(
      new GetObjectCommand({
        Bucket: deps.config.bucket,
        Key,
        Range: `bytes=0-${SNIFF_BYTES - 1}`,
      }),
    );
    const bytes = (await object.Body!.transformToByteArray()).subarray(0, SNIFF_BYTES);
    const total = object.ContentRange?.match(/\/(\d+)$/)?.[1];
    return { Key, bytes, size: total ? Number(total) : (object.ContentLength ?? bytes.length) };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if ((error as Error).name === "NoSuchKey" || status === 404) return undefined;
    // An empty object has no byte 0 to range over.
    if (status === 416) return { Key, bytes: new Uint8Array(), size: 0 };
    throw error;
  }
}

/** The SHA-256 of `Key`, streamed: the object is never held in memory. */
async function sha256Of(deps: Deps, Key: string): Promise<string> {
  const object = await deps.clients.s3.send(
    new GetObjectCommand({ Bucket: deps.config.bucket, Key }),
  );
  const hash = createHash("sha256");
  for await (const chunk of object.Body as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest("hex");
}

/**
 * Moves an upload under `documents/`, out of reach of the uploads' 7-day expiry, stored with
 * the type its bytes are and as an attachment, whatever the upload said. Safe to repeat.
 */
async function keepDocument(deps: Deps, documentId: string, type: SniffedType): Promise<void> {
  await deps.clients.s3.send(
    new CopyObjectCommand({
      Bucket: deps.config.bucket,
      Key: documentKey(documentId),
      CopySource: `${deps.config.bucket}/${uploadKey(documentId)}`,
      MetadataDirective: "REPLACE",
      ContentType: servedContentType[type],
      ContentDisposition: "attachment",
    }),
  );
}

/**
 * What the checks need of a document: its size and what its first bytes are (one ranged GET)
 * and its SHA-256. An object larger than `maxBytes` (S3's policy refuses one; this is the
 * second line) is neither kept nor read beyond its first bytes, and has no hash.
 */
export async function inspectDocument(
  deps: Deps,
  documentId: string,
  maxBytes: number,
): Promise<DocumentMeta | undefined> {
  const record = await getDocument(deps, documentId);
  if (!record) return undefined;
  // A recorded type means the kept copy exists (it is recorded after the copy): read it first.
  const order = record.sniffedType
    ? [documentKey(documentId), uploadKey(documentId)]
    : [uploadKey(documentId), documentKey(documentId)];
  const found = (await opening(deps, order[0]!)) ?? (await opening(deps, order[1]!));
  if (!found) return undefined;
  const { size } = found;
  const sniffedType = sniffDocumentType(found.bytes);
  const meta = {
    documentId,
    fileName: shownFileName(record.fileName, sniffedType),
    contentType: record.contentType,
    size,
    sniffedType,
  };
  if (size > maxBytes) return meta;
  if (found.Key !== documentKey(documentId)) await keepDocument(deps, documentId, sniffedType);
  if (record.sniffedType !== sniffedType) await recordSniffedType(deps, documentId, sniffedType);
  return { ...meta, sha256: await sha256Of(deps, documentKey(documentId)) };
}

async function recordSniffedType(deps: Deps, documentId: string, type: SniffedType) {
  await updateItem(deps, {
    Key: keys.document(documentId),
    UpdateExpression: "SET sniffedType = :t",
    ExpressionAttributeValues: { ":t": type },
  });
}

/**
 * Short-lived links (the plan's `documents.linkValiditySeconds`) for an approver to read a
 * request's kept documents: saved (never shown inline) under a safe name, with the type their
 * bytes are. A document never inspected is served as the type it was declared, which the
 * schema allows only among PDF, JPEG and PNG.
 */
export function downloadLinks(
  deps: Deps,
  documentIds: string[],
  plan: PlanConfig = planConfig,
): Promise<{ name: string; url: string }[]> {
  const expiresIn = plan.documents.linkValiditySeconds;
  return Promise.all(
    documentIds.map(async (id) => {
      const { name, type } = await shownDocument(deps, id);
      return { name, url: await downloadUrl(deps, { documentId: id, name, type }, expiresIn) };
    }),
  );
}

/** What names a document's shown name in a chain's reads (StepContext.read): see {@link documentNames}. */
export const documentNameKey = (documentId: string) => `document-name#${documentId}`;

/**
 * The names a request's documents are shown and saved under, without links: emails carry
 * these and link through the decision page, which signs a link when it is opened. The records
 * are read in one BatchGet; with `read` (a step's), a name the chain already knows (the checks
 * just inspected the document, {@link documentNameKey}) is not read at all.
 */
export function documentNames(
  deps: Deps,
  documentIds: string[],
  read: StepContext["read"] = (_key, load) => load(),
): Promise<{ documentId: string; name: string }[]> {
  let records: Promise<Map<string, DocumentRecord>> | undefined;
  const recordOf = async (id: string) => {
    records ??= batchGet(
      deps,
      [...new Set(documentIds)].map((d) => keys.document(d)),
      "document records",
    ).then((items) => new Map(items.map((i) => [i.documentId as string, i as DocumentRecord])));
    return (await records).get(id);
  };
  return Promise.all(
    documentIds.map(async (id) => ({
      documentId: id,
      name: await read(documentNameKey(id), async () => shown(await recordOf(id), id).name),
    })),
  );
}

async function shownDocument(deps: Deps, id: string) {
  return shown(await getDocument(deps, id), id);
}

/** The name and type a document is served as: its bytes' type once inspected, else the declared one. */
function shown(record: DocumentRecord | undefined, id: string) {
  const type: SniffedType =
    record?.sniffedType ?? (record ? expectedSniffedType(record.contentType) : "unknown");
  return { name: shownFileName(record?.fileName ?? id, type), type };
}

function downloadUrl(
  deps: Deps,
  { documentId, name, type }: { documentId: string; name: string; type: SniffedType },
  expiresIn: number,
): Promise<string> {
  return getSignedUrl(
    deps.clients.s3,
    new GetObjectCommand({
      Bucket: deps.config.bucket,
      Key: documentKey(documentId),
      ResponseContentType: servedContentType[type],
      ResponseContentDisposition: attachmentDisposition(name),
    }),
    { expiresIn },
  );
}

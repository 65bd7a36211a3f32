import { createHash, randomUUID } from "node:crypto";
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { bucketLayout } from "../aws/bucket-layout";
import { addSeconds } from "../clock";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import type { DocumentMeta } from "../requests/checks/context";
import type { DocumentContentType } from "../requests/request-types";
import { sniffDocumentType } from "../requests/sniff";

/** How long a browser has to upload a file, and an approver to open a document link. */
const UPLOAD_SECONDS = 15 * 60;
const DOWNLOAD_SECONDS = 10 * 60;

export interface DocumentRecord {
  documentId: string;
  fileName: string;
  contentType: DocumentContentType;
  size: number;
  createdAt: string;
}

const uploadKey = (id: string) => `${bucketLayout.uploads.prefix}${id}`;
const documentKey = (id: string) => `${bucketLayout.documents.prefix}${id}`;

/**
 * Registers an upload and returns a presigned PUT, bound to the declared type and size, so
 * the file goes straight from the browser to the private bucket.
 */
export async function createUpload(
  deps: Deps,
  input: Omit<DocumentRecord, "documentId" | "createdAt">,
) {
  const documentId = randomUUID();
  const now = deps.clock.now().toISOString();
  await deps.clients.ddb.send(
    new PutCommand({
      TableName: deps.config.table,
      Item: { ...keys.document(documentId), documentId, ...input, createdAt: now },
    }),
  );
  const uploadUrl = await getSignedUrl(
    deps.clients.s3,
    new PutObjectCommand({
      Bucket: deps.config.bucket,
      Key: uploadKey(documentId),
      ContentType: input.contentType,
    }),
    { expiresIn: UPLOAD_SECONDS },
  );
  return { documentId, uploadUrl, expiresAt: addSeconds(now, UPLOAD_SECONDS) };
}

export async function getDocument(
  deps: Deps,
  documentId: string,
): Promise<DocumentRecord | undefined> {
  const { Item } = await deps.clients.ddb.send(
    new GetCommand({ TableName: deps.config.table, Key: keys.document(documentId) }),
  );
  return Item as DocumentRecord | undefined;
}

/** Whether the browser's PUT arrived (the upload or, once attached, the kept copy). */
export async function isUploaded(deps: Deps, documentId: string): Promise<boolean> {
  return (
    (await objectExists(deps, uploadKey(documentId))) || objectExists(deps, documentKey(documentId))
  );
}

/** Whether the bucket holds `Key`; any answer but "not found" is an error to retry, not a no. */
async function objectExists(deps: Deps, Key: string): Promise<boolean> {
  try {
    await deps.clients.s3.send(new HeadObjectCommand({ Bucket: deps.config.bucket, Key }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if ((error as Error).name === "NotFound" || status === 404) return false;
    throw error;
  }
}

/**
 * Moves an upload under `documents/`, out of reach of the uploads' 7-day expiry. Safe to
 * repeat: a document already kept is left as it is.
 */
export async function keepDocument(deps: Deps, documentId: string): Promise<void> {
  if (await objectExists(deps, documentKey(documentId))) return;
  await deps.clients.s3.send(
    new CopyObjectCommand({
      Bucket: deps.config.bucket,
      Key: documentKey(documentId),
      CopySource: `${deps.config.bucket}/${uploadKey(documentId)}`,
    }),
  );
}

/** What the checks need of a document: what its bytes really are, and their SHA-256. */
export async function inspectDocument(
  deps: Deps,
  documentId: string,
): Promise<DocumentMeta | undefined> {
  const record = await getDocument(deps, documentId);
  if (!record || !(await isUploaded(deps, documentId))) return undefined;
  await keepDocument(deps, documentId);
  const object = await deps.clients.s3.send(
    new GetObjectCommand({ Bucket: deps.config.bucket, Key: documentKey(documentId) }),
  );
  const bytes = Buffer.from(await object.Body!.transformToByteArray());
  return {
    documentId,
    fileName: record.fileName,
    contentType: record.contentType,
    size: bytes.length,
    sniffedType: sniffDocumentType(bytes.subarray(0, 8)),
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** Short-lived links for an approver to read a request's kept documents, under their own names. */
export function downloadLinks(
  deps: Deps,
  documentIds: string[],
): Promise<{ name: string; url: string }[]> {
  return Promise.all(
    documentIds.map(async (id) => {
      const name = (await getDocument(deps, id))?.fileName ?? id;
      return { name, url: await downloadUrl(deps, id, name) };
    }),
  );
}

function downloadUrl(deps: Deps, documentId: string, fileName: string): Promise<string> {
  return getSignedUrl(
    deps.clients.s3,
    new GetObjectCommand({
      Bucket: deps.config.bucket,
      Key: documentKey(documentId),
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    }),
    { expiresIn: DOWNLOAD_SECONDS },
  );
}

import { createHmac, timingSafeEqual } from "node:crypto";
import type { Credentials, WireRequest } from "./sigv4";

/**
 * What S3 does for browsers and fauxqs does not, for the local AWS gateway:
 *
 * - uploads by presigned POST (`multipart/form-data` to `/<bucket>`), with their policy enforced
 *   as S3 enforces it: signature, expiry, every condition (`eq`, `starts-with`,
 *   `content-length-range`) and no form field the policy does not name; the file is then stored
 *   by a plain PUT with the form's `Content-Type`;
 * - the `response-content-type` and `response-content-disposition` of a presigned GET.
 */

/** What to do with a browser's POST upload: refuse it as S3 would, or store the file. */
export type BrowserUpload =
  | { refused: { status: number; code: string; message: string } }
  | { put: { path: string; contentType: string; body: Buffer } };

type Condition = ["eq" | "starts-with", string, string] | ["content-length-range", number, number];

interface Policy {
  expiration: string;
  conditions: (Condition | Record<string, string>)[];
}

/** Form fields a policy need not name (S3's rule; the bucket is the URL's, checked if named). */
const UNNAMED = new Set(["policy", "x-amz-signature", "file", "bucket"]);

/** Whether `request` is a browser's POST upload (and not, say, a DeleteObjects). */
export function isBrowserUpload(request: WireRequest): boolean {
  const url = new URL(request.url, "http://local");
  const contentType = String(request.headers["content-type"] ?? "");
  return (
    request.method === "POST" &&
    url.search === "" &&
    /^\/[^/]+\/?$/.test(url.pathname) &&
    contentType.startsWith("multipart/form-data")
  );
}

/** Checks a browser's POST upload as S3 does; see {@link BrowserUpload}. */
export async function browserUpload(
  request: WireRequest,
  credentials: Credentials,
  now = new Date(),
): Promise<BrowserUpload> {
  const refused = (status: number, code: string, message: string): BrowserUpload => ({
    refused: { status, code, message },
  });
  const bucket = new URL(request.url, "http://local").pathname.split("/")[1] ?? "";
  const form = await new Request("http://local/", {
    method: "POST",
    headers: { "content-type": String(request.headers["content-type"]) },
    body: new Uint8Array(request.body),
  })
    .formData()
    .catch(() => undefined);
  if (!form) return refused(400, "MalformedPOSTRequest", "the body is not multipart/form-data");
  const fields = new Map<string, string>();
  for (const [name, value] of form) {
    if (typeof value === "string") fields.set(name.toLowerCase(), value);
  }
  fields.set("bucket", bucket);
  const file = form.get("file");
  if (!(file instanceof Blob)) return refused(400, "InvalidArgument", "the form has no file");
  const policy = fields.get("policy") ?? "";
  if (!signatureHolds(policy, fields, credentials)) {
    return refused(403, "SignatureDoesNotMatch", "the policy's signature does not match");
  }
  const problem = policyRefusal(
    JSON.parse(Buffer.from(policy, "base64").toString("utf8")),
    fields,
    file.size,
    now,
  );
  if (problem) return refused(...problem);
  const key = (fields.get("key") ?? "").split("/").map(encodeURIComponent).join("/");
  return {
    put: {
      path: `/${bucket}/${key}`,
      contentType: fields.get("content-type") ?? "application/octet-stream",
      body: Buffer.from(await file.arrayBuffer()),
    },
  };
}

/** Why S3 would refuse this form under `policy` (status, code, message), if it would. */
function policyRefusal(
  policy: Policy,
  fields: Map<string, string>,
  size: number,
  now: Date,
): [number, string, string] | undefined {
  const invalid = (why: string): [number, string, string] => [
    403,
    "AccessDenied",
    `Invalid according to Policy: ${why}`,
  ];
  if (Date.parse(policy.expiration) < now.getTime()) return invalid("Policy expired.");
  const conditions = policy.conditions.map(
    (c): Condition =>
      Array.isArray(c) ? c : ["eq", `$${Object.keys(c)[0]}`, Object.values(c)[0] ?? ""],
  );
  const named = new Set(
    conditions.flatMap((c) =>
      c[0] === "content-length-range" ? [] : [c[1].slice(1).toLowerCase()],
    ),
  );
  for (const name of fields.keys()) {
    if (!UNNAMED.has(name) && !name.startsWith("x-ignore-") && !named.has(name)) {
      return invalid(`Extra input fields: ${name}`);
    }
  }
  for (const condition of conditions) {
    if (condition[0] === "content-length-range") {
      const [, min, max] = condition;
      if (size > max) {
        return [400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"];
      }
      if (size < min) {
        return [
          400,
          "EntityTooSmall",
          "Your proposed upload is smaller than the minimum allowed size",
        ];
      }
      continue;
    }
    const [op, name, expected] = condition;
    const actual = fields.get(name.slice(1).toLowerCase()) ?? "";
    const holds = op === "eq" ? actual === expected : actual.startsWith(expected);
    if (!holds) return invalid(`Policy Condition failed: ${JSON.stringify(condition)}`);
  }
  return undefined;
}

/** SigV4 for a POST policy: the stack's key, and the HMAC of the base64 policy itself. */
function signatureHolds(policy: string, fields: Map<string, string>, credentials: Credentials) {
  const [accessKeyId, date, region, service] = (fields.get("x-amz-credential") ?? "").split("/");
  if (
    fields.get("x-amz-algorithm") !== "AWS4-HMAC-SHA256" ||
    accessKeyId !== credentials.accessKeyId ||
    !date ||
    !region ||
    !service
  ) {
    return false;
  }
  let key: Buffer = Buffer.from(`AWS4${credentials.secretAccessKey}`);
  for (const part of [date, region, service, "aws4_request"]) {
    key = createHmac("sha256", key).update(part).digest();
  }
  const expected = createHmac("sha256", key).update(policy).digest();
  const given = Buffer.from(fields.get("x-amz-signature") ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The headers a presigned GET asks S3 to answer with (`response-content-type` and the like). */
export function responseOverrides(request: WireRequest): Record<string, string> {
  if (request.method !== "GET") return {};
  const query = new URL(request.url, "http://local").searchParams;
  const overrides: Record<string, string> = {};
  for (const name of ["content-type", "content-disposition"]) {
    const value = query.get(`response-${name}`);
    if (value) overrides[name] = value;
  }
  return overrides;
}

/** An S3 error document. */
export function s3Error(code: string, message: string): string {
  const escaped = message.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${escaped}</Message></Error>`;
}

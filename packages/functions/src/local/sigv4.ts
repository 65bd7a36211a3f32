import { timingSafeEqual } from "node:crypto";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A request as it reached the local AWS endpoint. */
export interface WireRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const PRESIGN_PARAMS = [
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Signature",
];
/** AWS refuses requests signed more than 15 minutes away from its clock. */
const SKEW_MS = 15 * 60_000;

/**
 * Why AWS would refuse this request, or `undefined` when it is signed (SigV4, in the
 * Authorization header or as a presigned URL) with `credentials` and still valid. The signature
 * is recomputed with the SDK's own signer over the headers the request says it signed.
 */
export async function sigV4Problem(
  request: WireRequest,
  credentials: Credentials,
  now = new Date(),
): Promise<string | undefined> {
  const url = new URL(request.url, "http://local");
  const query = url.searchParams;
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const authorization = header("authorization");
  const presigned = query.has("X-Amz-Signature");
  if (!authorization && !presigned) return "the request is not signed";

  const auth = presigned
    ? {
        credential: query.get("X-Amz-Credential") ?? "",
        signedHeaders: query.get("X-Amz-SignedHeaders") ?? "",
        signature: query.get("X-Amz-Signature") ?? "",
        date: query.get("X-Amz-Date") ?? "",
      }
    : parseAuthorization(authorization ?? "", header("x-amz-date") ?? "");
  if (!auth) return "the Authorization header is not AWS4-HMAC-SHA256";
  const [accessKeyId, , region, service] = auth.credential.split("/");
  if (accessKeyId !== credentials.accessKeyId || !region || !service) {
    return "the access key is not this stack's";
  }
  const signingDate = parseAmzDate(auth.date);
  if (!signingDate) return "the signing date is missing or malformed";
  if (presigned) {
    const expiresMs = Number(query.get("X-Amz-Expires")) * 1000;
    if (!(expiresMs > 0) || now.getTime() > signingDate.getTime() + expiresMs) {
      return "the presigned URL has expired";
    }
  } else if (Math.abs(now.getTime() - signingDate.getTime()) > SKEW_MS) {
    return "the request's signing date is more than 15 minutes away";
  }

  const signed = auth.signedHeaders.split(";").filter(Boolean);
  const headers: Record<string, string> = {};
  for (const name of signed) headers[name] = header(name) ?? "";
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of query) {
    if (presigned && PRESIGN_PARAMS.includes(name)) continue;
    const previous = params[name];
    params[name] =
      previous === undefined
        ? value
        : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  // S3 signs the path as sent; the other services sign it once more escaped.
  const s3 = service === "s3";
  const signer = new SignatureV4({
    credentials,
    region,
    service,
    sha256: Hash.bind(null, "sha256"),
    uriEscapePath: !s3,
    applyChecksum: false,
  });
  const toSign = new HttpRequest({
    method: request.method,
    protocol: "http:",
    hostname: "local",
    path: s3 ? url.pathname : decodeURIComponent(url.pathname),
    query: params,
    headers,
    body: presigned ? undefined : request.body,
  });
  let expected: string;
  if (presigned) {
    if (s3 && !("x-amz-content-sha256" in headers)) {
      headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD";
    }
    const result = await signer.presign(toSign, {
      signingDate,
      expiresIn: Number(query.get("X-Amz-Expires")),
      signableHeaders: new Set(signed),
      unsignableHeaders: new Set(Object.keys(headers).filter((h) => !signed.includes(h))),
      unhoistableHeaders: new Set(Object.keys(headers)),
    });
    expected = String(result.query?.["X-Amz-Signature"]);
  } else {
    const result = await signer.sign(toSign, { signingDate, signableHeaders: new Set(signed) });
    expected = /Signature=([0-9a-f]+)/.exec(String(result.headers.authorization))?.[1] ?? "";
  }
  const a = Buffer.from(expected);
  const b = Buffer.from(auth.signature);
  return a.length === b.length && timingSafeEqual(a, b)
    ? undefined
    : "the signature does not match";
}

function parseAuthorization(value: string, date: string) {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
      value.trim(),
    );
  if (!match) return undefined;
  return { credential: match[1]!, signedHeaders: match[2]!, signature: match[3]!, date };
}

function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

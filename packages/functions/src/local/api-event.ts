import { randomBytes } from "node:crypto";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { RouteMatch } from "./route-match";

/** The parts of an incoming HTTP request the event is built from. */
export interface RawRequest {
  method: string;
  /** Path and query string as received, e.g. "/api/requests/r1?x=1&x=2". */
  url: string;
  /** Header values as received, one entry per header line (Node's `headersDistinct`). */
  headers: Record<string, string[] | undefined>;
  body: Buffer;
  sourceIp: string;
  httpVersion: string;
  localPort: number;
}

// Verified against AWS: HTTP APIs hand these over as text and base64-encode every other body,
// including bodies without a content type.
const TEXT_TYPES = /^(text\/[^;]+|application\/(json|xml|javascript))\s*(;|$)/i;

/**
 * Builds the API Gateway HTTP API payload format 2.0 event for a request, as AWS does:
 * lower-case headers with repeats joined by ",", cookies moved to `cookies`, repeated query
 * parameters joined by ",", binary bodies base64-encoded.
 */
export function toApiEvent(
  request: RawRequest,
  route: RouteMatch,
  now: Date,
): APIGatewayProxyEventV2 {
  const [rawPath = "/", ...query] = request.url.split("#")[0]!.split("?");
  const rawQueryString = query.join("?");
  const headers = joinHeaders(request);
  const cookies = (request.headers.cookie ?? [])
    .flatMap((line) => line.split(";"))
    .map((c) => c.trim())
    .filter(Boolean);
  const host = headers.host ?? `localhost:${request.localPort}`;
  const domainName = host.replace(/:\d+$/, "");
  const event: APIGatewayProxyEventV2 = {
    version: "2.0",
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(rawQueryString ? { queryStringParameters: queryParameters(rawQueryString) } : {}),
    requestContext: {
      accountId: "123456789012",
      apiId: "local",
      domainName,
      domainPrefix: domainName.split(".")[0]!,
      http: {
        method: request.method,
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomBytes(10).toString("base64"),
      routeKey: route.routeKey,
      stage: "$default",
      time: clf(now),
      timeEpoch: now.getTime(),
    },
    ...(route.pathParameters ? { pathParameters: route.pathParameters } : {}),
    isBase64Encoded: false,
  };
  if (request.body.length > 0) {
    const text = TEXT_TYPES.test(headers["content-type"] ?? "");
    event.body = request.body.toString(text ? "utf8" : "base64");
    event.isBase64Encoded = !text;
  }
  return event;
}

function joinHeaders(request: RawRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(request.headers)) {
    if (values === undefined || name === "cookie") continue;
    headers[name.toLowerCase()] = values.join(",");
  }
  headers["x-forwarded-for"] ??= request.sourceIp;
  headers["x-forwarded-port"] ??= String(request.localPort);
  headers["x-forwarded-proto"] ??= "http";
  headers["x-amzn-trace-id"] ??= traceId();
  return headers;
}

function queryParameters(raw: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = key in params ? `${params[key]},${value}` : value;
  }
  return params;
}

function traceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString("hex")}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "12/Mar/2020:19:03:58 +0000", the access-log time format of `requestContext.time`. */
function clf(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const d = date;
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

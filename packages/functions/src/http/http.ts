import { EntraideError, type ErrorCode, ValidationError } from "@entraide/core/errors";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import type { z } from "zod";
import { logger } from "../logger";

/** What a JSON answer of the API carries besides its body: no caching, no sniffing, no framing. */
export const jsonHeaders: Readonly<Record<string, string>> = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
};

/** An answer with a status other than 200, or extra headers (e.g. `location`). */
export class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}
export const ok = (body: unknown) => new Reply(200, body);
export const created = (body: unknown, headers?: Record<string, string>) =>
  new Reply(201, body, headers);
export const noContent = () => new Reply(204);

/** The parts of a request a route validates; each is optional. */
export interface RequestSchemas {
  body?: z.ZodType;
  params?: z.ZodType;
  headers?: z.ZodType;
  query?: z.ZodType;
}
type Parsed<S extends RequestSchemas> = {
  [K in keyof RequestSchemas]-?: S[K] extends z.ZodType ? z.output<S[K]> : undefined;
};

/** What a route may want from the request beyond its validated parts. */
export interface HttpRequest {
  event: APIGatewayProxyEventV2;
  /** Header names are lower case, as API Gateway hands them over. */
  headers: Record<string, string | undefined>;
  /** The token of an `Authorization: Bearer <token>` header. */
  bearerToken?: string;
  idempotencyKey?: string;
}

export type RouteHandler = (
  event: APIGatewayProxyEventV2,
  context?: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Wraps a route: validates the request's parts with zod, calls `run`, and shapes what it returns
 * (a {@link Reply}, or any value for `200`) or throws (see {@link errorReply}) as JSON.
 *
 * @example
 * export const handler = http({ params: z.object({ id: z.string() }) }, async ({ params }, req) =>
 *   Requests.status(deps(), params.id, req.bearerToken));
 */
export function http<S extends RequestSchemas>(
  schemas: S,
  run: (input: Parsed<S>, request: HttpRequest) => Promise<unknown>,
): RouteHandler {
  return async (event, context) => {
    if (context) logger.addContext(context);
    try {
      const input = parseRequest(schemas, event);
      const result = await run(input, requestOf(event));
      return toResult(result instanceof Reply ? result : ok(result));
    } catch (error) {
      return toResult(errorReply(error));
    }
  };
}

function parseRequest<S extends RequestSchemas>(
  schemas: S,
  event: APIGatewayProxyEventV2,
): Parsed<S> {
  const issues: ValidationError["errors"] = [];
  const part = (schema: z.ZodType | undefined, value: unknown, prefix: string) => {
    if (!schema) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
      issues.push({ path, code: issue.code, message: issue.message });
    }
    return undefined;
  };
  const input = {
    body: part(schemas.body, schemas.body ? jsonBody(event) : undefined, ""),
    params: part(schemas.params, event.pathParameters ?? {}, "params"),
    headers: part(schemas.headers, event.headers ?? {}, "headers"),
    query: part(schemas.query, event.queryStringParameters ?? {}, "query"),
  };
  if (issues.length > 0) throw new ValidationError(issues);
  return input as Parsed<S>;
}

function jsonBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === "") return undefined;
  const text = event.isBase64Encoded
    ? Buffer.from(event.body, "base64").toString("utf8")
    : event.body;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EntraideError("input.malformed-json", "the request body is not valid JSON", {
      status: 400,
      cause: error,
    });
  }
}

function requestOf(event: APIGatewayProxyEventV2): HttpRequest {
  const headers = event.headers ?? {};
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "");
  return {
    event,
    headers,
    bearerToken: bearer?.[1],
    idempotencyKey: headers["idempotency-key"] || undefined,
  };
}

/**
 * How an error reaches the caller: a {@link ValidationError} as `400 {errors}`, another
 * {@link EntraideError} with its status and code, anything else as a bare 500 whose details stay
 * in the log (a stack trace tells an attacker more than it helps a member).
 */
export function errorReply(error: unknown): Reply {
  if (error instanceof ValidationError) return new Reply(400, { errors: error.errors });
  if (error instanceof EntraideError) {
    if (error.status >= 500) logger.error("request failed", { error });
    // A conflict says where things stand now (a request's status), so the caller knows what happened.
    const details = error.status === 409 ? error.options.details : undefined;
    return new Reply(error.status, {
      error: {
        code: error.code,
        message: error.message,
        ...(details === undefined ? {} : { details }),
      },
    });
  }
  logger.error("unexpected error", { error: error as Error });
  const code: ErrorCode = "server.internal";
  return new Reply(500, { error: { code, message: "internal error" } });
}

function toResult(reply: Reply): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: reply.status,
    headers: { ...jsonHeaders, ...reply.headers },
    body: reply.body === undefined ? "" : JSON.stringify(reply.body),
    isBase64Encoded: false,
  };
}

/** What goes back on the wire for one handler result. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

interface StructuredResult {
  statusCode: number;
  headers?: Record<string, string | number | boolean>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

/**
 * Turns a handler's result into the HTTP answer API Gateway (payload format 2.0) would send:
 * a result with a `statusCode` as it says, each cookie as a `set-cookie` header; any other
 * result is taken as a JSON body with status 200.
 */
export function toHttpAnswer(result: unknown): HttpAnswer {
  if (!isStructured(result)) {
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: Buffer.from(JSON.stringify(result ?? null)),
    };
  }
  const headers: HttpAnswer["headers"] = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    headers[name.toLowerCase()] = String(value);
  }
  if (result.cookies?.length) headers["set-cookie"] = result.cookies;
  const body = result.body ?? "";
  return {
    status: result.statusCode,
    headers,
    body: Buffer.from(body, result.isBase64Encoded ? "base64" : "utf8"),
  };
}

function isStructured(result: unknown): result is StructuredResult {
  return (
    typeof result === "object" &&
    result !== null &&
    typeof (result as { statusCode?: unknown }).statusCode === "number"
  );
}

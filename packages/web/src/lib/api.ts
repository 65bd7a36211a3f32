import type { FieldError } from "@entraide/core/requests/messages";

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/** The body of the API's 4xx answers other than 400: `{error: {code, message, details}}`. */
export interface ApiError {
  error?: { code?: string; message?: string; details?: unknown };
  errors?: FieldError[];
  message?: string;
}

/**
 * Calls the API on this origin. Tokens travel only in the Authorization header, never in the
 * address, so they stay out of server logs and Referer headers. Throws only on network failure.
 */
export async function api<T = unknown>(
  method: "GET" | "POST",
  path: string,
  options: {
    body?: unknown;
    token?: string;
    headers?: Record<string, string>;
    /** Only what the API marks cacheable and is the same for everyone may be kept. */
    cache?: RequestCache;
  } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: "omit",
    cache: options.cache ?? "no-store",
    referrerPolicy: "no-referrer",
  });
  const text = await response.text();
  let body: unknown = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { message: text };
  }
  return { status: response.status, body: body as T };
}

/** Field errors of a 400 answer, if it has them. */
export function fieldErrors(body: unknown): FieldError[] | undefined {
  const errors = (body as ApiError | undefined)?.errors;
  return Array.isArray(errors) ? errors : undefined;
}

import { useDeps } from "../../packages/functions/src/context";
import { routes } from "../../packages/functions/src/http/routes";
import { type ApiHandler, startApiServer } from "../../packages/functions/src/local/api-server";
import { loadHandler } from "../../packages/functions/src/local/handlers";
import type { TestStack } from "./stack";

/** The real API handlers behind the local API server, on a free port, using the test stack. */
export async function startTestApi(stack: TestStack) {
  useDeps(stack);
  const handlers: Record<string, ApiHandler | undefined> = {};
  for (const [routeKey, path] of Object.entries(routes))
    handlers[routeKey] = await loadHandler<ApiHandler>(path);
  const server = await startApiServer({ port: 0, routes: handlers, log: () => undefined });
  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === "string"
            ? options.body
            : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return { server, call };
}

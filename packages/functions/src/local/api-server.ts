import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import { siteSecurityHeaders } from "../http/site-headers";
import { toApiEvent } from "./api-event";
import { type HttpAnswer, toHttpAnswer } from "./api-response";
import { LocalStackError } from "./emulators";
import { keepIdleConnectionsLongerThanClients } from "./keep-alive";
import { invokeLocally } from "./lambda-context";
import { readBodyUpTo } from "./read-body";
import { routeMatcher } from "./route-match";

export type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

export interface ApiServerOptions {
  port: number;
  host?: string;
  /** Route key -> handler; `undefined` for a route whose handler is not written yet (501). */
  routes: Record<string, ApiHandler | undefined>;
  /** Static files served for paths no route takes, as CloudFront serves the site in AWS. */
  staticDir?: string;
  /** Where the pages PUT uploads (the local S3), named in the pages' content security policy. */
  uploadOrigin?: string;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

export interface ApiServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Serves the HTTP API locally by invoking the handlers in process with API Gateway v2 events. */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const match = routeMatcher(Object.keys(options.routes));
  const siteHeaders = siteSecurityHeaders(options.uploadOrigin ?? "");
  const log = options.log ?? ((message, error) => console.error(message, error ?? ""));
  const server = createServer((req, res) => {
    invoke(req, res).catch((error) => {
      log("local API server: request failed", error);
      if (!res.headersSent) send(res, json(500, { message: "Internal Server Error" }));
      else res.destroy();
    });
  });

  keepIdleConnectionsLongerThanClients(server);

  async function invoke(req: IncomingMessage, res: ServerResponse) {
    const body = await readBodyUpTo(req, MAX_BODY_BYTES);
    if (!body) {
      // What API Gateway answers past its payload limit.
      return send(res, json(413, { message: "Request Entity Too Large" }));
    }
    const method = req.method ?? "GET";
    const path = (req.url ?? "/").split("?")[0]!;
    const route = match(method, path);
    if (!route) {
      if (
        options.staticDir &&
        !path.startsWith("/api/") &&
        (method === "GET" || method === "HEAD")
      ) {
        const file = await staticFile(options.staticDir, path);
        if (file.status === 200) Object.assign(file.headers, siteHeaders);
        return send(res, file, method === "HEAD");
      }
      return send(res, json(404, { message: "Not Found" }));
    }
    const handler = options.routes[route.routeKey];
    if (!handler) {
      const message = `${route.routeKey} has no handler yet`;
      return send(res, json(501, { error: { code: "not-implemented", message } }));
    }
    const event = toApiEvent(
      {
        method,
        url: req.url ?? "/",
        headers: req.headersDistinct,
        body,
        sourceIp: (req.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, ""),
        httpVersion: req.httpVersion,
        localPort: req.socket.localPort ?? options.port,
      },
      route,
      options.now?.() ?? new Date(),
    );
    let answer: HttpAnswer;
    try {
      answer = toHttpAnswer(await invokeLocally(route.routeKey, handler, event));
    } catch (error) {
      // API Gateway's answer when the function itself fails.
      log(`${route.routeKey}: handler threw`, error);
      answer = json(500, { message: "Internal Server Error" });
    }
    send(res, answer, method === "HEAD");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new LocalStackError(
              `port ${options.port} is already in use: stop what uses it, or set PORT`,
            )
          : error,
      ),
    );
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://localhost:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** API Gateway HTTP APIs take payloads up to 10 MB. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

function json(status: number, body: unknown): HttpAnswer {
  return {
    status,
    headers: { "content-type": "application/json" },
    body: Buffer.from(JSON.stringify(body)),
  };
}

function send(res: ServerResponse, answer: HttpAnswer, headOnly = false) {
  res.writeHead(answer.status, { ...answer.headers, "content-length": answer.body.length });
  res.end(headOnly ? undefined : answer.body);
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

async function staticFile(root: string, urlPath: string): Promise<HttpAnswer> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(urlPath));
  } catch {
    return json(400, { message: "Bad Request" });
  }
  let file = join(root, relative);
  // `normalize` resolves "..", so anything outside the root is a traversal attempt.
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return json(404, { message: "Not Found" });
  }
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) file = join(file, "index.html");
  const body = await readFile(file).catch(() => undefined);
  if (!body) return json(404, { message: "Not Found" });
  return {
    status: 200,
    headers: {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    },
    body,
  };
}

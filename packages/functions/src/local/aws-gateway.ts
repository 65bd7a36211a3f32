import { createServer, type IncomingMessage, request, type Server } from "node:http";
import { keepIdleConnectionsLongerThanClients } from "./keep-alive";
import { localOrigin } from "./local-origin";
import { readBodyUpTo } from "./read-body";
import { browserUpload, isBrowserUpload, responseOverrides, s3Error } from "./s3-browser";
import { type Credentials, sigV4Problem } from "./sigv4";

/** fauxqs's own limit (11 MiB): S3 parts and SQS messages fit; anything bigger is refused here. */
const MAX_BODY = 11 * 1_048_576;

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, PUT, POST, HEAD",
  "access-control-allow-headers": "*",
  "access-control-expose-headers": "etag",
  "access-control-max-age": "600",
};

/**
 * The one door to fauxqs (SQS and S3), which itself listens only on a Unix socket in a private
 * directory. As AWS does, the door refuses what is not signed with the stack's credentials
 * (403), so nobody can read or delete documents without a presigned link. It also answers the
 * browser's CORS preflight for presigned uploads, as the bucket's CORS rules do in AWS, and
 * does what S3 does for browsers and fauxqs does not (`s3-browser.ts`): presigned POST uploads
 * with their policy enforced, and a presigned GET's response headers.
 */
export async function startAwsGateway(options: {
  socketPath: string;
  host: string;
  port: number;
  credentials: Credentials;
}): Promise<{ url: string; server: Server; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS).end();
      return;
    }
    readBodyUpTo(req, MAX_BODY)
      .then(async (body) => {
        if (!body) {
          res.writeHead(413, CORS).end();
          return;
        }
        const wire = {
          method: req.method ?? "GET",
          url: req.url ?? "/",
          headers: req.headers,
          body,
        };
        if (isBrowserUpload(wire)) {
          const upload = await browserUpload(wire, options.credentials);
          if ("refused" in upload) {
            const { status, code, message } = upload.refused;
            res.writeHead(status, { ...CORS, "content-type": "application/xml" });
            res.end(s3Error(code, message));
            return;
          }
          const { path, contentType, body: file } = upload.put;
          const headers = { "content-type": contentType, "content-length": String(file.length) };
          const put = { method: "PUT", path, headers, body: file };
          forward(options.socketPath, put, (answer) => {
            // S3 answers a POST upload 204 by default (no success_action_status).
            const stored = (answer.statusCode ?? 502) < 300;
            res.writeHead(stored ? 204 : (answer.statusCode ?? 502), {
              ...CORS,
              etag: answer.headers.etag ?? "",
            });
            answer.resume();
            res.end();
          }).on("error", () => res.writeHead(502, CORS).end());
          return;
        }
        const problem = await sigV4Problem(wire, options.credentials);
        if (problem) {
          res.writeHead(403, { ...CORS, "content-type": "application/xml" });
          res.end(s3Error("AccessDenied", problem));
          return;
        }
        const overrides = responseOverrides(wire);
        const upstream = { method: wire.method, path: wire.url, headers: req.headers, body };
        forward(options.socketPath, upstream, (answer) => {
          const ok = (answer.statusCode ?? 502) < 300;
          res.writeHead(answer.statusCode ?? 502, {
            ...answer.headers,
            ...CORS,
            ...(ok ? overrides : {}),
          });
          answer.pipe(res);
        }).on("error", () => {
          if (!res.headersSent) res.writeHead(502, CORS);
          res.end();
        });
      })
      .catch(() => res.destroy());
  });
  keepIdleConnectionsLongerThanClients(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: localOrigin(options.host, port),
    server,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Sends a request to fauxqs on its socket. */
function forward(
  socketPath: string,
  r: { method: string; path: string; headers: IncomingMessage["headers"]; body: Buffer },
  onAnswer: (answer: IncomingMessage) => void,
) {
  const sent = request(
    { socketPath, method: r.method, path: r.path, headers: r.headers },
    onAnswer,
  );
  sent.end(r.body);
  return sent;
}

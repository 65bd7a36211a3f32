import { createServer, request, type Server } from "node:http";
import { keepIdleConnectionsLongerThanClients } from "./keep-alive";
import { localOrigin } from "./local-origin";
import { readBodyUpTo } from "./read-body";
import { type Credentials, sigV4Problem } from "./sigv4";

/** fauxqs's own limit (11 MiB): S3 parts and SQS messages fit; anything bigger is refused here. */
const MAX_BODY = 11 * 1_048_576;

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, PUT, HEAD",
  "access-control-allow-headers": "*",
  "access-control-expose-headers": "etag",
  "access-control-max-age": "600",
};

/**
 * The one door to fauxqs (SQS and S3), which itself listens only on a Unix socket in a private
 * directory. As AWS does, the door refuses what is not signed with the stack's credentials
 * (403), so nobody can read or delete documents without a presigned link. It also answers the
 * browser's CORS preflight for presigned uploads, as the bucket's CORS rules do in AWS.
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
        const problem = await sigV4Problem(
          { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body },
          options.credentials,
        );
        if (problem) {
          res.writeHead(403, { ...CORS, "content-type": "application/xml" });
          res.end(
            `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${problem}</Message></Error>`,
          );
          return;
        }
        const forward = request(
          { socketPath: options.socketPath, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...CORS });
            answer.pipe(res);
          },
        );
        forward.on("error", () => {
          if (!res.headersSent) res.writeHead(502, CORS);
          res.end();
        });
        forward.end(body);
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

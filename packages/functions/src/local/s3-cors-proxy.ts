import { createServer, request } from "node:http";

/**
 * fauxqs answers no CORS preflight, so a browser could not PUT an upload to it from the form's
 * origin. In AWS the bucket's CORS rules allow it; locally this proxy in front of fauxqs does:
 * it answers preflights and adds the CORS headers, and passes everything else through as is.
 */
export async function startS3CorsProxy(
  target: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const upstream = new URL(target);
  const cors = {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, PUT, HEAD",
    "access-control-allow-headers": "*",
    "access-control-expose-headers": "etag",
    "access-control-max-age": "600",
  };
  const server = createServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors).end();
      return;
    }
    const forward = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...cors });
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.writeHead(502, cors).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

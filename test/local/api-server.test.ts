import { mkdtemp, writeFile } from "node:fs/promises";
import { Agent, request as httpRequest, type OutgoingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHandler,
  type ApiServer,
  startApiServer,
} from "../../packages/functions/src/local/api-server";
import fixture from "./fixtures/api-gateway-v2-event.json" with { type: "json" };

// The fixture is the payload format 2.0 example of the API Gateway developer guide ("Create AWS
// Lambda proxy integrations for HTTP APIs"), with the request headers AWS adds, and without
// `authentication`, `authorizer` and `stageVariables`, which AWS only sends when mutual TLS, an
// authorizer or stage variables are configured (Entraide uses none).

let server: ApiServer;
let events: APIGatewayProxyEventV2[] = [];
const echo: ApiHandler = async (event) => {
  events.push(event);
  return { statusCode: 200, body: "" };
};
const routes: Record<string, ApiHandler | undefined> = {
  "POST /my/path/{id}": echo,
  "GET /api/requests/{id}": echo,
  "GET /api/requests/current": echo,
  "PUT /files/{path+}": echo,
  "GET /api/object": async () => ({ id: "r1", amountCents: 1200 }),
  "GET /api/cookies": async () => ({
    statusCode: 201,
    headers: { "X-Custom": "yes", "content-type": "application/pdf" },
    cookies: ["a=1; Path=/", "b=2; HttpOnly"],
    body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]).toString("base64"),
    isBase64Encoded: true,
  }),
  "GET /api/throws": async () => {
    throw new Error("secret detail");
  },
  "GET /api/missing": undefined,
};
let staticDir: string;
/** Only named in the pages' policy; nothing listens there. */
const UPLOAD_ORIGIN = "http://127.0.0.1:45999";

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), "entraide-web-"));
  await writeFile(join(staticDir, "index.html"), "<!doctype html><title>Entraide</title>");
  server = await startApiServer({
    port: 0,
    routes,
    staticDir,
    uploadOrigin: UPLOAD_ORIGIN,
    log: () => undefined,
  });
});
afterAll(() => server.stop());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(
  method: string,
  path: string,
  headers: OutgoingHttpHeaders = {},
  body?: Buffer,
  agent?: Agent,
): Promise<Answer & { reusedSocket: boolean }> {
  events = [];
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.url.replace("localhost", "127.0.0.1")}${path}`,
      { method, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks),
            reusedSocket: req.reusedSocket,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Each key with the type of its value, nested objects flattened to dotted paths. */
function shape(value: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value as object)) {
    const path = prefix + key;
    const isMap = ["headers", "queryStringParameters", "pathParameters"].includes(path);
    if (v !== null && typeof v === "object" && !Array.isArray(v) && !isMap)
      Object.assign(out, shape(v, `${path}.`));
    else out[path] = Array.isArray(v) ? "array" : typeof v;
  }
  return out;
}

describe("local API server events", () => {
  it("builds the same event as API Gateway HTTP API v2 for a JSON request with path parameters, query, cookies and repeated headers", async () => {
    // Prepare
    const body = Buffer.from(JSON.stringify({ hello: "world" }));
    // Act
    await send(
      "POST",
      "/my/path/42?parameter1=value1&parameter1=value2&parameter2=value",
      {
        "content-type": "application/json",
        header2: ["value1", "value2"],
        Cookie: "cookie1=a; cookie2=b",
        "User-Agent": "curl/8.5.0",
      },
      body,
    );
    // Assess
    const event = events[0]!;
    expect(shape(event)).toEqual(shape(fixture));
    expect(event).toMatchObject({
      version: "2.0",
      routeKey: "POST /my/path/{id}",
      rawPath: "/my/path/42",
      rawQueryString: fixture.rawQueryString,
      cookies: fixture.cookies,
      queryStringParameters: fixture.queryStringParameters,
      pathParameters: { id: "42" },
      body: fixture.body,
      isBase64Encoded: false,
      requestContext: {
        routeKey: "POST /my/path/{id}",
        stage: "$default",
        http: {
          method: "POST",
          path: "/my/path/42",
          protocol: "HTTP/1.1",
          sourceIp: "127.0.0.1",
          userAgent: "curl/8.5.0",
        },
      },
    });
    expect(event.headers).toMatchObject({
      header2: "value1,value2",
      "content-type": "application/json",
      "user-agent": "curl/8.5.0",
    });
    expect(event.headers.cookie).toBeUndefined();
    expect(Object.keys(event.headers).every((h) => h === h.toLowerCase())).toBe(true);
    expect(event.requestContext.time).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(Math.abs(event.requestContext.timeEpoch - Date.now())).toBeLessThan(5000);
    expect(event.requestContext.requestId).toMatch(/\S{8,}/);
  });

  it("gives each request its own request id", async () => {
    // Act
    await send("GET", "/api/requests/a");
    const first = events[0]!.requestContext.requestId;
    await send("GET", "/api/requests/a");
    // Assess
    expect(events[0]!.requestContext.requestId).not.toBe(first);
  });

  it("base64-encodes a binary body and marks it so", async () => {
    // Prepare
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xfe, 0x80]);
    // Act
    await send("POST", "/my/path/doc", { "content-type": "application/pdf" }, pdf);
    const pdfEvent = events[0]!;
    await send("POST", "/my/path/doc", { "content-type": "application/octet-stream" }, pdf);
    // Assess
    expect(pdfEvent.isBase64Encoded).toBe(true);
    expect(Buffer.from(pdfEvent.body!, "base64")).toEqual(pdf);
    expect(events[0]!.isBase64Encoded).toBe(true);
    expect(Buffer.from(events[0]!.body!, "base64")).toEqual(pdf);
  });

  it("leaves out body, query, cookies and path parameters a request does not have, as AWS does", async () => {
    // Act
    await send("GET", "/api/requests/current");
    // Assess
    const event = events[0]!;
    expect(event.routeKey).toBe("GET /api/requests/current");
    expect(event.rawQueryString).toBe("");
    for (const key of ["body", "queryStringParameters", "cookies", "pathParameters"]) {
      expect(event).not.toHaveProperty(key);
    }
    expect(event.isBase64Encoded).toBe(false);
  });

  it("matches path parameters like API Gateway: one decoded segment, greedy with +, nothing else", async () => {
    // Act
    await send("GET", "/api/requests/r%201");
    const single = events[0]!;
    await send("PUT", "/files/a/b/c.pdf");
    const greedy = events[0]!;
    const tooDeep = await send("GET", "/api/requests/r1/extra");
    const wrongMethod = await send("DELETE", "/api/requests/r1");
    // Assess
    expect(single.pathParameters).toEqual({ id: "r 1" });
    expect(single.rawPath).toBe("/api/requests/r%201");
    expect(greedy.pathParameters).toEqual({ path: "a/b/c.pdf" });
    expect(tooDeep.status).toBe(404);
    expect(JSON.parse(wrongMethod.body.toString())).toEqual({ message: "Not Found" });
  });
});

describe("local API server responses", () => {
  it("answers a plain object result with 200 JSON, as API Gateway does", async () => {
    // Act
    const answer = await send("GET", "/api/object");
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(answer.body.toString())).toEqual({ id: "r1", amountCents: 1200 });
  });

  it("sends status, headers, each cookie as set-cookie and a decoded base64 body", async () => {
    // Act
    const answer = await send("GET", "/api/cookies");
    // Assess
    expect(answer.status).toBe(201);
    expect(answer.headers["x-custom"]).toBe("yes");
    expect(answer.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; HttpOnly"]);
    expect(answer.body).toEqual(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]));
  });

  it("answers 500 without details when a handler throws", async () => {
    // Act
    const answer = await send("GET", "/api/throws");
    // Assess
    expect(answer.status).toBe(500);
    expect(answer.body.toString()).not.toContain("secret");
  });

  it("answers 501 with a JSON error for a route whose handler is not written yet", async () => {
    // Act
    const answer = await send("GET", "/api/missing");
    // Assess
    expect(answer.status).toBe(501);
    expect(JSON.parse(answer.body.toString()).error.code).toBe("not-implemented");
  });

  it("serves the static site for other paths and nothing outside it", async () => {
    // Act
    const index = await send("GET", "/");
    const traversal = await send("GET", "/..%2f..%2fetc%2fpasswd");
    // Assess
    expect(index.status).toBe(200);
    expect(index.headers["content-type"]).toContain("text/html");
    expect(index.body.toString()).toContain("Entraide");
    expect(traversal.status).toBe(404);
  });

  it("sends the security headers CloudFront's policy sets on the pages: no framing, no sniffing, no referrer", async () => {
    // Act
    const index = await send("GET", "/");
    const missing = await send("GET", "/nothing-here.html");
    // Assess
    const policy = String(index.headers["content-security-policy"]);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain(`connect-src 'self' ${UPLOAD_ORIGIN}`);
    expect(index.headers["x-frame-options"]).toBe("DENY");
    expect(index.headers["x-content-type-options"]).toBe("nosniff");
    expect(index.headers["referrer-policy"]).toBe("no-referrer");
    expect(index.headers["strict-transport-security"]).toBe(
      "max-age=63072000; includeSubDomains; preload",
    );
    expect(missing.status).toBe(404);
  });
});

describe("local API server limits", () => {
  const TEN_MB = 10 * 1024 * 1024;

  it("answers 413 to a body over API Gateway's 10 MB without calling the handler, and passes one of 10 MB", async () => {
    // Act
    const tooLarge = await send("POST", "/my/path/1", {}, Buffer.alloc(TEN_MB + 1, 0x61));
    const calledForTooLarge = events.length;
    const atLimit = await send("POST", "/my/path/1", {}, Buffer.alloc(TEN_MB, 0x61));
    // Assess
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body.toString())).toEqual({ message: "Request Entity Too Large" });
    expect(calledForTooLarge).toBe(0);
    expect(atLimit.status).toBe(200);
    const received = events[0]!;
    expect(Buffer.from(received.body!, received.isBase64Encoded ? "base64" : "utf8")).toHaveLength(
      TEN_MB,
    );
  });

  it("answers 413 to a chunked body that grows past 10 MB, without a content-length to go by", async () => {
    // Act
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url.replace("localhost", "127.0.0.1")}/my/path/1`, {
        method: "POST",
        headers: { "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x62);
      for (let i = 0; i < 11; i++) req.write(chunk);
      req.end();
    });
    // Assess
    expect(answer).toBe(413);
  });

  it("keeps an idle keep-alive connection longer than clients do, and says so, so no client reuses a closing socket", async () => {
    // Prepare
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // Act
    const first = await send("GET", "/api/object", {}, undefined, agent);
    // Longer than Node's default server keep-alive (5 s), which closed sockets undici still reused.
    await new Promise((r) => setTimeout(r, 5_500));
    const second = await send("GET", "/api/object", {}, undefined, agent);
    agent.destroy();
    // Assess
    expect(first.headers["keep-alive"]).toBe("timeout=65");
    expect(second.status).toBe(200);
    expect(second.reusedSocket).toBe(true);
  }, 15_000);
});

import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError, NotFoundError, ValidationError } from "../../packages/core/src/errors";
import { created, http } from "../../packages/functions/src/http/http";
import { toApiEvent } from "../../packages/functions/src/local/api-event";
import { fixtureCode } from "../support/error-codes";

function event(
  body: string | Buffer | undefined,
  headers: Record<string, string> = {},
  id = "r1",
): APIGatewayProxyEventV2 {
  return toApiEvent(
    {
      method: "POST",
      url: `/api/requests/${id}`,
      headers: Object.fromEntries(
        Object.entries({ "content-type": "application/json", ...headers }).map(([k, v]) => [
          k,
          [v],
        ]),
      ),
      body: Buffer.isBuffer(body) ? body : Buffer.from(body ?? ""),
      sourceIp: "127.0.0.1",
      httpVersion: "1.1",
      localPort: 3000,
    },
    { routeKey: "POST /api/requests/{id}", pathParameters: { id } },
    new Date(),
  );
}

const schemas = {
  body: z.object({ amountCents: z.number().int().positive() }),
  params: z.object({ id: z.string().min(2) }),
};

describe("http() helper for thin handlers", () => {
  it("passes the parsed body, path parameters, bearer token and idempotency key, and answers JSON with security headers", async () => {
    // Prepare
    const handler = http(schemas, async (input, request) =>
      created({ ...input, token: request.bearerToken, key: request.idempotencyKey }),
    );
    // Act
    const result = await handler(
      event('{"amountCents":1200}', { authorization: "Bearer abc.def", "idempotency-key": "k-1" }),
    );
    // Assess
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body!)).toEqual({
      body: { amountCents: 1200 },
      params: { id: "r1" },
      token: "abc.def",
      key: "k-1",
    });
    expect(result.headers).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  });

  it("answers a plain value with 200", async () => {
    // Act
    const result = await http({}, async () => ({ ok: true }))(event(undefined));
    // Assess
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body!)).toEqual({ ok: true });
  });

  it("answers 400 with every invalid field when the input does not match the schemas", async () => {
    // Act
    const result = await http(
      schemas,
      async () => "unreached",
    )(event('{"amountCents":-5}', {}, "x"));
    // Assess
    expect(result.statusCode).toBe(400);
    const { errors } = JSON.parse(result.body!);
    expect(errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "amountCents",
      "params.id",
    ]);
    for (const e of errors)
      expect(e).toEqual({
        path: expect.any(String),
        code: expect.any(String),
        message: expect.any(String),
      });
  });

  it("answers 400 for a body that is not JSON", async () => {
    // Act
    const result = await http(schemas, async () => "unreached")(event("{amountCents: 12"));
    // Assess
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body!).error.code).toBe("input.malformed-json");
  });

  it("reads a base64-encoded JSON body", async () => {
    // Act
    const result = await http(
      schemas,
      async ({ body }) => body,
    )(event(Buffer.from('{"amountCents":7}'), { "content-type": "application/octet-stream" }));
    // Assess
    expect(JSON.parse(result.body!)).toEqual({ amountCents: 7 });
  });

  it("maps Entraide errors to their status and code, and validation errors to 400 {errors}", async () => {
    // Act
    const notFound = await http({}, async () => {
      throw new NotFoundError("request");
    })(event(undefined));
    const conflict = await http({}, async () => {
      throw new ConflictError(fixtureCode("request.duplicate"), "another request uses this key");
    })(event(undefined));
    const invalid = await http({}, async () => {
      throw new ValidationError([{ path: "iban", code: "iban", message: "IBAN invalide" }]);
    })(event(undefined));
    // Assess
    expect([notFound.statusCode, JSON.parse(notFound.body!)]).toEqual([
      404,
      { error: { code: "request.not-found", message: "request not found" } },
    ]);
    expect([conflict.statusCode, JSON.parse(conflict.body!).error.code]).toEqual([
      409,
      "request.duplicate",
    ]);
    expect([invalid.statusCode, JSON.parse(invalid.body!)]).toEqual([
      400,
      { errors: [{ path: "iban", code: "iban", message: "IBAN invalide" }] },
    ]);
  });

  it("answers 500 internal without the message or stack of an unexpected error", async () => {
    // Act
    const result = await http({}, async () => {
      throw new TypeError("cannot read secretField of undefined");
    })(event(undefined));
    // Assess
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body!)).toEqual({
      error: { code: "server.internal", message: "internal error" },
    });
  });
});

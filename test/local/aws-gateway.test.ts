import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { ListQueuesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestStack, type TestStack } from "../support/stack";

// The emulators of the global setup: fauxqs behind the signature-checking gateway.
let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});

const key = () => `documents/${crypto.randomUUID()}`;
const bytes = Buffer.from(`%PDF-1.7 ${crypto.randomUUID()}`);

describe("local AWS endpoint (SQS and S3)", () => {
  it("serves requests the SDK signed with the stack's credentials, and presigned links", async () => {
    // Prepare
    const Key = key();
    await stack.clients.s3.send(
      new PutObjectCommand({ Bucket: stack.config.bucket, Key, Body: bytes }),
    );
    const link = await getSignedUrl(
      stack.clients.s3,
      new GetObjectCommand({ Bucket: stack.config.bucket, Key }),
      { expiresIn: 60 },
    );
    // Act
    const read = await fetch(link);
    const queues = await stack.clients.sqs.send(new ListQueuesCommand({}));
    // Assess
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer()).equals(bytes)).toBe(true);
    expect(queues.QueueUrls).toContain(stack.config.queueUrl);
  });

  it("refuses unsigned reads, lists and deletes, other credentials, and altered or expired links", async () => {
    // Prepare
    const Key = key();
    const { bucket } = stack.config;
    const s3 = stack.config.endpoints.s3!;
    await stack.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: bytes }));
    const link = await getSignedUrl(
      stack.clients.s3,
      new GetObjectCommand({ Bucket: bucket, Key }),
      { expiresIn: 60 },
    );
    const stranger = { accessKeyId: "local", secretAccessKey: "guessed" };
    const expired = await getSignedUrl(
      stack.clients.s3,
      new GetObjectCommand({ Bucket: bucket, Key }),
      { expiresIn: 1, signingDate: new Date(Date.now() - 60_000) },
    );
    // Act
    const unsigned = {
      get: await fetch(`${s3}/${bucket}/${Key}`),
      list: await fetch(`${s3}/${bucket}?list-type=2`),
      delete: await fetch(`${s3}/${bucket}/${Key}`, { method: "DELETE" }),
    };
    const otherKey = await fetch(link.replace(Key, key()));
    const stale = await fetch(expired);
    const strangerS3 = await new S3Client({
      region: stack.config.region,
      endpoint: s3,
      forcePathStyle: true,
      credentials: stranger,
    })
      .send(new GetObjectCommand({ Bucket: bucket, Key }))
      .catch(
        (error: { $metadata?: { httpStatusCode?: number } }) => error.$metadata?.httpStatusCode,
      );
    const strangerSqs = await new SQSClient({
      region: stack.config.region,
      endpoint: stack.config.endpoints.sqs,
      credentials: stranger,
    })
      .send(new ListQueuesCommand({}))
      .catch(
        (error: { $metadata?: { httpStatusCode?: number } }) => error.$metadata?.httpStatusCode,
      );
    const still = await fetch(link);
    // Assess
    expect(unsigned.get.status).toBe(403);
    expect(await unsigned.get.text()).toContain("AccessDenied");
    expect(unsigned.list.status).toBe(403);
    expect(unsigned.delete.status).toBe(403);
    expect(otherKey.status).toBe(403);
    expect(stale.status).toBe(403);
    expect(strangerS3).toBe(403);
    expect(strangerSqs).toBe(403);
    expect(still.status).toBe(200);
  });

  it("answers the browser's CORS preflight for a presigned upload", async () => {
    // Act
    const answer = await fetch(`${stack.config.endpoints.s3}/${stack.config.bucket}/${key()}`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "PUT" },
    });
    // Assess
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-methods")).toContain("PUT");
  });
});

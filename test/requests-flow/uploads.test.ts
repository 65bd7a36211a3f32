import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { createClients } from "../../packages/core/src/aws/clients";
import {
  downloadLinks,
  inspectDocument,
  isUploaded,
} from "../../packages/core/src/documents/documents";
import { planConfig } from "../../packages/core/src/plan/config";
import { admins, contractBody, flowStack, pdf, postUpload } from "./support";

/** Starts as a PDF, and a browser sniffing for HTML would render the rest. */
const polyglot = Buffer.from(
  "%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n",
);

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

/** `POST /api/documents` for `bytes` declared as `contentType`. */
async function register(bytes: Buffer, contentType = "application/pdf", fileName = "contrat.pdf") {
  const created = await f.api.call("POST", "/api/documents", {
    body: { fileName, contentType, size: bytes.length },
  });
  expect(created.status).toBe(201);
  return created.body as {
    documentId: string;
    upload: { url: string; fields: Record<string, string> };
    expiresAt: string;
  };
}

const policyOf = (fields: Record<string, string>) =>
  JSON.parse(Buffer.from(fields.Policy!, "base64").toString("utf8")) as {
    expiration: string;
    conditions: unknown[];
  };

/** Puts an object straight into the bucket, as a presigned PUT binding only the host allowed. */
async function putDirectly(key: string, bytes: Buffer, contentType: string) {
  await f.stack.clients.s3.send(
    new PutObjectCommand({
      Bucket: f.stack.config.bucket,
      Key: key,
      Body: bytes,
      ContentType: contentType,
    }),
  );
}

describe("uploads by presigned POST", () => {
  it("the upload's policy binds the declared size (within the plan's maximum), the declared type and the document's key, for 15 minutes", async () => {
    // Act
    const { documentId, upload, expiresAt } = await register(pdf);

    // Assess
    const policy = policyOf(upload.fields);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ["content-length-range", pdf.length, pdf.length],
        { "Content-Type": "application/pdf" },
        { key: `uploads/${documentId}` },
        { bucket: f.stack.config.bucket },
      ]),
    );
    expect(pdf.length).toBeLessThanOrEqual(planConfig.documents.maxBytes);
    const minutes = (Date.parse(policy.expiration) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    expect(upload.fields["X-Amz-Signature"]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("S3 refuses a file larger or smaller than declared, and keeps nothing of it", async () => {
    // Prepare
    const larger = await register(pdf);
    const smaller = await register(pdf);

    // Act
    const tooLarge = await postUpload(larger.upload, Buffer.concat([pdf, pdf]), "application/pdf");
    const tooSmall = await postUpload(smaller.upload, pdf.subarray(0, 10), "application/pdf");

    // Assess
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.text()).toContain("<Code>EntityTooLarge</Code>");
    expect(tooSmall.status).toBe(400);
    expect(await tooSmall.text()).toContain("<Code>EntityTooSmall</Code>");
    expect(await isUploaded(f.stack, larger.documentId)).toBe(false);
    expect(await isUploaded(f.stack, smaller.documentId)).toBe(false);
  });

  it("a PDF/HTML polyglot posted as text/html is refused: the form must carry the declared type", async () => {
    // Prepare
    const { documentId, upload } = await register(polyglot);

    // Act
    const answer = await postUpload(
      { ...upload, fields: { ...upload.fields, "Content-Type": "text/html" } },
      polyglot,
      "text/html",
    );

    // Assess
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain("Policy Condition failed");
    expect(await isUploaded(f.stack, documentId)).toBe(false);
  });

  it("a policy rewritten in the browser (a larger size allowed) is refused for its signature", async () => {
    // Prepare
    const { documentId, upload } = await register(pdf);
    const policy = policyOf(upload.fields);
    const widened = {
      ...policy,
      conditions: policy.conditions.map((c) =>
        Array.isArray(c) && c[0] === "content-length-range" ? [c[0], 1, 10 ** 10] : c,
      ),
    };
    const Policy = Buffer.from(JSON.stringify(widened)).toString("base64");

    // Act
    const answer = await postUpload(
      { ...upload, fields: { ...upload.fields, Policy } },
      Buffer.concat([pdf, pdf]),
      "application/pdf",
    );

    // Assess
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(await isUploaded(f.stack, documentId)).toBe(false);
  });

  it("a PDF/HTML polyglot stored as text/html is kept and served as a PDF, as an attachment under a .pdf name", async () => {
    // Prepare: the object as a PUT binding only the host let a member store it.
    const { documentId } = await register(polyglot, "application/pdf", "Annexe.cmd");
    await putDirectly(`uploads/${documentId}`, polyglot, "text/html");
    const submitted = await f.submit(contractBody([documentId]));

    // Act
    const [link] = await downloadLinks(f.stack, [documentId]);
    const served = await fetch(link!.url);

    // Assess
    expect(submitted.status).toBe(201);
    expect(link!.name).toBe("Annexe.cmd.pdf");
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toBe(
      "attachment; filename*=UTF-8''Annexe.cmd.pdf",
    );
    const url = new URL(link!.url);
    expect(url.searchParams.get("response-content-type")).toBe("application/pdf");
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("host");
    expect(Buffer.from(await served.arrayBuffer())).toEqual(polyglot);
  });

  it("a document that is not what it was declared is served as bytes to save, never as the declared type", async () => {
    // Prepare
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const { documentId } = await register(html, "application/pdf", "facture.pdf");
    await putDirectly(`uploads/${documentId}`, html, "text/html");
    await f.submit(contractBody([documentId]));

    // Act
    const [link] = await downloadLinks(f.stack, [documentId]);
    const served = await fetch(link!.url);

    // Assess
    expect(link!.name).toBe("facture.pdf.bin");
    expect(served.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment; /);
  });
});

describe("the worker inspecting a document", () => {
  /** The worker's S3 client, recording each command it sends. */
  function recordingDeps() {
    const clients = createClients(f.stack.config);
    const sent: { command: string; input: Record<string, unknown> }[] = [];
    clients.s3.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push({
          command: context.commandName as string,
          input: args.input as Record<string, unknown>,
        });
        return next(args);
      },
      { step: "initialize" },
    );
    return { deps: { ...f.stack, clients }, sent };
  }

  it("reads the size and the type by one ranged GET of the first bytes, no HEAD; a kept document is read where it is kept", async () => {
    // Prepare
    const { documentId, upload } = await register(pdf);
    expect((await postUpload(upload, pdf, "application/pdf")).status).toBe(204);
    const { deps, sent } = recordingDeps();

    // Act
    const meta = await inspectDocument(deps, documentId, planConfig.documents.maxBytes);
    const first = sent.splice(0);
    const again = await inspectDocument(deps, documentId, planConfig.documents.maxBytes);

    // Assess
    expect(meta).toMatchObject({ size: pdf.length, sniffedType: "pdf", fileName: "contrat.pdf" });
    expect(meta?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The ranged GET of the upload, the copy kept, the whole kept object hashed: nothing else.
    expect(first.map((s) => s.command)).toEqual([
      "GetObjectCommand",
      "CopyObjectCommand",
      "GetObjectCommand",
    ]);
    expect(first[0]?.input).toMatchObject({ Key: `uploads/${documentId}`, Range: "bytes=0-7" });
    expect(again).toEqual(meta);
    expect(sent.map((s) => s.command)).toEqual(["GetObjectCommand", "GetObjectCommand"]);
    expect(sent[0]?.input).toMatchObject({ Key: `documents/${documentId}`, Range: "bytes=0-7" });
  });

  it("refuses an object larger than the plan allows: it reads only its first bytes, keeps nothing and the documents check fails", async () => {
    // Prepare: an object S3's policy would have refused, put there by other means.
    const maxBytes = 1_000;
    const big = Buffer.concat([pdf, Buffer.alloc(maxBytes)]);
    const { documentId } = await register(pdf);
    await putDirectly(`uploads/${documentId}`, big, "application/pdf");
    const { deps, sent } = recordingDeps();

    // Act
    const meta = await inspectDocument(deps, documentId, maxBytes);

    // Assess
    expect(meta).toMatchObject({ size: big.length, sniffedType: "pdf" });
    expect(meta?.sha256).toBeUndefined();
    expect(sent.filter((s) => s.command === "GetObjectCommand").map((s) => s.input.Range)).toEqual([
      "bytes=0-7",
    ]);
    expect(sent.map((s) => s.command)).not.toContain("CopyObjectCommand");
    expect(sent.map((s) => s.command)).not.toContain("HeadObjectCommand");
    const kept = await f.stack.clients.s3
      .send(
        new HeadObjectCommand({ Bucket: f.stack.config.bucket, Key: `documents/${documentId}` }),
      )
      .catch((e: Error) => e.name);
    expect(kept).toBe("NotFound");
  });

  it("a request whose document is larger than the plan allows is sent back to the member, not to the approvers", async () => {
    // Prepare
    const big = Buffer.concat([pdf, Buffer.alloc(planConfig.documents.maxBytes)]);
    const { documentId } = await register(pdf);
    await putDirectly(`uploads/${documentId}`, big, "application/pdf");

    // Act
    const submitted = await f.submit(contractBody([documentId]));

    // Assess
    const view = await f.view(submitted.body.id, submitted.body.statusUrl);
    expect(view.status).toBe("needs-info");
    expect(JSON.stringify(view)).toContain("contrat.pdf");
    expect((await f.inbox(admins[0]!)).some((m) => m.subject.includes(submitted.body.id))).toBe(
      false,
    );
  });
});

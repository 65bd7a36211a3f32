import { appendFile, mkdtemp, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { SESClient, SendEmailCommand } from "@aws-sdk/client-ses";
import type sesServerType from "aws-ses-v2-local";
import { describe, expect, it } from "vitest";
import { keepInboxIn } from "../../packages/functions/src/local/file-inbox";
import { buildFauxqs } from "../../packages/functions/src/local/file-s3-store";

const sesServer: typeof sesServerType = createRequire(import.meta.url)("aws-ses-v2-local").default;

/** fauxqs with the file store, on a free loopback port (the gateway is tested on its own). */
async function s3On(dir: string) {
  const app = await buildFauxqs(dir);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const client = new S3Client({
    region: "eu-west-1",
    endpoint: address,
    forcePathStyle: true,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  return { client, close: () => app.close() };
}

describe("file-backed local S3", () => {
  it("finds after a restart the objects, copies, content types and deletions of the run before", async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), "entraide-s3-"));
    const Bucket = "entraide-documents";
    const document = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a]);
    const first = await s3On(dir);
    await first.client.send(new CreateBucketCommand({ Bucket }));
    await first.client.send(
      new PutObjectCommand({
        Bucket,
        Key: "uploads/a b/é.pdf",
        Body: document,
        ContentType: "application/pdf",
      }),
    );
    await first.client.send(
      new CopyObjectCommand({
        Bucket,
        Key: "kept/é.pdf",
        CopySource: `${Bucket}/uploads/a b/é.pdf`,
      }),
    );
    await first.client.send(new PutObjectCommand({ Bucket, Key: "gone.txt", Body: "x" }));
    await first.client.send(new DeleteObjectCommand({ Bucket, Key: "gone.txt" }));
    await first.close();
    // Act
    const second = await s3On(dir);
    const kept = await second.client.send(new GetObjectCommand({ Bucket, Key: "kept/é.pdf" }));
    const keptBytes = Buffer.from(await kept.Body!.transformToByteArray());
    const head = await second.client.send(
      new HeadObjectCommand({ Bucket, Key: "uploads/a b/é.pdf" }),
    );
    const listed = await second.client.send(new ListObjectsV2Command({ Bucket }));
    const gone = await second.client
      .send(new GetObjectCommand({ Bucket, Key: "gone.txt" }))
      .catch((error: { name: string }) => error.name);
    await second.close();
    // Assess
    expect(keptBytes.equals(document)).toBe(true);
    expect(head.ContentType).toBe("application/pdf");
    expect(head.ContentLength).toBe(document.length);
    expect(listed.Contents?.map((o) => o.Key).sort()).toEqual(["kept/é.pdf", "uploads/a b/é.pdf"]);
    expect(gone).toBe("NoSuchKey");
  });
});

/** A relay that speaks just enough SMTP to accept mail, and keeps what it was given. */
async function smtpRelay() {
  const received: string[] = [];
  const server = createServer((socket) => {
    let data = false;
    let message = "";
    socket.write("220 relay.test ESMTP\r\n");
    socket.on("data", (chunk) => {
      for (const line of chunk.toString().split("\r\n")) {
        if (data) {
          if (line === ".") {
            data = false;
            received.push(message);
            socket.write("250 queued\r\n");
          } else message += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 relay.test\r\n");
        else if (/^(MAIL|RCPT)/i.test(line)) socket.write("250 ok\r\n");
        else if (/^DATA/i.test(line)) {
          data = true;
          message = "";
          socket.write("354 go on\r\n");
        } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    received,
    close: () => server.close(),
  };
}

describe("local inbox", () => {
  it("keeps every email across restarts, skips a line a crash tore, and hands each to the SMTP relay", async () => {
    // Prepare
    const file = join(await mkdtemp(join(tmpdir(), "entraide-inbox-")), "inbox.jsonl");
    const relay = await smtpRelay();
    process.env.SMTP_TRANSPORT = JSON.stringify(`smtp://127.0.0.1:${relay.port}`);
    keepInboxIn(file);
    const ses = await sesServer({ port: 0, host: "127.0.0.1" });
    await new Promise<void>((resolve) =>
      ses.listening ? resolve() : ses.once("listening", resolve),
    );
    const endpoint = `http://127.0.0.1:${(ses.address() as { port: number }).port}`;
    const client = new SESClient({
      region: "eu-west-1",
      endpoint,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const send = (subject: string) =>
      client.send(
        new SendEmailCommand({
          Source: "entraide@smart.test",
          Destination: { ToAddresses: ["camille.dubois@example.org"] },
          Message: {
            Subject: { Data: subject },
            Body: { Text: { Data: `Votre lien : ${subject}` } },
          },
        }),
      );
    await send("Demande reçue");
    await send("Demande approuvée");
    await appendFile(file, '\n{"messageId":"torn-by-a-cra');
    // Act: the next run loads the file
    keepInboxIn(file);
    await send("Paiement effectué");
    const store = await (await fetch(`${endpoint}/store`)).json();
    for (let i = 0; i < 50 && relay.received.length < 3; i++)
      await new Promise((r) => setTimeout(r, 100));
    ses.close();
    relay.close();
    delete process.env.SMTP_TRANSPORT;
    // Assess
    expect(store.emails.map((e: { subject: string }) => e.subject)).toEqual([
      "Demande reçue",
      "Demande approuvée",
      "Paiement effectué",
    ]);
    expect((await readFile(file, "utf8")).split("\n").filter(Boolean)).toHaveLength(4);
    expect(relay.received).toHaveLength(3);
    // The relay is handed each email as SES accepts it, not necessarily in order.
    for (const subject of ["Demande re", "Demande approuv", "Paiement effectu"]) {
      const relayed = relay.received.filter((m) => m.includes(`Votre lien : ${subject}`));
      expect(relayed, subject).toHaveLength(1);
      expect(relayed[0]).toContain("To: camille.dubois@example.org");
    }
  });
});

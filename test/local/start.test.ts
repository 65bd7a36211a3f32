import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, describe, expect, it } from "vitest";
import { createClients } from "../../packages/core/src/aws/clients";
import { RuntimeConfig } from "../../packages/core/src/config";
import { freePort } from "../../packages/functions/src/local/emulators";
import { runBin } from "../support/cli";

const root = join(import.meta.dirname, "../..");
process.env.AWS_ACCESS_KEY_ID ??= "local";
process.env.AWS_SECRET_ACCESS_KEY ??= "local";
const tsx = join(root, "node_modules/.bin/tsx");
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s script in its own process group, as a terminal runs it (Ctrl-C reaches the group). */
function launch(env: Record<string, string>): Run {
  const child = spawn(tsx, ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c) => {
    out += c;
  });
  child.stderr!.on("data", (c) => {
    err += c;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function ready(run: Run, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (!run.stdout().includes("Press Ctrl-C to stop.")) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited: ${run.stderr()}`);
    if (Date.now() > until) throw new Error(`npm start not ready: ${run.stdout()} ${run.stderr()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function ctrlC(run: Run) {
  process.kill(-run.child.pid!, "SIGINT");
  return run.exited;
}

/** The whole process group at once, as a crash or an OOM killer would: nothing runs a handler. */
async function killNine(run: Run) {
  process.kill(-run.child.pid!, "SIGKILL");
  await run.exited;
  // java, in the same group, dies with it; wait until its port is released.
  while (spawnSync("pgrep", ["-g", String(run.child.pid)]).status === 0) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every TCP socket listening in the process group (node and DynamoDB Local's java): "addr:port". */
function listeningSockets(run: Run): string[] {
  const pids = spawnSync("pgrep", ["-g", String(run.child.pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .filter(Boolean);
  const lines = spawnSync("ss", ["-ltnpH"], { encoding: "utf8" }).stdout.split("\n");
  return lines
    .filter((line) => pids.some((pid) => line.includes(`pid=${pid},`)))
    .map((line) => line.trim().split(/\s+/)[3]!);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Processes whose command line names the data directory: DynamoDB Local's java, if left. */
function processesUsing(dir: string): string {
  return spawnSync("pgrep", ["-f", dir], { encoding: "utf8" }).stdout.trim();
}

async function stackEnv() {
  const dataDir = await mkdtemp(join(tmpdir(), "entraide-start-"));
  return {
    dataDir,
    env: {
      PORT: String(await freePort()),
      SES_PORT: String(await freePort()),
      AWS_EMULATOR_PORT: String(await freePort()),
      DYNAMODB_PORT: String(await freePort()),
      ENTRAIDE_DATA_DIR: dataDir,
    },
  };
}

const runs: Run[] = [];
afterAll(async () => {
  // A failed assertion must not leave a stack running.
  for (const run of runs) {
    if (run.child.exitCode === null && run.child.signalCode === null) await ctrlC(run);
  }
});

describe("npm start", () => {
  it("runs the stack, stops on Ctrl-C without leaving java behind, and keeps data for the next start", async () => {
    // Prepare
    const { dataDir, env } = await stackEnv();
    const item = { pk: "TEST#persistence", sk: "TEST", note: "written in the first run" };

    // Act: first run
    const first = launch(env);
    runs.push(first);
    await ready(first);
    const health = await fetch(`http://127.0.0.1:${env.PORT}/api/health`);
    const healthBody = await health.json();
    const plan = (await (await fetch(`http://127.0.0.1:${env.PORT}/api/plan`)).json()) as {
      planWindow: { from: string; to: string };
    };
    const inbox = await fetch(`http://127.0.0.1:${env.SES_PORT}/`);
    const config = RuntimeConfig.parse(
      JSON.parse(await readFile(join(dataDir, "local-config.json"), "utf8")),
    );
    const clients = createClients(config);
    await clients.ddb.send(new PutCommand({ TableName: config.table, Item: item }));
    const javaWhileRunning = processesUsing(dataDir);
    const firstExit = await ctrlC(first);
    const javaAfterStop = processesUsing(dataDir);

    // Act: second run
    const second = launch(env);
    runs.push(second);
    await ready(second);
    const config2 = RuntimeConfig.parse(
      JSON.parse(await readFile(join(dataDir, "local-config.json"), "utf8")),
    );
    const kept = await createClients(config2).ddb.send(
      new GetCommand({ TableName: config2.table, Key: { pk: item.pk, sk: item.sk } }),
    );
    const secondExit = await ctrlC(second);

    // Assess
    expect(first.stdout()).toContain(`http://localhost:${env.PORT}`);
    expect(first.stdout()).toContain(`http://localhost:${env.SES_PORT}`);
    expect(health.status).toBe(200);
    expect(healthBody).toMatchObject({ status: "ok", dynamodb: "ok", node: process.version });
    // The demo plan: its window includes the day the stack starts, and the start says it.
    expect(plan.planWindow.from <= today && today <= plan.planWindow.to).toBe(true);
    expect(first.stdout()).toContain(`plan window       ${plan.planWindow.from} to`);
    expect(inbox.status).toBe(200);
    expect(config.publicUrl).toBe(`http://localhost:${env.PORT}`);
    expect(javaWhileRunning).not.toBe("");
    expect(firstExit).toBe(0);
    expect(javaAfterStop).toBe("");
    expect(kept.Item).toEqual(item);
    expect(config2.tokenSecret).toBe(config.tokenSecret);
    expect(first.stdout() + first.stderr()).not.toContain(config.tokenSecret);
    expect(secondExit).toBe(0);
    expect(processesUsing(dataDir)).toBe("");
  }, 240_000);

  it("keeps the request, its document, the export and the inbox through kill -9 and through Ctrl-C, with every socket on loopback", async () => {
    // Prepare: a request submitted, approved and paid out in an exported batch, in a first run
    const { dataDir, env } = await stackEnv();
    const web = `http://127.0.0.1:${env.PORT}`;
    const call = async (method: string, path: string, body?: unknown, token?: string) => {
      const response = await fetch(`${web}${path}`, {
        method,
        headers: {
          "content-type": "application/json",
          "idempotency-key": crypto.randomUUID(),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    const inbox = async () =>
      (await (await fetch(`http://127.0.0.1:${env.SES_PORT}/store`)).json()).emails as {
        destination: { to: string[] };
        subject: string;
        body: { text?: string };
      }[];
    const mailsTo = async (to: string) =>
      (await inbox()).filter((m) => m.destination.to.some((t) => t.includes(to)));
    const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
    const pdf = Buffer.from(`%PDF-1.7\n${crypto.randomUUID()}\n%%EOF\n`);
    const member = "camille.dubois@example.org";

    const first = launch(env);
    runs.push(first);
    await ready(first);
    const sockets = listeningSockets(first);
    const created = await call("POST", "/api/documents", {
      fileName: "contrat.pdf",
      contentType: "application/pdf",
      size: pdf.length,
    });
    const { upload } = created.body as { upload: { url: string; fields: Record<string, string> } };
    const unsignedRead = await fetch(`${upload.url}/${upload.fields.key}`);
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }));
    const posted = await fetch(upload.url, { method: "POST", body: form });
    const contract = {
      type: "cancelled-contract",
      language: "fr",
      memberNumber: "M0001",
      email: member,
      iban: "BE21001234567803",
      activityId: "ACT-001",
      client: { name: "Théâtre de la Gare", email: "prod@theatre.example" },
      basis: "signed-contract",
      reference: "CDD-2020-117",
      // `npm start` runs the demo plan, whose window includes the days around today.
      workDays: [{ date: daysAgo(7) }],
      grossAmountCents: 45_000,
      cancellationDate: daysAgo(8),
      cancellationReason: "Confinement : représentations annulées",
      documents: [created.body.documentId],
      clientConsent: true,
    };
    const submitted = await call("POST", "/api/requests", contract);
    const id = submitted.body.id as string;
    const statusToken = decodeURIComponent(
      new URL(submitted.body.statusUrl).hash.match(/token=([^&]+)/)![1]!,
    );
    const decisionToken = await until("the approval email", async () => {
      const mail = (await mailsTo("admin.spectacle@smart.example.org")).find((m) =>
        m.subject.includes(id),
      );
      return mail?.body.text?.match(/decision\.html#token=([A-Za-z0-9_-]{43})/)?.[1];
    });
    /** A download link to the request's first document, signed now for an open decision token. */
    const signedDocument = async (token: string) => {
      const page = await call("GET", "/api/decisions/current", undefined, token);
      const documentId = page.body.request.documents[0].documentId as string;
      return (await call("GET", `/api/decisions/current/documents/${documentId}`, undefined, token))
        .body.url as string;
    };
    const documentLink = await signedDocument(decisionToken);
    // A second request with the same document stays open: a closed decision link shows no
    // documents, and the links signed after a restart must work too.
    const pending = await call("POST", "/api/requests", {
      ...contract,
      reference: "CDD-2020-118",
      workDays: [{ date: daysAgo(6) }],
    });
    const pendingToken = await until("the second approval email", async () => {
      const mail = (await mailsTo("admin.spectacle@smart.example.org")).find((m) =>
        m.subject.includes(pending.body.id),
      );
      return mail?.body.text?.match(/decision\.html#token=([A-Za-z0-9_-]{43})/)?.[1];
    });
    const decided = await call("POST", "/api/decisions", { decision: "approve" }, decisionToken);
    await until("the scheduled payout", async () => {
      const view = await call("GET", `/api/requests/${id}`, undefined, statusToken);
      return view.body.status === "scheduled" ? true : undefined;
    });
    // Monday or Thursday 06:00 comes within 4 days: the scheduler exports the batch to S3.
    const advanced = await runBin(["clock", "advance", "4d"], { ENTRAIDE_DATA_DIR: dataDir });
    const batchLink = await until("the batch-ready email", async () => {
      const mail = (await mailsTo("finance@smart.test")).at(-1);
      return mail?.body.text?.match(/http:\/\/\S+\.xml\S*/)?.[0];
    });
    const batchFile = await download(batchLink);
    const memberMails = (await mailsTo(member)).map((m) => m.subject);

    // Act: kill -9 the whole group, start again; then Ctrl-C, start again
    await killNine(first);
    const afterCrash = launch(env);
    runs.push(afterCrash);
    await ready(afterCrash);
    const seenAfterCrash = {
      status: (await call("GET", `/api/requests/${id}`, undefined, statusToken)).body.status,
      document: await download(documentLink),
      freshDocument: await download(await signedDocument(pendingToken)),
      batchFile: await download(batchLink),
      memberMails: (await mailsTo(member)).map((m) => m.subject),
    };
    const crashExit = await ctrlC(afterCrash);
    const afterCtrlC = launch(env);
    runs.push(afterCtrlC);
    await ready(afterCtrlC);
    const seenAfterCtrlC = {
      status: (await call("GET", `/api/requests/${id}`, undefined, statusToken)).body.status,
      document: await download(documentLink),
      batchFile: await download(batchLink),
      memberMails: (await mailsTo(member)).map((m) => m.subject),
    };
    await ctrlC(afterCtrlC);

    // Assess
    expect(sockets.length).toBeGreaterThanOrEqual(4);
    for (const socket of sockets)
      expect(socket).toMatch(/^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):\d+$/);
    expect(unsignedRead.status).toBe(403);
    expect(posted.status).toBe(204);
    expect(submitted.status).toBe(201);
    expect(decided.status).toBe(200);
    expect(advanced.code).toBe(0);
    expect(batchFile.toString()).toContain("<Document");
    expect(memberMails.length).toBeGreaterThanOrEqual(2);
    expect(crashExit).toBe(0);
    for (const seen of [seenAfterCrash, seenAfterCtrlC]) {
      // The scheduler's export tells the request it is under way: before or after a kill, the
      // request is in one of the two states, never back before its approval.
      expect(["scheduled", "exported"]).toContain(seen.status);
      expect(seen.document.equals(pdf)).toBe(true);
      expect(seen.batchFile.equals(batchFile)).toBe(true);
      expect(seen.memberMails).toEqual(memberMails);
    }
    expect(seenAfterCrash.freshDocument.equals(pdf)).toBe(true);
  }, 360_000);

  it("says in one line that the port is busy, and exits non-zero", async () => {
    // Prepare
    const { env } = await stackEnv();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(Number(env.PORT), "127.0.0.1", resolve));
    // Act
    const run = launch(env);
    runs.push(run);
    const code = await run.exited;
    squatter.close();
    // Assess
    expect(code).not.toBe(0);
    expect(run.stderr().trim().split("\n")).toEqual([
      `entraide: port ${env.PORT} is already in use: stop what uses it, or choose another port`,
    ]);
  }, 60_000);
});

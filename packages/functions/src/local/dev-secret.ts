import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The local stack's token secret: made once and kept in the data directory (readable by its
 * owner only), so status and decision links from an earlier run keep working. Never printed.
 */
export async function devTokenSecret(dataDir: string): Promise<string> {
  return keptSecret(dataDir, "token-secret");
}

/**
 * The credentials the local SQS and S3 require signatures with (the gateway refuses others):
 * random, kept in the data directory like the token secret, read by the CLI from there.
 */
export async function devAwsCredentials(dataDir: string) {
  await keptSecret(dataDir, "aws-secret");
  return (await keptAwsCredentials(dataDir))!;
}

/** DynamoDB Local refuses access key ids with anything but letters and digits. */
const ACCESS_KEY_ID = "entraidelocal";

/** The credentials `npm start` keeps in `dataDir`, if it made some. */
export async function keptAwsCredentials(dataDir: string) {
  const secret = (await readFile(join(dataDir, "aws-secret"), "utf8").catch(() => "")).trim();
  return secret ? { accessKeyId: ACCESS_KEY_ID, secretAccessKey: secret } : undefined;
}

async function keptSecret(dataDir: string, name: string): Promise<string> {
  const file = join(dataDir, name);
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("hex");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

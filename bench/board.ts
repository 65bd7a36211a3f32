/**
 * Benchmark of the mutual-aid board on the local stack: 10,000 published posts, the board's
 * first page and a walk of every page through the API, a filtered page, and answers relayed to
 * their author by email. Figures are ratios against baselines taken in the same run on the same
 * emulator: a bare GetItem, raw Query pages of the same index, a bare TransactWriteItems.
 * Run alone with `npx tsx bench/board.ts [posts]`; `npm run bench` runs it too (--skip-board).
 */

import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type PublicPost, publishWrite } from "../packages/core/src/board/records";
import type { RuntimeConfig } from "../packages/core/src/config";
import { batchPut } from "../packages/core/src/db/batch";
import { indexes, keys } from "../packages/core/src/db/layout";
import type { Deps } from "../packages/core/src/deps";
import { postCategories, postKinds, postRegions } from "../packages/core/src/plan/board-options";
import { startEmulators } from "../packages/functions/src/local/emulators";
import { percentile, round } from "./e2e/cost";
import { type StoredEmail, watchMailbox } from "./e2e/mailbox";
import { startBenchStack } from "./e2e/stack";
import { measureBaseline } from "./support/baseline";

export interface BoardFigures {
  posts: number;
  firstPage: { medianMs: number; p95Ms: number; dynamoCalls: number; vsGetItem: number };
  filteredPage: { medianMs: number; vsFirstPage: number };
  walk: { pages: number; seconds: number; postsRead: number; vsRawQueries: number };
  answer: { medianMs: number; dynamoCallsWithRelay: number; vsBareTransaction: number };
}

const PAGE = 30;
const SAMPLES = 40;

async function timed<T>(f: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}
async function samples(n: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await timed(f));
  return out;
}
const median = (xs: number[]) => percentile(xs, 50) ?? Number.NaN;
const p95 = (xs: number[]) => percentile(xs, 95) ?? Number.NaN;

/** Published posts written as the publish step writes them (its listing item), 25 at a time. */
async function seed(deps: Deps, count: number, start: Date) {
  const items = Array.from({ length: count }, (_, n) => {
    const publishedAt = new Date(start.getTime() - n * 60_000).toISOString();
    const post: PublicPost = {
      id: randomUUID(),
      kind: postKinds[n % postKinds.length]!,
      category: postCategories[n % postCategories.length]!,
      region: postRegions[n % postRegions.length]!,
      language: (["fr", "nl", "en"] as const)[n % 3]!,
      title: `Annonce ${n}: cours, coup de main, objets`,
      text: "Texte d'une annonce de taille ordinaire. ".repeat(8),
      firstName: "Bench",
      status: "published",
      publishedAt,
      expiresAt: new Date(start.getTime() + 30 * 86_400_000).toISOString(),
    };
    return publishWrite(post).item.Put!.Item!;
  });
  await batchPut(deps, items, "the bench's posts");
  return items;
}

export async function benchBoard(
  endpoints: RuntimeConfig["endpoints"],
  posts = 10_000,
): Promise<BoardFigures> {
  const stack = await startBenchStack({ endpoints, workers: 1, members: 8, sweepEveryMs: 2_000 });
  const emails: StoredEmail[] = [];
  const mailbox = watchMailbox((e) => emails.push(e));
  const api = async (method: string, path: string, body?: unknown, token?: string) => {
    const r = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: JSON.parse((await r.text()) || "{}") };
  };
  const waitFor = async <T>(what: string, probe: () => T | undefined): Promise<T> => {
    const until = Date.now() + 60_000;
    for (;;) {
      const v = probe();
      if (v !== undefined) return v;
      if (Date.now() > until) throw new Error(`bench: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  try {
    const seeded = await seed(stack.observer, posts - 1, new Date(Date.now() - 3_600_000));
    // One post through the whole path, to be answered: posted, confirmed, published.
    const author = stack.members[0]!;
    const title = `Bench post ${randomUUID().slice(0, 8)}`;
    await api("POST", "/api/board/posts", {
      kind: "offer",
      category: "lessons",
      region: "online",
      language: "fr",
      title,
      text: "Un vrai cours, publié par le chemin complet.",
      memberNumber: author.memberNumber,
      email: author.email,
    });
    const confirm = await waitFor(
      "the confirmation",
      () =>
        emails
          .find((e) => e.body.text?.includes(title))
          ?.body.text?.match(/view=confirm&token=([A-Za-z0-9_-]{43})/) ?? undefined,
    );
    await api("POST", "/api/board/confirmations", undefined, confirm[1]);
    const published = await waitFor(
      "the management link",
      () =>
        emails
          .filter((e) => e.body.text?.includes(title))
          .map((e) => e.body.text?.match(/view=manage&id=([0-9a-f-]{36})/))
          .find((m) => m) ?? undefined,
    );
    const postId = published[1]!;

    // Baselines, same emulator, same moment.
    const TableName = stack.deps.config.table;
    const someKey = { pk: seeded[0]!.pk, sk: seeded[0]!.sk };
    const getItem = median(
      await samples(SAMPLES, () =>
        stack.observer.clients.ddb.send(new GetCommand({ TableName, Key: someKey })),
      ),
    );

    stack.calls.reset();
    await api("GET", "/api/board/posts");
    const dynamoCalls = stack.calls.total("DynamoDB");
    const first = await samples(SAMPLES, () => api("GET", "/api/board/posts"));
    const filtered = await samples(SAMPLES, () =>
      api("GET", "/api/board/posts?region=online&kind=need"),
    );

    // Every page through the API, against the same pages read raw from the index.
    let cursor: string | undefined;
    let pages = 0;
    let read = 0;
    const walkMs = await timed(async () => {
      do {
        const page = await api("GET", `/api/board/posts${cursor ? `?cursor=${cursor}` : ""}`);
        read += page.body.posts.length;
        cursor = page.body.cursor;
        pages++;
      } while (cursor);
    });
    const rawMs = await timed(async () => {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await stack.observer.clients.ddb.send(
          new QueryCommand({
            TableName,
            IndexName: indexes.byStatus.name,
            KeyConditionExpression: `${indexes.byStatus.pk} = :p`,
            ExpressionAttributeValues: { ":p": keys.boardPostStatusPartition("published") },
            ScanIndexForward: false,
            Limit: PAGE,
            ExclusiveStartKey: start,
          }),
        );
        start = page.LastEvaluatedKey;
      } while (start);
    });

    // Answers, one at a time, each from its own sender: until the author's relayed email.
    const answers: number[] = [];
    let httpCalls = 0;
    for (let i = 0; i < 5; i++) {
      const before = emails.length;
      stack.calls.reset();
      answers.push(
        await timed(async () => {
          const r = await api("POST", `/api/board/posts/${postId}/answers`, {
            language: "en",
            name: `Sender ${i}`,
            email: `sender.${i}.${randomUUID().slice(0, 6)}@example.net`,
            message: "I would like to join the lessons, thank you!",
          });
          if (r.status !== 202) throw new Error(`bench: answer refused ${JSON.stringify(r.body)}`);
          await waitFor("the relayed answer", () =>
            emails.slice(before).find((e) => e.subject.startsWith("Réponse")),
          );
          httpCalls = stack.calls.total("DynamoDB");
        }),
      );
    }
    await mailbox.stop();
    await stack.stop();
    // After the stack stopped: the baseline's execution-like items must meet no sweeper.
    const bare = await measureBaseline(stack.observer, 1, 2);
    const bareTransactionMs = 1000 / bare.transactionsPerSecond;
    return {
      posts,
      firstPage: {
        medianMs: round(median(first), 1),
        p95Ms: round(p95(first), 1),
        dynamoCalls,
        vsGetItem: round(median(first) / getItem, 1),
      },
      filteredPage: {
        medianMs: round(median(filtered), 1),
        vsFirstPage: round(median(filtered) / median(first), 2),
      },
      walk: {
        pages,
        seconds: round(walkMs / 1000, 2),
        postsRead: read,
        vsRawQueries: round(walkMs / rawMs, 2),
      },
      answer: {
        medianMs: round(median(answers), 1),
        dynamoCallsWithRelay: httpCalls,
        vsBareTransaction: round(median(answers) / bareTransactionMs, 1),
      },
    };
  } catch (error) {
    await mailbox.stop();
    await stack.stop();
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.env.AWS_ACCESS_KEY_ID ??= "local";
  process.env.AWS_SECRET_ACCESS_KEY ??= "local";
  process.env.POWERTOOLS_LOG_LEVEL ??= "WARN";
  const emulators = await startEmulators();
  try {
    console.log(
      JSON.stringify(
        await benchBoard(emulators.endpoints, Number(process.argv[2] ?? 10_000)),
        null,
        2,
      ),
    );
  } finally {
    await emulators.stop();
  }
}

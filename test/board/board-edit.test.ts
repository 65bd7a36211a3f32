import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { boardFieldLabels } from "../../packages/core/src/board/post";
import { keys } from "../../packages/core/src/db/layout";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { boardStack, camille, postBody } from "./support";

let s: Awaited<ReturnType<typeof boardStack>>;
beforeAll(async () => {
  s = await boardStack();
}, 60_000);
afterAll(async () => {
  await s?.api.server.stop();
});

const DAY = 86_400_000;
// A day apart: the author's daily limit of posts (5) counts each test's posts on their own.
beforeEach(() => s.stack.clock.advance(DAY));

const edit = (id: string, token: string, body: Record<string, unknown>) =>
  s.api.call("POST", `/api/board/posts/${id}/edits`, { token, body });

const changes = (title: string) => ({
  language: "fr",
  title,
  text: "Cours de piano plutôt, le samedi. Appelez le 0470 12 34 56 ou camille@exemple.org.",
  category: "lessons",
  region: "wallonia",
});

/** Everything the table keeps under a post: its listing item, messages, replaced texts. */
const underPost = async (postId: string) =>
  (
    await s.stack.clients.ddb.send(
      new QueryCommand({
        TableName: s.stack.config.table,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.boardPost(postId).pk },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

describe("editing from the management link", () => {
  it("screens and masks the edit, shows it at once, and keeps the replaced text apart from the history", async () => {
    // Prepare
    const post = await s.publish();
    const title = `Cours de piano ${crypto.randomUUID().slice(0, 8)}`;
    // Act
    const edited = await edit(post.id, post.manageToken, changes(title));
    // Assess: 200 means the board shows it now, with contacts masked
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: "published", content: { title, kind: "offer" } });
    const shown = (await s.listed()).posts.find((p) => p.id === post.id)!;
    expect(shown).toMatchObject({ title, region: "wallonia", category: "lessons" });
    expect(shown.text).not.toMatch(/0470|camille@/);
    expect(shown.text).toContain("[…]");
    const kept = (await underPost(post.id)).filter((i) => String(i.sk).startsWith("EDIT#"));
    expect(kept).toHaveLength(1);
    expect(kept[0]!.before).toMatchObject({ title: post.title, region: "brussels" });
    const history = JSON.stringify(await readHistory(s.stack, post.id));
    expect(history).toContain("PostEdited");
    expect(history).not.toContain(title);
    expect(history).not.toContain("piano");
  });

  it("erases the replaced texts with the post, 90 days after it was closed", async () => {
    // Prepare
    const post = await s.publish();
    await edit(
      post.id,
      post.manageToken,
      changes(`Cours de piano ${crypto.randomUUID().slice(0, 8)}`),
    );
    await s.api.call("POST", `/api/board/posts/${post.id}/manage`, {
      token: post.manageToken,
      body: { action: "close" },
    });
    await s.harness.drain();
    expect((await underPost(post.id)).map((i) => String(i.sk).split("#")[0])).toEqual(
      expect.arrayContaining(["EDIT", "POST"]),
    );
    // Act
    await s.harness.advance(89 * DAY);
    const before = await underPost(post.id);
    await s.harness.advance(2 * DAY);
    // Assess
    expect(before.some((i) => String(i.sk).startsWith("EDIT#"))).toBe(true);
    expect(await underPost(post.id)).toEqual([]);
    expect((await getExecution(s.stack, post.id))?.data).toMatchObject({
      status: "erased",
      content: null,
    });
  }, 60_000);

  it("a wrong token is a 404 and a closed post a 409 with its state; nothing changes", async () => {
    // Prepare
    const post = await s.publish();
    // Act
    const wrong = await edit(post.id, "A".repeat(43), changes("Titre d'un autre"));
    const none = await edit(post.id, "", changes("Titre d'un autre"));
    const otherPost = await edit(
      crypto.randomUUID(),
      post.manageToken,
      changes("Titre d'un autre"),
    );
    await s.api.call("POST", `/api/board/posts/${post.id}/manage`, {
      token: post.manageToken,
      body: { action: "close" },
    });
    await s.harness.drain();
    const closed = await edit(post.id, post.manageToken, changes("Titre trop tard"));
    // Assess
    expect([wrong.status, none.status, otherPost.status]).toEqual([404, 404, 404]);
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatchObject({
      code: "board.cannot-edit",
      details: { status: "closed", state: "kept" },
    });
    expect((await underPost(post.id)).filter((i) => String(i.sk).startsWith("EDIT#"))).toEqual([]);
    expect((await getExecution(s.stack, post.id))?.data.content).toMatchObject({
      title: post.title,
    });
  });

  it("an edit and a close at the same time: the close wins or comes second, never a half-edit", async () => {
    for (let round = 0; round < 3; round++) {
      // Prepare
      const post = await s.publish();
      const title = `Cours de piano ${crypto.randomUUID().slice(0, 8)}`;
      // Act
      const [edited, closed] = await Promise.all([
        edit(post.id, post.manageToken, changes(title)),
        s.api.call("POST", `/api/board/posts/${post.id}/manage`, {
          token: post.manageToken,
          body: { action: "close" },
        }),
      ]);
      await s.harness.drain();
      // Assess: the close is applied; the edit either came first (200) or is refused (409)
      expect(closed.status).toBe(200);
      expect([200, 409]).toContain(edited.status);
      const items = await underPost(post.id);
      const content = items.find((i) => i.sk === "POST")!;
      const kept = items.filter((i) => String(i.sk).startsWith("EDIT#"));
      if (edited.status === 409) {
        expect(edited.body.error.details.state).toMatch(/^(closing|kept)$/);
        expect(content.title).toBe(post.title);
        expect(kept).toEqual([]);
      } else {
        expect(content.title).toBe(title);
        expect(kept).toHaveLength(1);
        expect(kept[0]!.before).toMatchObject({ title: post.title });
      }
      // Closed either way, and the author sees what the post said last.
      const view = await s.api.call("GET", `/api/board/posts/${post.id}/manage`, {
        token: post.manageToken,
      });
      expect(view.body.content.title).toBe(content.title);
      expect((await s.listed()).posts.map((p) => p.id)).not.toContain(post.id);
    }
  }, 60_000);

  it.each([
    [{ title: "ab" }, "title"],
    [{ title: "x".repeat(81) }, "title"],
    [{ region: "mars" }, "region"],
    [{ category: "weapons" }, "category"],
    [{ text: "Cours <script>alert(1)</script> gratuits" }, "text"],
    [{ text: "Une soirée casino pour les membres, gratuite." }, "text"],
    [{ kind: "need" }, "kind"],
  ])(
    "refuses a bad edit (%j) with a 400 naming the field in fr, nl and en, changing nothing",
    async (bad, field) => {
      // Prepare
      const post = await s.publish();
      // Act
      const refusals = await Promise.all(
        (["fr", "nl", "en"] as const).map(async (language) => ({
          language,
          answer: await edit(post.id, post.manageToken, {
            ...changes("Un titre correct"),
            language,
            ...bad,
          }),
        })),
      );
      // Assess
      const messages = refusals.map(({ language, answer }) => {
        expect(answer.status).toBe(400);
        const errors = answer.body.errors as { path: string; message: string }[];
        const error = errors.find((e) => e.path === field)!;
        expect(error, JSON.stringify(errors)).toBeDefined();
        if (field !== "kind") expect(error.message).toContain(boardFieldLabels[field]![language]);
        return error.message;
      });
      expect(new Set(messages).size).toBe(3);
      expect((await underPost(post.id)).filter((i) => String(i.sk).startsWith("EDIT#"))).toEqual(
        [],
      );
      const shown = (await s.listed()).posts.find((p) => p.id === post.id)!;
      expect(shown.title).toBe(post.title);
    },
  );
});

describe("the daily limit of posts", () => {
  const counted = async () => {
    const window = Math.floor(s.stack.clock.now().getTime() / 1000 / 86_400);
    const { Items = [] } = await s.stack.clients.ddb.send(
      new QueryCommand({
        TableName: s.stack.config.table,
        KeyConditionExpression: "pk = :pk AND sk = :sk",
        ExpressionAttributeValues: {
          ":pk": keys.rateCounter(`post#${camille.memberNumber}`, "").pk,
          ":sk": `86400#${window}`,
        },
        ConsistentRead: true,
      }),
    );
    return Number(Items[0]?.count ?? 0);
  };

  it("counts a retried post (same Idempotency-Key) once, and another post again", async () => {
    // Prepare
    const body = postBody();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const start = await counted();
    // Act
    const first = await s.api.call("POST", "/api/board/posts", { body, headers });
    const retried = await s.api.call("POST", "/api/board/posts", { body, headers });
    const afterRetry = await counted();
    const other = await s.api.call("POST", "/api/board/posts", { body: postBody() });
    // Assess
    expect(first.status).toBe(202);
    expect(retried.status).toBe(200);
    expect(retried.body.postId).toBe(first.body.postId);
    expect(afterRetry - start).toBe(1);
    expect(other.status).toBe(202);
    expect((await counted()) - start).toBe(2);
    await s.harness.drain();
    // One confirmation for the retried post, not two.
    expect(await s.mails(body.title)).toHaveLength(1);
  });
});

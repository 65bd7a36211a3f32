import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPosts } from "../../packages/core/src/board/records";
import { keys } from "../../packages/core/src/db/layout";
import { getExecution } from "../../packages/core/src/engine/store";
import { planConfig } from "../../packages/core/src/plan/config";
import { openApiDocument } from "../../packages/core/src/requests/openapi";
import { routes } from "../../packages/functions/src/http/routes";
import { inbox } from "../notifications/inbox";
import { boardStack, camille, moderator, postBody } from "./support";

let s: Awaited<ReturnType<typeof boardStack>>;
beforeAll(async () => {
  s = await boardStack();
}, 60_000);
afterAll(async () => {
  await s?.api.server.stop();
});

const DAY = 86_400_000;

describe("posting", () => {
  it("publishes a post only once the register's address confirms it, with first name and region only", async () => {
    // Prepare
    const body = postBody({
      text: "Cours en ligne.\nÉcrivez à camille@exemple.org ou au 0470 12 34 56, voir https://exemple.org/x",
    });
    // Act
    const posted = await s.api.call("POST", "/api/board/posts", { body });
    await s.harness.drain();
    // Assess: nothing public yet, a confirmation link went to the register's address
    expect(posted.status).toBe(202);
    expect((await s.listed()).posts.map((p) => p.title)).not.toContain(body.title);
    const confirmation = (await s.mails(body.title)).at(-1)!;
    expect(confirmation.destination.to).toEqual([camille.email]);
    const [, token] = await s.linkIn(
      body.title,
      /board\.html#view=confirm&token=([A-Za-z0-9_-]{43})/,
    );
    const view = await s.api.call("GET", "/api/board/confirmations/current", { token });
    expect(view.body).toMatchObject({ open: true, content: { title: body.title } });
    expect((await s.listed()).posts.map((p) => p.title)).not.toContain(body.title);
    expect((await s.api.call("POST", "/api/board/confirmations", { token })).status).toBe(200);
    await s.harness.drain();
    const shown = (await s.listed()).posts.find((p) => p.title === body.title)!;
    expect(shown).toMatchObject({ firstName: "Camille", region: "brussels", kind: "offer" });
    expect(JSON.stringify(shown)).not.toMatch(/M0001|dubois|camille@|0470|https:/i);
    expect(shown.text).toContain("[…]");
    // A used confirmation link publishes nothing twice.
    expect((await s.api.call("POST", "/api/board/confirmations", { token })).status).toBe(409);
  });

  it.each([
    ["fr", "Ce numéro de membre et cette adresse e-mail ne correspondent"],
    ["nl", "Dit lidnummer en dit e-mailadres horen bij geen enkel lid"],
    ["en", "This member number and email match no member"],
  ])(
    "refuses an unknown member (%s) with a 400 in their language, and sends nothing",
    async (language, words) => {
      const body = postBody({ language, memberNumber: "M9999" });
      const answer = await s.api.call("POST", "/api/board/posts", { body });
      await s.harness.drain();
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0]).toMatchObject({ path: "memberNumber", code: "not_a_member" });
      expect(answer.body.errors[0].message).toContain(words);
      expect(await s.mails(body.title)).toEqual([]);
    },
  );

  it("refuses a member number with another address than the register's", async () => {
    const body = postBody({ email: "someone.else@example.org" });
    expect((await s.api.call("POST", "/api/board/posts", { body })).status).toBe(400);
    await s.harness.drain();
    expect(await s.mails(body.title)).toEqual([]);
  });

  it.each([
    ["markup", { text: "Bonjour <script>alert(1)</script> je donne des cours" }, "text", "markup"],
    [
      "a banned word",
      { text: "Une belle arnaque à ne pas rater, venez vite" },
      "text",
      "banned_word",
    ],
    ["an invisible override", { title: "Cours \u202e de guitare" }, "title", "text_bidi_control"],
    ["a huge text", { text: "x".repeat(20_000) }, "text", "too_long"],
    ["an unknown field", { price: 10 }, "price", "unknown_field"],
    ["an unknown category", { category: "crypto" }, "category", "invalid_option"],
  ])("refuses %s with a field error and stores nothing", async (_what, changes, path, code) => {
    const body = { ...postBody(), ...changes };
    const answer = await s.api.call("POST", "/api/board/posts", {
      body: { ...body, language: "nl" },
    });
    await s.harness.drain();
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(JSON.stringify(answer.body)).not.toContain("<script>");
    expect(await s.mails(body.title)).toEqual([]);
  });

  it("refuses a body that is not JSON with a 400", async () => {
    const answer = await s.api.call("POST", "/api/board/posts", { body: "{not json" });
    expect(answer.status).toBe(400);
  });
});

describe("answering", () => {
  it("relays the answer to the author from the system address, the answerer's address only in Reply-To", async () => {
    const post = await s.publish();
    const answer = await s.api.call("POST", `/api/board/posts/${post.id}/answers`, {
      body: {
        language: "en",
        name: "Jo <b>",
        email: "jo.answers@example.net",
        message: "Hello! I would love lessons for my son. <img src=x onerror=alert(1)>",
      },
    });
    // Markup in an answer is refused too: nothing relayed.
    expect(answer.status).toBe(400);
    const ok = await s.api.call("POST", `/api/board/posts/${post.id}/answers`, {
      body: {
        language: "en",
        name: "Jo",
        email: "jo.answers@example.net",
        message: 'Hello! I would love lessons for my son & his friend "Max".',
      },
    });
    expect(ok.status).toBe(202);
    await s.harness.drain();
    const relayed = (await s.mails(post.title)).filter((m) => m.subject.includes("Réponse"));
    expect(relayed).toHaveLength(1);
    const mail = relayed[0]!;
    expect(mail.destination.to).toEqual([camille.email]);
    expect(mail.from).toBe(s.stack.config.mailFrom);
    expect(mail.replyTo).toEqual(["jo.answers@example.net"]);
    expect(mail.subject).not.toContain("jo.answers");
    expect(`${mail.body.text}${mail.body.html}`).not.toContain("jo.answers@example.net");
    expect(mail.body.html).toContain("&amp; his friend &quot;Max&quot;");
  });

  it("stops a flood of answers with a 429: nothing stored, nothing sent beyond the limit", async () => {
    const post = await s.publish();
    const limit = planConfig.board.limits.answersPerSenderPerHour;
    const statuses: number[] = [];
    for (let i = 0; i < limit + 3; i++) {
      const answer = await s.api.call("POST", `/api/board/posts/${post.id}/answers`, {
        body: {
          language: "fr",
          name: "Flo",
          email: "flood@example.net",
          message: `Message numéro ${i} pour vous`,
        },
      });
      statuses.push(answer.status);
      if (answer.status === 429) expect(answer.body.error.message).toContain("Trop de messages");
    }
    await s.harness.drain();
    expect(statuses.filter((c) => c === 202)).toHaveLength(limit);
    expect(statuses.slice(limit).every((c) => c === 429)).toBe(true);
    const stored = await s.stack.clients.ddb.send(
      new QueryCommand({
        TableName: s.stack.config.table,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :m)",
        ExpressionAttributeValues: { ":pk": keys.boardPost(post.id).pk, ":m": "MSG#" },
      }),
    );
    expect(stored.Items).toHaveLength(limit);
    expect((await s.mails(post.title)).filter((m) => m.subject.includes("Réponse"))).toHaveLength(
      limit,
    );
  });

  it("refuses an answer to a post that is not on the board", async () => {
    const unknown = await s.api.call("POST", `/api/board/posts/${crypto.randomUUID()}/answers`, {
      body: {
        language: "fr",
        name: "Flo",
        email: "flo@example.net",
        message: "Bonjour, je suis intéressée",
      },
    });
    expect(unknown.status).toBe(404);
  });
});

describe("the author's management link", () => {
  it("renews and closes; a wrong token is a 404 and changes nothing", async () => {
    const post = await s.publish();
    const wrong = await s.api.call("POST", `/api/board/posts/${post.id}/manage`, {
      token: "A".repeat(43),
      body: { action: "close" },
    });
    expect(wrong.status).toBe(404);
    const before = await s.api.call("GET", `/api/board/posts/${post.id}/manage`, {
      token: post.manageToken,
    });
    s.stack.clock.advance(10 * DAY);
    const renewed = await s.api.call("POST", `/api/board/posts/${post.id}/manage`, {
      token: post.manageToken,
      body: { action: "renew" },
    });
    expect(renewed.status).toBe(200);
    await s.harness.drain();
    const after = await s.api.call("GET", `/api/board/posts/${post.id}/manage`, {
      token: post.manageToken,
    });
    expect(Date.parse(after.body.expiresAt) - Date.parse(before.body.expiresAt)).toBeGreaterThan(
      9 * DAY,
    );
    const closed = await s.api.call("POST", `/api/board/posts/${post.id}/manage`, {
      token: post.manageToken,
      body: { action: "close" },
    });
    expect(closed.status).toBe(200);
    await s.harness.drain();
    expect((await s.listed()).posts.map((p) => p.id)).not.toContain(post.id);
    // Closed: a second close is a 409 that says where the post stands.
    const again = await s.api.call("POST", `/api/board/posts/${post.id}/manage`, {
      token: post.manageToken,
      body: { action: "close" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual({ status: "closed" });
  });
});

describe("expiry and erasure", () => {
  it("reminds the author, expires after 30 days, and erases the post 90 days later", async () => {
    const post = await s.publish();
    await s.harness.advance(24 * DAY);
    expect((await s.mails(post.title)).some((m) => m.subject.includes("expire bientôt"))).toBe(
      true,
    );
    expect((await s.listed()).posts.map((p) => p.id)).toContain(post.id);
    await s.harness.advance(7 * DAY);
    expect((await s.listed()).posts.map((p) => p.id)).not.toContain(post.id);
    expect((await s.mails(post.title)).some((m) => m.subject.includes("a expiré"))).toBe(true);
    const answer = await s.api.call("POST", `/api/board/posts/${post.id}/answers`, {
      body: {
        language: "fr",
        name: "Flo",
        email: "flo@example.net",
        message: "Bonjour, encore là ?",
      },
    });
    expect(answer.status).toBe(409);
    await s.harness.advance(91 * DAY);
    const item = await s.stack.clients.ddb.send(
      new GetCommand({ TableName: s.stack.config.table, Key: keys.boardPost(post.id) }),
    );
    expect(item.Item).toBeUndefined();
    const execution = await getExecution(s.stack, post.id);
    expect(execution?.data).toMatchObject({ status: "erased", content: null, memberNumber: null });
  }, 60_000);
});

it("erases a relayed message 90 days after it was relayed", async () => {
  const post = await s.publish();
  await s.api.call("POST", `/api/board/posts/${post.id}/answers`, {
    body: {
      language: "fr",
      name: "Flo",
      email: "flo.erase@example.net",
      message: "Bonjour, je suis intéressée",
    },
  });
  await s.harness.drain();
  const messages = async () =>
    (
      await s.stack.clients.ddb.send(
        new QueryCommand({
          TableName: s.stack.config.table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :m)",
          ExpressionAttributeValues: { ":pk": keys.boardPost(post.id).pk, ":m": "MSG#" },
        }),
      )
    ).Items ?? [];
  expect(await messages()).toHaveLength(1);
  await s.harness.advance(89 * DAY);
  expect(await messages()).toHaveLength(1);
  await s.harness.advance(2 * DAY);
  expect(await messages()).toEqual([]);
}, 60_000);

it("documents every board route in the OpenAPI document", () => {
  const paths = Object.keys(openApiDocument().paths);
  const board = Object.keys(routes).filter((k) => k.includes("/api/board/"));
  expect(board.length).toBeGreaterThan(0);
  for (const key of board) {
    const [method, path] = key.split(" ") as [string, string];
    const doc = (openApiDocument().paths as Record<string, Record<string, unknown>>)[path];
    expect(paths, key).toContain(path);
    expect(doc?.[method.toLowerCase()], key).toBeDefined();
  }
});

describe("moderation", () => {
  it("a report reaches the moderators, whose page decides only on POST, and hides the post", async () => {
    const post = await s.publish();
    const reported = await s.api.call("POST", `/api/board/posts/${post.id}/reports`, {
      body: { language: "fr", reason: "commercial" },
    });
    expect(reported.status).toBe(200);
    await s.harness.drain();
    const mail = (await s.mails(post.title)).find((m) => m.destination.to.includes(moderator))!;
    const [, token] = mail.body.text!.match(/moderate&token=([A-Za-z0-9_-]{43})&decision=hide/)!;
    // GET shows (a scanner following the link decides nothing)
    const view = await s.api.call("GET", "/api/board/moderation/current", { token });
    expect(view.body).toMatchObject({ open: true, reports: [{ reason: "commercial" }] });
    expect((await s.listed()).posts.map((p) => p.id)).toContain(post.id);
    const bad = await s.api.call("POST", "/api/board/moderation", {
      token,
      body: { decision: "ban" },
    });
    expect(bad.status).toBe(400);
    const decided = await s.api.call("POST", "/api/board/moderation", {
      token,
      body: { decision: "hide" },
    });
    expect(decided.status).toBe(200);
    await s.harness.drain();
    expect((await s.listed()).posts.map((p) => p.id)).not.toContain(post.id);
    expect((await s.mails(post.title)).some((m) => m.subject.includes("retirée"))).toBe(true);
    const twice = await s.api.call("POST", "/api/board/moderation", {
      token,
      body: { decision: "keep" },
    });
    expect(twice.status).toBe(409);
  });
});

it("keeps at most 20 reports of a post, whoever floods the report button", async () => {
  const post = await s.publish();
  const statuses: number[] = [];
  for (let i = 0; i < 25; i++) {
    const r = await s.api.call("POST", `/api/board/posts/${post.id}/reports`, {
      body: { language: "fr", reason: "other" },
    });
    statuses.push(r.status);
  }
  await s.harness.drain();
  expect(statuses.every((c) => c === 200)).toBe(true);
  const execution = await getExecution(s.stack, post.id);
  expect(execution?.data.reports).toHaveLength(20);
  // The moderators were told once, not 25 times.
  expect(
    (await s.mails(post.title)).filter((m) => m.destination.to.includes(moderator)),
  ).toHaveLength(1);
});

describe("listing", () => {
  it("pages newest first with a cursor, and a filter that matches little reads a bounded page", async () => {
    const older = await s.publish();
    const newer = await s.publish();
    const first = await listPosts(s.stack, {}, { limit: 1 });
    expect(first.posts.map((p) => p.id)).toEqual([newer.id]);
    const second = await listPosts(s.stack, {}, { limit: 1, cursor: first.cursor });
    expect(second.posts.map((p) => p.id)).toEqual([older.id]);
    // Nothing is in English: each page reads one post, says so with a cursor, and the walk ends.
    let page = await listPosts(s.stack, { language: "en" }, { maxRead: 1 });
    let pages = 1;
    expect(page.posts).toEqual([]);
    expect(page.cursor).toBeDefined();
    while (page.cursor) {
      page = await listPosts(s.stack, { language: "en" }, { maxRead: 1, cursor: page.cursor });
      expect(page.posts).toEqual([]);
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it("filters by kind and region, and pages with a cursor", async () => {
    const need = await s.publish({ kind: "need", region: "wallonia", category: "childcare" });
    const needs = await s.listed("?kind=need&region=wallonia");
    expect(needs.posts.map((p) => p.id)).toContain(need.id);
    expect((await s.listed("?kind=offer&region=wallonia")).posts.map((p) => p.id)).not.toContain(
      need.id,
    );
    expect((await s.api.call("GET", "/api/board/posts?kind=bogus")).status).toBe(400);
    expect((await s.api.call("GET", "/api/board/posts?cursor=garbage")).status).toBe(200);
  });
});

it("the inbox never shows the author's address to anyone but the author", async () => {
  const others = (await inbox()).filter(
    (m) => !m.destination.to.includes(camille.email) && m.subject.match(/guitare/i),
  );
  for (const m of others) expect(`${m.body.text}${m.replyTo}`).not.toContain(camille.email);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { depsFromConfig } from "../../packages/core/src/deps";
import { advanceClockOffset } from "../../packages/functions/src/local/clock-offset";
import {
  axeViolations,
  eventually,
  fieldErrors,
  type OpenPage,
  screenshot,
  startWebStack,
  type WebStack,
} from "./browser";

/**
 * The mutual-aid board in Chromium, on the stack `npm start` runs: browsing without giving
 * anything, posting with the register's confirmation, answering through the relay, renewing,
 * reporting and hiding, expiring with the local clock moved; every page axe-clean, at 360 and
 * 1280 px, with nobody's address on it.
 */

let web: WebStack;
beforeAll(async () => {
  web = await startWebStack();
}, 180_000);
afterAll(async () => {
  await web?.stop();
});

const camille = { number: "M0001", email: "camille.dubois@example.org" };
const moderator = "moderation.lea@smart.example.org";
const DAY = 86_400_000;

interface Mail {
  from: string;
  replyTo: string[];
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}
const mails = async (marker: string): Promise<Mail[]> => {
  const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as { emails: Mail[] };
  return store.emails.filter((m) => `${m.subject}\n${m.body.text ?? ""}`.includes(marker));
};
const link = (marker: string, pattern: RegExp, to?: string) =>
  eventually(`an email about ${marker} with ${pattern}`, async () =>
    (await mails(marker))
      .filter((m) => !to || m.destination.to.includes(to))
      .map((m) => (m.body.text ?? "").match(pattern)?.[0])
      .filter(Boolean)
      .at(-1),
  );
const listed = async () =>
  (
    (await (await fetch(`${web.base}/api/board/posts`)).json()) as {
      posts: { id: string; title: string; expiresAt: string }[];
    }
  ).posts;
const onBoard = (title: string, wanted = true) =>
  eventually(`${title} ${wanted ? "on" : "off"} the board`, async () =>
    (await listed()).some((p) => p.title === title) === wanted ? true : undefined,
  );

/** Screenshot, axe, problems; `refused`: the API's 4xx this page was shown (Chromium logs them). */
async function look(page: OpenPage, name: string, refused?: number) {
  await screenshot(page, `${name}`);
  expect(await axeViolations(page)).toEqual([]);
  const expected = `console: Failed to load resource: the server responded with a status of ${refused}`;
  expect(page.problems.filter((p) => !p.startsWith(expected))).toEqual([]);
  // Nobody's address on any page of the board: contact goes through the relay.
  expect(await page.content()).not.toMatch(/camille\.dubois|@example\.(org|net)|M0001/);
}

/** Posts from the page as Camille and confirms from the link the register's address received. */
async function postAndConfirm(title: string, text: string, width = 1280) {
  const page = await web.open("/board.html?lang=fr", width);
  await page.click("#new-post");
  await page.fill("#f-memberNumber", camille.number);
  await page.fill("#f-email", camille.email);
  await page.selectOption("#f-kind", "need");
  await page.selectOption("#f-category", "childcare");
  await page.selectOption("#f-region", "wallonia");
  await page.fill("#f-title", title);
  await page.fill("#f-text", text);
  await page.click("button[type=submit]");
  await page.waitForSelector(".notice.ok");
  expect(await page.textContent(".notice.ok")).toContain("Ouvrez l'e-mail");
  const confirmLink = await link(
    title,
    /http\S+board\.html#view=confirm&token=[A-Za-z0-9_-]{43}/,
    camille.email,
  );
  const confirm = await web.open(confirmLink.replace(web.stack.config.publicUrl, ""), width);
  await confirm.waitForSelector("#publish");
  return { page, confirm };
}

describe("the board in the browser", () => {
  const title = `Garde d'enfants le mercredi ${crypto.randomUUID().slice(0, 6)}`;

  it("posts with an email confirmation: nothing public before, first name and region after", async () => {
    const { page, confirm } = await postAndConfirm(
      title,
      "Je cherche quelqu'un pour garder ma fille le mercredi après-midi. Appelez le 0470 12 34 56.",
    );
    await look(page, "board-posted-1280");
    expect((await listed()).some((p) => p.title === title)).toBe(false);
    // The link's GET shows the post; only the button publishes.
    expect(await confirm.textContent("main")).toContain(title);
    await look(confirm, "board-confirm-1280");
    await confirm.click("#publish");
    await confirm.waitForSelector(".notice.ok");
    await onBoard(title);
    const board = await web.open("/board.html?lang=fr", 360);
    await board.waitForSelector(".post");
    const post = board.locator(".post", { hasText: title });
    expect(await post.textContent()).toContain("par Camille");
    expect(await post.textContent()).toContain("Wallonie");
    expect(await post.textContent()).not.toContain("0470");
    await look(board, "board-list-360");
    const wide = await web.open("/board.html?lang=nl", 1280);
    await wide.waitForSelector(".post");
    expect(await wide.textContent("h1")).toBe("Solidariteitsbord");
    await look(wide, "board-list-nl-1280");
  }, 90_000);

  it("filters the posts without giving anything", async () => {
    const page = await web.open("/board.html?lang=en", 1280);
    await page.waitForSelector(".post");
    await page.selectOption("#filter-kind", "offer");
    await page.click(".board-tools button[type=submit]");
    await page.waitForSelector("text=No posts match.");
    await page.selectOption("#filter-kind", "need");
    await page.selectOption("#filter-region", "wallonia");
    await page.click(".board-tools button[type=submit]");
    await page.waitForSelector(`text=${title}`);
    await look(page, "board-filtered-1280");
  });

  it("answers a post: the author receives the relayed message, the answerer's address only in Reply-To", async () => {
    const page = await web.open("/board.html?lang=en", 360);
    const post = page.locator(".post", { hasText: title });
    await post.locator("button", { hasText: "Answer" }).click();
    await page.fill("#f-name", "Jo");
    await page.fill("#f-email", "jo.parent@example.net");
    await page.fill("#f-message", "Hello! I live nearby and could look after her on Wednesdays <3");
    await look(page, "board-answer-form-360");
    await page.click(".post form button[type=submit]");
    await page.waitForSelector(".post .notice.ok");
    await look(page, "board-answered-360");
    const relayed = await eventually("the relayed answer", async () =>
      (await mails(title)).find((m) => m.subject.startsWith("Réponse")),
    );
    expect(relayed.destination.to).toEqual([camille.email]);
    expect(relayed.from).toBe(web.stack.config.mailFrom);
    expect(relayed.replyTo).toEqual(["jo.parent@example.net"]);
    expect(`${relayed.subject}${relayed.body.text}${relayed.body.html}`).not.toContain("jo.parent");
    expect(relayed.body.html).toContain("&lt;3");
  }, 60_000);

  it("refuses bad input with messages next to the fields, in the reader's language", async () => {
    const page = await web.open("/board.html?lang=nl", 360);
    await page.click("#new-post");
    await page.fill("#f-memberNumber", "M9999");
    await page.fill("#f-email", "niemand@example.org");
    await page.fill("#f-title", "Gratis");
    await page.fill("#f-text", "Klik <a href=x>hier</a> voor gratis spullen");
    await page.click("button[type=submit]");
    await page.waitForSelector(".error-summary");
    const errors = await fieldErrors(page);
    expect(errors["f-text"]).toContain("mag geen tags of code bevatten");
    await look(page, "board-post-errors-nl-360", 400);
    await page.fill("#f-text", "Ik geef gratis kinderboeken weg aan wie ze wil.");
    await page.click("button[type=submit]");
    await page.waitForFunction(() =>
      document.querySelector(".error-summary")?.textContent?.includes("register"),
    );
    expect((await fieldErrors(page))["f-memberNumber"]).toContain("horen bij geen enkel lid");
    expect((await listed()).some((p) => p.title === "Gratis")).toBe(false);
    expect(await mails("Gratis")).toEqual([]);
    const wrong = await web.open(
      `/board.html?lang=en#view=manage&id=${crypto.randomUUID()}&token=${"A".repeat(43)}`,
    );
    await wrong.waitForSelector(".notice.error");
    expect(await wrong.textContent(".notice.error")).toContain("This link is not valid");
    await look(wrong, "board-wrong-link-1280", 404);
  });

  it("renews the post from its management link", async () => {
    const manage = await link(
      title,
      /http\S+board\.html#view=manage&id=[0-9a-f-]{36}&token=[A-Za-z0-9_-]{43}/,
    );
    const before = (await listed()).find((p) => p.title === title)!.expiresAt;
    const offset = await advanceClockOffset(depsFromConfig(web.stack.config), 5 * DAY);
    // The running stack reads the offset on its scheduler's tick (every 2 s).
    await eventually("the stack's clock moved on", async () =>
      web.stack.clock.offsetMs === offset ? true : undefined,
    );
    const page = await web.open(manage.replace(web.stack.config.publicUrl, ""), 360);
    await page.waitForSelector("#renew");
    await look(page, "board-manage-360");
    await page.click("#renew");
    await page.waitForSelector(".notice.ok");
    const after = await eventually("the new expiry", async () => {
      const e = (await listed()).find((p) => p.title === title)?.expiresAt;
      return e && e > before ? e : undefined;
    });
    expect(Date.parse(after) - Date.parse(before)).toBeGreaterThan(4 * DAY);
  }, 60_000);

  it("edits the post from its management link at 360 px: screened, masked, shown at once", async () => {
    const manage = await link(
      title,
      /http\S+board\.html#view=manage&id=[0-9a-f-]{36}&token=[A-Za-z0-9_-]{43}/,
    );
    const page = await web.open(
      manage.replace(web.stack.config.publicUrl, "").replace("board.html", "board.html?lang=fr"),
      360,
    );
    await page.waitForSelector("#edit");
    await page.click("#edit");
    await page.waitForSelector("#f-title");
    expect(await page.inputValue("#f-title")).toBe(title);
    await look(page, "board-edit-form-360");
    // A banned word: the field says why, nothing changes.
    await page.fill("#f-text", "Garde d'enfants le mercredi, et soirée casino ensuite.");
    await page.click("#save");
    await page.waitForSelector(".error-summary");
    expect((await fieldErrors(page))["f-text"]).toContain("contient un mot refusé");
    await look(page, "board-edit-errors-360", 400);
    expect((await listed()).find((p) => p.title === title)).toMatchObject({ region: "wallonia" });
    // A good edit: another region, a phone number that the board masks.
    await page.fill(
      "#f-text",
      "Je cherche quelqu'un pour garder ma fille le mercredi matin. Appelez le 0470 12 34 56.",
    );
    await page.selectOption("#f-region", "brussels");
    await page.click("#save");
    await page.waitForSelector(".notice.ok");
    expect(await page.textContent(".notice.ok")).toContain("Votre annonce est modifiée");
    expect(await page.textContent("main")).toContain("mercredi matin");
    expect(await page.textContent("main")).not.toContain("0470");
    // The refused save above is in the console: expected.
    await look(page, "board-edited-360", 400);
    const shown = (await listed()).find((p) => p.title === title) as unknown as Record<
      string,
      string
    >;
    expect(shown.region).toBe("brussels");
    expect(shown.text).toContain("mercredi matin. Appelez le […]");
  }, 60_000);

  it("a report reaches the moderators; one hides the post from the scanner-safe page", async () => {
    const other = `Donne des livres ${crypto.randomUUID().slice(0, 6)}`;
    const { confirm } = await postAndConfirm(
      other,
      "Je donne une caisse de livres pour enfants, à venir chercher.",
    );
    await confirm.click("#publish");
    await onBoard(other);
    const page = await web.open("/board.html?lang=fr", 1280);
    const post = page.locator(".post", { hasText: other });
    await post.locator("button", { hasText: "Signaler" }).click();
    await page.selectOption("#f-reason", "commercial");
    await page.click(".post form button[type=submit]");
    await page.waitForSelector(".post .notice.ok");
    const hide = await link(
      other,
      /http\S+board\.html#view=moderate&token=[A-Za-z0-9_-]{43}&decision=hide/,
      moderator,
    );
    // A scanner opening the link decides nothing.
    await fetch(hide);
    const moderation = await web.open(hide.replace(web.stack.config.publicUrl, ""), 1280);
    await moderation.waitForSelector("#decide-hide");
    expect(await moderation.textContent("main")).toContain("Publicité, commerce");
    expect((await listed()).some((p) => p.title === other)).toBe(true);
    await look(moderation, "board-moderation-1280");
    await moderation.click("#decide-hide");
    await moderation.waitForSelector(".notice.ok");
    await onBoard(other, false);
    await link(other, /retirée par les modérateurs/);
  }, 90_000);

  it("expires the post when the local clock passes its expiry, and tells its author", async () => {
    await advanceClockOffset(depsFromConfig(web.stack.config), 31 * DAY);
    await onBoard(title, false);
    await link(title, /Elle n'est plus visible/);
    const page = await web.open("/board.html?lang=fr", 360);
    await page.waitForSelector(".notice");
    expect(await page.textContent("main")).not.toContain(title);
  }, 60_000);
});

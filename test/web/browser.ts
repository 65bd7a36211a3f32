import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { type LocalStack, start } from "../../packages/functions/src/local/start";

const root = join(import.meta.dirname, "../..");
export const artifacts = join(root, "test/artifacts");

/**
 * Screenshots are written only when asked, `SCREENSHOTS=1 npm test` (or `SCREENSHOTS=1 npx vitest
 * run test/web/…`), into test/artifacts/: no test reads them, and encoding whole pages as PNG was
 * the costliest step of the browser tests. Whoever changes a page asks for them and looks.
 */
export const screenshotsWanted = process.env.SCREENSHOTS === "1";

/** `target` (the whole page, or one element) as `name`.png in test/artifacts/, when asked. */
export async function screenshot(
  target: Page | Locator,
  name: string,
  options: { fullPage?: boolean } = { fullPage: true },
): Promise<void> {
  if (!screenshotsWanted) return;
  const path = join(artifacts, `${name}.png`);
  await ("goto" in target ? target.screenshot({ path, ...options }) : target.screenshot({ path }));
}

/** Debian's Chromium (installed by `.ci/run`), headless, with nothing phoning home. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A page with what went wrong in it: console errors, page errors, requests to other hosts. */
export type OpenPage = Page & { problems: string[] };

export interface WebStack {
  stack: LocalStack;
  browser: Browser;
  base: string;
  /**
   * A fresh page (own storage) of `width` px, with its console errors and outside requests;
   * its browser speaks `locale` (a Belgian French speaker unless told otherwise).
   */
  open(path: string, width?: number, locale?: string): Promise<OpenPage>;
  stop(): Promise<void>;
}

/**
 * The local stack exactly as `npm start` runs it (it builds the web bundle first), on free
 * ports with a temporary data directory, and a browser to drive it.
 */
export async function startWebStack(): Promise<WebStack> {
  const dataDir = await mkdtemp(join(tmpdir(), "entraide-web-"));
  const [web, ses, aws, dynamodb] = await freePorts(4);
  const env = {
    ...process.env,
    PORT: String(web),
    SES_PORT: String(ses),
    AWS_EMULATOR_PORT: String(aws),
    DYNAMODB_PORT: String(dynamodb),
    ENTRAIDE_DATA_DIR: dataDir,
  };
  const stack = await start(env);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const base = `http://localhost:${env.PORT}`;
  await mkdir(artifacts, { recursive: true });
  return {
    stack,
    browser,
    base,
    async open(path, width = 1280, locale = "fr-BE") {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
      const page = (await context.newPage()) as OpenPage;
      page.problems = [];
      page.on("console", (m) => {
        if (m.type() === "error") page.problems.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => page.problems.push(`page error: ${e.message}`));
      page.on("request", (r) => {
        const url = new URL(r.url());
        const ours = url.hostname === "localhost" || url.hostname === "127.0.0.1";
        if (!ours && !url.protocol.startsWith("data"))
          page.problems.push(`outside request: ${r.url()}`);
      });
      await page.goto(`${base}${path}`);
      return page;
    },
    async stop() {
      await browser.close();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `n` distinct free ports: all held open while choosing, so no two are the same. */
async function freePorts(n: number): Promise<number[]> {
  const servers: Server[] = [];
  for (let i = 0; i < n; i++) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
  }
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

let axeSource: Promise<string> | undefined;

/** Serious and critical axe-core violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(join(root, "node_modules/axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol: the pages' CSP rightly refuses inline scripts.
  // Once per document: parsing axe's half megabyte again for each check of the same page is waste.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(await axeSource);
  // Every rule runs; only violations are detailed, as only they are read.
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({
      resultTypes: ["violations"],
    }),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The messages shown next to fields, by the id of the control they describe. */
export async function fieldErrors(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll("[aria-invalid=true]")) {
      const ids = (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .filter((id) => id.endsWith("-error"));
      out[el.id] = ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    }
    return out;
  });
}

/** A minimal valid PDF: the API sniffs documents by their magic bytes. */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/**
 * What `probe` finds once it finds something, polling the running stack; fails after `timeoutMs`.
 * Polls soon, then less often: most waits end within a worker's turn or two, and a fixed 300 ms
 * pause cost each of them half of that on average; the long ones (a scheduler tick) poll 4 times a second.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 45_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (let pause = 10; ; pause = Math.min(pause * 1.5, 250)) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pause));
  }
}

import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot } from "./handlers";

const WEB = join(repoRoot, "packages/web");

/**
 * Builds the static site as the SST stack does (`npm run build -w @entraide/web` into `dist`),
 * and gives the directory to serve; `undefined` while the web package has no build yet.
 */
export async function buildWebSite(log: (line: string) => void): Promise<string | undefined> {
  const pkg = JSON.parse(await readFile(join(WEB, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  if (!pkg.scripts?.build) {
    log("The web form has no build yet (packages/web): only the API is served.");
    return undefined;
  }
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn("npm", ["run", "build", "-w", "@entraide/web"], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (c: Buffer) => output.push(c));
    child.stderr.on("data", (c: Buffer) => output.push(c));
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) {
    log(
      `Building the web form failed (only the API is served):\n${Buffer.concat(output).toString().trim()}`,
    );
    return undefined;
  }
  return join(WEB, "dist");
}

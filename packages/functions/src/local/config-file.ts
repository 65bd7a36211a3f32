import { mkdir, readFile, writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { RuntimeConfig } from "@entraide/core/config";
import { EntraideError } from "@entraide/core/errors";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** Where the local stack keeps its data: `ENTRAIDE_DATA_DIR`, else `.data/` at the repository root. */
export function localDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.ENTRAIDE_DATA_DIR;
  if (!dir) return join(REPO_ROOT, ".data");
  return isAbsolute(dir) ? dir : resolve(dir);
}

/** The file in which the running local stack publishes its RuntimeConfig for the CLI. */
export function localConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(localDataDir(env), "local-config.json");
}

/** Written by `npm start` once the emulators and resources are up. */
export async function writeLocalConfig(
  config: RuntimeConfig,
  env: NodeJS.ProcessEnv = process.env,
) {
  await mkdir(localDataDir(env), { recursive: true });
  await writeFile(localConfigPath(env), `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * The running local stack's configuration.
 * @throws EntraideError `local.not-started` saying to run `npm start`, or `local.bad-config`.
 */
export async function readLocalConfig(
  env: NodeJS.ProcessEnv = process.env,
): Promise<RuntimeConfig> {
  const path = localConfigPath(env);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new EntraideError(
      "local.not-started",
      `no local stack found (${path} does not exist): start the local stack with \`npm start\` first, or target AWS with --stage <stage>`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = RuntimeConfig.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues
      .map((i) => `${i.path.join(".") || "file"}: ${i.message}`)
      .join("; ");
    throw new EntraideError(
      "local.bad-config",
      `${path} is not a valid local stack configuration (${fields}): restart the local stack with \`npm start\``,
    );
  }
  return parsed.data;
}

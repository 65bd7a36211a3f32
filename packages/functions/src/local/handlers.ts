import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository root, against which SST-style handler paths are written. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The source file of a handler path like "packages/functions/src/http/health.handler". */
export function handlerFile(handlerPath: string): string {
  return join(repoRoot, `${handlerPath.slice(0, handlerPath.lastIndexOf("."))}.ts`);
}

/**
 * Imports a handler in process. A file that does not exist yet gives `undefined`, so the local
 * stack runs while routes are being written; an existing file that fails to load still throws.
 */
export async function loadHandler<T>(handlerPath: string): Promise<T | undefined> {
  const file = handlerFile(handlerPath);
  if (!existsSync(file)) return undefined;
  const exportName = handlerPath.slice(handlerPath.lastIndexOf(".") + 1);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const handler = module[exportName];
  if (typeof handler !== "function")
    throw new Error(`${file} does not export a function "${exportName}"`);
  return handler as T;
}

import { build } from "esbuild";
import { schedules } from "../../packages/functions/src/cron/schedules";
import { routes } from "../../packages/functions/src/http/routes";
import { handlerFile } from "../../packages/functions/src/local/handlers";

const OTHERS = [
  "packages/functions/src/queue/worker.handler",
  schedules.sweeper.handler,
  schedules.createBatches.handler,
  "packages/functions/src/email/inbound.handler",
];

/**
 * Unzipped size of each Lambda's bundle, built as the stacks build them (stacks/runtime.ts:
 * ESM, minified, Node 22, the AWS SDK v3 left out because the runtime has it).
 */
export async function bundleSizes(): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const handler of [...new Set([...Object.values(routes), ...OTHERS])]) {
    const result = await build({
      entryPoints: [handlerFile(handler)],
      bundle: true,
      platform: "node",
      target: "node22",
      format: "esm",
      minify: true,
      write: false,
      outfile: "out.mjs",
      external: ["@aws-sdk/*"],
      logLevel: "silent",
    });
    sizes[handler] = result.outputFiles.reduce(
      (n, f) => n + (f.path.endsWith(".map") ? 0 : f.contents.length),
      0,
    );
  }
  return sizes;
}

import type { TestProject } from "vitest/node";
import { startEmulators } from "../../packages/functions/src/local/emulators";

declare module "vitest" {
  export interface ProvidedContext {
    endpoints: { dynamodb: string; sqs: string; s3: string; ses: string };
  }
}

/** One set of emulators for the whole run; each test file provisions its own table and queues. */
export default async function setup(project: TestProject) {
  // The test files get the config's environment; these emulators start before them, here.
  const { JAVA_TOOL_OPTIONS } = project.config.env;
  if (JAVA_TOOL_OPTIONS) process.env.JAVA_TOOL_OPTIONS ??= String(JAVA_TOOL_OPTIONS);
  const emulators = await startEmulators();
  project.provide("endpoints", emulators.endpoints);
  return () => emulators.stop();
}

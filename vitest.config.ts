import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/src/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two files at a time on two cores (the default keeps one core for vitest itself): a file
    // waiting on Chromium, DynamoDB Local or a timer leaves its core to the other.
    maxWorkers: 2,
    env: {
      // The SDK's notice that future versions need Node 22 would drown the test output.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      // DynamoDB Local of a test run (one for the run, one per browser test file) lives minutes:
      // its JVM starts with the quick compiler and one GC thread, which halves its start's CPU.
      JAVA_TOOL_OPTIONS: "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
    },
  },
});

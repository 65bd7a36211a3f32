#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so operations never need a build step.
import { register } from "tsx/esm/api";

// The SDK warns on every run under Node 20 (which package.json supports) in a multi-line notice
// that would drown the CLI's one-line messages; set it to "false" to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);

import type { Engine } from "@entraide/core/engine/engine";
import { createEngine } from "@entraide/core/workflows/index";
import { deps } from "./context";
import { logger } from "./logger";
import { recordExecutionFailed } from "./metrics";

let current: Engine | undefined;
let builtFor: unknown;

/** The workflow engine of this container, rebuilt if the local stack or a test swaps the deps. */
export function engine(): Engine {
  const d = deps();
  if (!current || builtFor !== d) {
    current = createEngine(d, { onFailed: recordExecutionFailed, log: logger });
    builtFor = d;
  }
  return current;
}

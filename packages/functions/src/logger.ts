import { AsyncLocalStorage } from "node:async_hooks";
import { Logger } from "@aws-lambda-powertools/logger";
import type { Context } from "aws-lambda";

const root = new Logger({ serviceName: "entraide" });
const scoped = new AsyncLocalStorage<Logger>();

/**
 * Structured JSON logs; personal data and tokens are never passed to it.
 *
 * It writes through the logger of the invocation it runs in (see {@link withInvocationLogger}):
 * locally one process runs every handler, interleaved, and a single logger would stamp the sweeper's
 * lines with the Lambda context of whichever HTTP route ran last. Outside any invocation scope
 * (in AWS, one function per container) it is the one root logger.
 */
export const logger: Logger = new Proxy(root, {
  get(target, property) {
    const current = scoped.getStore() ?? target;
    const value = Reflect.get(current, property, current);
    return typeof value === "function" ? value.bind(current) : value;
  },
});

/** Runs one handler invocation with a logger of its own, carrying that invocation's context. */
export function withInvocationLogger<T>(context: Context, run: () => T): T {
  const own = root.createChild();
  own.addContext(context);
  return scoped.run(own, run);
}

/** Runs `work` with `keys` on every line logged inside it (e.g. the execution a record moves). */
export function withLogKeys<T>(keys: Record<string, unknown>, work: () => T): T {
  const own = (scoped.getStore() ?? root).createChild();
  own.appendPersistentKeys(keys);
  return scoped.run(own, work);
}

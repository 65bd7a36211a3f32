import { type Deps, depsFromEnv } from "@entraide/core/deps";

let current: Deps | undefined;

/**
 * The dependencies of the handlers: built once per Lambda container from its environment, or
 * handed in by the local stack and the tests, which run the same handlers in process.
 */
export function deps(): Deps {
  current ??= depsFromEnv();
  return current;
}

export function useDeps(next: Deps): void {
  current = next;
}

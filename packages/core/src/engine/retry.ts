import { EntraideError, messageWithCauses } from "../errors";
import type { CatchRule, RetryRule } from "./definition";

export const ALL_ERRORS = "States.ALL";
export const TIMEOUT_ERROR = "States.Timeout";

/**
 * The policy for failures that pass (a throttled table, a mail server that blinks): up to five
 * retries, 2 s apart doubling to 60 s at most, each delay drawn below that (full jitter) so a
 * burst of executions does not retry in step. Workflows name it once, as their `defaultRetry`.
 */
export const TRANSIENT_RETRY: RetryRule[] = [
  {
    errors: [ALL_ERRORS],
    intervalSeconds: 2,
    maxAttempts: 5,
    backoffRate: 2,
    maxDelaySeconds: 60,
    jitter: "full",
  },
];

export interface ErrorInfo {
  error: string;
  cause: string;
}

/**
 * The name the rules match: an EntraideError's stable code, else the error's name; the record's
 * `cause` is its message followed by those of the errors it wraps, so a failed execution says
 * what went wrong underneath ("the import stopped at line 3: …").
 */
export function describeError(error: unknown): ErrorInfo {
  if (error instanceof EntraideError) return { error: error.code, cause: messageWithCauses(error) };
  if (error instanceof Error) return { error: error.name, cause: messageWithCauses(error) };
  return { error: "Error", cause: String(error) };
}

/** Business errors (EntraideError unless marked retryable) are never retried, only caught. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof EntraideError) || error.retryable;
}

const matches = (rule: { errors: string[] }, name: string) =>
  rule.errors.includes(name) || rule.errors.includes(ALL_ERRORS);

/**
 * The delay before retry number `attempt` (1 for the first retry), or undefined when the
 * rules allow no more. Full jitter draws uniformly in [0, capped exponential delay].
 */
export function retryDelaySeconds(
  rules: RetryRule[] | undefined,
  error: ErrorInfo,
  attempt: number,
  random: () => number,
): number | undefined {
  const rule = rules?.find((r) => matches(r, error.error));
  if (!rule || attempt > (rule.maxAttempts ?? 3)) return undefined;
  const exponential = (rule.intervalSeconds ?? 1) * (rule.backoffRate ?? 2) ** (attempt - 1);
  const capped = Math.min(exponential, rule.maxDelaySeconds ?? Number.POSITIVE_INFINITY);
  return rule.jitter === "full" ? random() * capped : capped;
}

export function catchTarget(rules: CatchRule[] | undefined, error: ErrorInfo): string | undefined {
  return rules?.find((r) => matches(r, error.error))?.next;
}

import { type ErrorCode, messageWithCauses, ValidationError } from "@entraide/core/errors";

/** A mistake in how a command was called (bad argument, unreadable file): exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
  readonly code: ErrorCode = "cli.usage";
}

/** A file the command was given that cannot be read, said in words (not "ENOENT"). */
export function unreadable(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const why =
    code === "ENOENT"
      ? `there is no file ${file}: check the path`
      : code === "EACCES"
        ? `cannot read ${file}: you may not read it (check its permissions)`
        : code === "EISDIR"
          ? `${file} is a folder: give a file`
          : `cannot read ${file}: ${(error as Error)?.message ?? String(error)}`;
  return new UsageError(why);
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** One line saying what went wrong and, where we know it, what to do. */
export function describeError(error: unknown, local: boolean): string {
  if (error instanceof ValidationError) {
    return error.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");
  }
  if (isConnectionRefused(error)) {
    return local
      ? "cannot reach the local stack's emulators: start the local stack with `npm start` (or restart it)"
      : "cannot reach AWS: check the network and the ENTRAIDE_* endpoints";
  }
  const name = (error as Error)?.name;
  if (name === "ResourceNotFoundException") {
    return `${(error as Error).message}: the table does not exist; ${local ? "restart the local stack with `npm start`" : "deploy the stage first (npx sst deploy --stage <stage>)"}`;
  }
  if (name === "CredentialsProviderError") {
    return `no AWS credentials: ${(error as Error).message} (set AWS_PROFILE or the AWS_* variables)`;
  }
  // With what it wraps: "the import stopped at line 3: …" says why underneath.
  return messageWithCauses(error);
}

function isConnectionRefused(error: unknown): boolean {
  const e = error as { code?: string; errors?: unknown[]; cause?: unknown } | undefined;
  if (!e || typeof e !== "object") return false;
  return (
    e.code === "ECONNREFUSED" ||
    (Array.isArray(e.errors) && e.errors.some(isConnectionRefused)) ||
    (e.cause !== undefined && e.cause !== e && isConnectionRefused(e.cause))
  );
}

/** Exit code of an error: 2 when the caller used the command wrongly, 1 otherwise. */
export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError || error instanceof ValidationError
    ? EXIT.usage
    : EXIT.failure;
}

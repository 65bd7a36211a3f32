/**
 * Errors with a stable machine code. `retryable` tells the engine what to do with one it sees:
 * retry it (a passing fault) or record it and route it to a catch or fail the execution.
 * `status` is the HTTP status when the error reaches an API caller (4xx: their mistake).
 */
export class EntraideError extends Error {
  override name = "EntraideError";
  constructor(
    readonly code: string,
    message: string,
    readonly options: {
      status?: number;
      retryable?: boolean;
      cause?: unknown;
      details?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
  }
  get status(): number {
    return this.options.status ?? 500;
  }
  get retryable(): boolean {
    return this.options.retryable ?? false;
  }
}

export class NotFoundError extends EntraideError {
  override name = "NotFoundError";
  constructor(what: string) {
    super("not-found", `${what} not found`, { status: 404 });
  }
}

export class ConflictError extends EntraideError {
  override name = "ConflictError";
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, { status: 409, details });
  }
}

export class ValidationError extends EntraideError {
  override name = "ValidationError";
  constructor(readonly errors: { path: string; code: string; message: string }[]) {
    super("validation", "the input is not valid", { status: 400, details: errors });
  }
}

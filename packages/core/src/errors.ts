/**
 * Every machine code an error carries, in one style: `domain.kebab-case`, the domain first
 * (what the code is about), then what happened. API callers see the codes of 4xx answers
 * (`{ error: { code } }`), the engine records them on failed executions and its retry and
 * catch rules match them, the CLI prints them. `EntraideError` takes only a code of this
 * list, so a new one is added here or does not compile.
 *
 * Field-level validation codes (`required`, `text_bidi_control`, zod's issue codes) are another
 * list on purpose: they name what is wrong with one field of a body, each with its message in
 * the reader's language (requests/messages.ts), inside a `400 { errors: [...] }`; these name
 * why a whole operation did not happen.
 */
export const errorCodes = [
  // Input that is not what the API or the CLI reads.
  "input.invalid",
  "input.malformed-json",
  "idempotency-key.invalid",
  "idempotency.conflict",
  "amount.ambiguous",
  "amount.invalid",
  "amount.too-large",
  "cli.usage",
  "cli.stage-config",
  "local.not-started",
  "local.bad-config",
  "config.debtor-missing",
  "server.internal",
  // Things looked up that do not exist.
  "request.not-found",
  "post.not-found",
  "member.not-found",
  "execution.not-found",
  "batch.not-found",
  "payout.not-found",
  "document.not-found",
  "workflow.unknown",
  "workflow.unknown-version",
  // Links and their tokens.
  "token.invalid",
  "token.used",
  "token.expired",
  "token.superseded",
  // The engine.
  "execution.stale",
  "execution.torn-read",
  "execution.contended",
  "execution.not-failed",
  "effect.in-progress",
  "signal.already-sent",
  "dlq.send-failed",
  "record.changed",
  "execution.write-refused",
  // Requests and what members, approvers and committees do with them.
  "request.busy",
  "request.not-awaiting-report",
  "request.not-closable",
  "request.not-abandoned",
  "request.not-disputable",
  "request.not-disputed",
  "request.not-waiting-for-iban",
  "request.not-waiting-for-info",
  "request.not-withdrawable",
  "member.unknown",
  "routing.not-enough-approvers",
  "decision.already-decided",
  "decision.amount",
  "decision.closed",
  "decision.own-request",
  "decision.wrong-sender",
  "vote.closed",
  "vote.applicant",
  "vote.already-voted",
  "vote.conflict-declared",
  "loan.not-a-loan",
  // Funds and payouts: the `fund.*` and `payout.*` write conditions route workflows (catch).
  "fund.busy",
  "fund.envelope-too-small",
  "fund.unbalanced",
  "fund.insufficient",
  "fund.missing",
  "fund.counters-corrupt",
  "payout.busy",
  "payout.exists",
  "payout.not-sent",
  "payout.not-failed",
  "payout.not-abandoned",
  "payout.reason-missing",
  "batch.busy",
  "batch.empty",
  "batch.not-exported",
  "batch.corrupt",
  "batch.changed-during-export",
  "finance.no-debtor",
  "finance.no-email",
  "recovery.fund-missing",
  "recovery.no-client",
  "recovery.not-paid",
  "recovery.overpaid",
  "recovery.reference-invalid",
  "recovery.reference-used",
  // Registers, imports, erasure.
  "member.erased",
  "import.invalid-file",
  "import.aborted",
  "erasure.request-open",
  // The mutual-help board.
  "board.refused",
  "board.not-published",
  "board.rate-limited",
  "board.cannot-edit",
  "board.cannot-close",
  "board.cannot-renew",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Which codes {@link NotFoundError} gives: what was looked for. */
export type NotFoundKind = "request" | "post" | "member" | "execution" | "batch" | "payout";

/**
 * Errors with a stable machine code. `retryable` tells the engine what to do with one it sees:
 * retry it (a passing fault) or record it and route it to a catch or fail the execution.
 * `status` is the HTTP status when the error reaches an API caller (4xx: their mistake).
 * `cause` is the error it wraps: the engine's record, the logs and the CLI keep it.
 */
export class EntraideError extends Error {
  override name = "EntraideError";
  constructor(
    readonly code: ErrorCode,
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
  /** `new NotFoundError("batch", id)`: `batch.not-found`, "batch B-1 not found". */
  constructor(kind: NotFoundKind, id?: string) {
    super(`${kind}.not-found`, `${id === undefined ? kind : `${kind} ${id}`} not found`, {
      status: 404,
    });
  }
}

export class ConflictError extends EntraideError {
  override name = "ConflictError";
  constructor(code: ErrorCode, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(code, message, { status: 409, details, cause: options?.cause });
  }
}

export class ValidationError extends EntraideError {
  override name = "ValidationError";
  constructor(readonly errors: { path: string; code: string; message: string }[]) {
    super("input.invalid", "the input is not valid", { status: 400, details: errors });
  }
}

/**
 * An error's message followed by the messages of the errors it wraps (`cause`), so the record
 * of a failure or a CLI line says what went wrong underneath: "a: b: c".
 */
export function messageWithCauses(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !parts.some((p) => p.includes(message))) parts.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(": ");
}

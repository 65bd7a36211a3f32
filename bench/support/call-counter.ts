import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  HandlerExecutionContext,
  MiddlewareStack,
} from "@smithy/types";

/**
 * Counts the AWS requests that SDK v3 clients send, by service and operation, with a
 * middleware on each client's stack. Shared by the benchmarks (engine, end to end).
 */

/** What a client exposes that the counter needs: any SDK v3 client (or DynamoDBDocumentClient). */
export interface CountableClient {
  // biome-ignore lint/suspicious/noExplicitAny: every client's stack has its own input and output types; the counter looks at neither.
  middlewareStack: Pick<MiddlewareStack<any, any>, "add" | "remove">;
}

/** Requests by service (e.g. "DynamoDB", "SQS") then operation (e.g. "TransactWriteItems"). */
export type CallCounts = Record<string, Record<string, number>>;

export interface CallCounter {
  /** A copy of the counts since the last reset. */
  counts(): CallCounts;
  /** Requests since the last reset: all of them, or one service's. */
  total(service?: string): number;
  reset(): void;
  /** Takes the middleware off every client it was attached to. */
  detach(): void;
}

const NAME = "entraideCallCounter";

/**
 * Milliseconds since the epoch, on the wall clock the rest of the bench and the engine's history
 * use (performance.timeOrigin + performance.now() drifts from it in a long run, by tens of ms).
 */
export const nowMs = () => Date.now();

/** One request on the wire: which, and when it was sent and answered (ms since the epoch). */
export interface CallSpan {
  service: string;
  operation: string;
  start: number;
  end: number;
}

/**
 * Attaches one counter to every client given (e.g. `deps.clients`). The middleware sits at the
 * end of the finalizeRequest step, inside the SDK's retry middleware, so each attempt the SDK
 * sends on the wire counts once, as AWS would bill it. `onCall`, when given, hears each one's times.
 */
export function attach<T extends { [K in keyof T]: CountableClient }>(
  clients: T,
  onCall?: (span: CallSpan) => void,
): CallCounter {
  let counts: CallCounts = {};
  const stacks = new Set(Object.values<CountableClient>(clients).map((c) => c.middlewareStack));
  const middleware =
    (next: FinalizeHandler<object, object>, context: HandlerExecutionContext) =>
    (args: FinalizeHandlerArguments<object>) => {
      const service = (context.clientName ?? "unknown").replace(/Client$/, "");
      const operation = (context.commandName ?? "unknown").replace(/Command$/, "");
      counts[service] = {
        ...counts[service],
        [operation]: (counts[service]?.[operation] ?? 0) + 1,
      };
      if (!onCall) return next(args);
      const start = nowMs();
      return next(args).finally(() => onCall({ service, operation, start, end: nowMs() }));
    };
  for (const stack of stacks) {
    // A stack shared by two clients (DynamoDBDocumentClient and its DynamoDBClient) counts once.
    stack.remove(NAME);
    stack.add(middleware, { step: "finalizeRequest", priority: "low", name: NAME });
  }
  return {
    counts: () => structuredClone(counts),
    total: (service) =>
      Object.entries(counts)
        .filter(([s]) => service === undefined || s === service)
        .flatMap(([, ops]) => Object.values(ops))
        .reduce((a, b) => a + b, 0),
    reset: () => {
      counts = {};
    },
    detach: () => {
      for (const stack of stacks) stack.remove(NAME);
    },
  };
}

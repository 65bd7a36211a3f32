import { randomUUID } from "node:crypto";
import type { Context } from "aws-lambda";
import { withInvocationLogger } from "../logger";

/** The Lambda context a handler receives, for in-process invocations. */
export function lambdaContext(functionName: string, timeoutMs = 30_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:local:123456789012:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * Invokes a handler in process as Lambda would: with its own context, and its own logger, so
 * that its log lines name it and not whichever handler ran before or beside it.
 */
export function invokeLocally<E, R>(
  functionName: string,
  handler: (event: E, context: Context) => Promise<R>,
  event: E,
): Promise<R> {
  const context = lambdaContext(functionName);
  return withInvocationLogger(context, () => handler(event, context));
}

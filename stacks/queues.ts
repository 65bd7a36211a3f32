import { MAX_RECEIVE_COUNT } from "@entraide/core/aws/queue-policy";
import { Duration } from "aws-cdk-lib";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import type { StackContext } from "sst/constructs";
import { WORKER_TIMEOUT_SECONDS } from "./runtime";
import { removalPolicy, useSettings } from "./settings";

/**
 * AWS's advice for a Lambda consumer: a message stays invisible six times the function's timeout,
 * so retries of a throttled or slow batch do not overlap the batch still running.
 */
export const VISIBILITY_TIMEOUT_SECONDS = 6 * WORKER_TIMEOUT_SECONDS;

/** The workflow queue (only a trigger: the table is the truth) and its dead-letter queue. */
export function Queues({ stack, app }: StackContext) {
  const settings = useSettings(app);
  const deadLetters = new Queue(stack, "WorkflowDlq", {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    // Dead letters are what operations redrive: a production stack keeps them.
    removalPolicy: removalPolicy(settings),
  });
  const queue = new Queue(stack, "Workflow", {
    visibilityTimeout: Duration.seconds(VISIBILITY_TIMEOUT_SECONDS),
    retentionPeriod: Duration.days(4),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    deadLetterQueue: { queue: deadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
  });
  return { queue, deadLetters };
}

import { type BucketArea, bucketLayout } from "@entraide/core/aws/bucket-layout";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { ApplicationLogLevel, LoggingFormat, SystemLogLevel } from "aws-cdk-lib/aws-lambda";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import type { Config, FunctionProps, Table } from "sst/constructs";
import { logRetention, removalPolicy, type Settings } from "./settings";

/** The worker's timeout; the queue's visibility timeout is derived from it. */
export const WORKER_TIMEOUT_SECONDS = 60;

/** The metric contract with the engine (docs/deployment.md): EMF through Powertools Metrics. */
export const METRICS_NAMESPACE = "Entraide";
export const SERVICE_NAME = "entraide";

export interface RuntimeResources {
  settings: Settings;
  table: Table;
  queue: IQueue;
  deadLetters: IQueue;
  bucket: IBucket;
}

/** What `configFromEnv` reads (packages/core/src/config.ts), secrets excepted: those are bound. */
export function runtimeEnvironment(r: RuntimeResources): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ENTRAIDE_TABLE: r.table.tableName,
    ENTRAIDE_QUEUE_URL: r.queue.queueUrl,
    ENTRAIDE_DLQ_URL: r.deadLetters.queueUrl,
    ENTRAIDE_BUCKET: r.bucket.bucketName,
    ENTRAIDE_MAIL_FROM: r.settings.mailFrom,
    ENTRAIDE_REPLY_TO: r.settings.replyTo,
    ENTRAIDE_FINANCE_EMAIL: r.settings.financeEmail,
    ENTRAIDE_PUBLIC_URL: r.settings.publicUrl,
    ENTRAIDE_PLAN: r.settings.plan,
    POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
  };
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

export interface LambdaOptions {
  handler: string;
  timeoutSeconds: number;
  memorySize: number;
  environment: Record<string, string>;
  permissions: PolicyStatement[];
  secrets: Config.Secret[];
  retryAttempts?: number;
}

/**
 * Props every Lambda of the app shares: Node.js 22 on arm64, one small ESM bundle (the AWS SDK v3
 * is left out: the runtime has it), JSON logs in a log group of its own with the stage's
 * retention, and only the permissions it is given.
 */
export function lambdaProps(
  scope: Construct,
  id: string,
  settings: Settings,
  o: LambdaOptions,
): FunctionProps {
  return {
    handler: o.handler,
    runtime: "nodejs22.x",
    architecture: "arm_64",
    timeout: o.timeoutSeconds,
    memorySize: o.memorySize,
    environment: o.environment,
    permissions: o.permissions,
    bind: o.secrets,
    retryAttempts: o.retryAttempts,
    nodejs: {
      format: "esm",
      minify: true,
      sourcemap: true,
      esbuild: { external: ["@aws-sdk/*"] },
    },
    loggingFormat: LoggingFormat.JSON,
    applicationLogLevelV2: ApplicationLogLevel.INFO,
    systemLogLevelV2: SystemLogLevel.WARN,
    logGroup: new LogGroup(scope, `${id}Logs`, {
      retention: logRetention(settings),
      removalPolicy: removalPolicy(settings),
    }),
  };
}

const allow = (actions: string[], resources: string[]) =>
  new PolicyStatement({ effect: Effect.ALLOW, actions, resources });

/** Least-privilege statements, each on named resources only. */
export const grants = {
  /** Items and index queries; no Scan, no table administration. */
  tableReadWrite: (table: Table) =>
    allow(
      [
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:BatchWriteItem",
        "dynamodb:ConditionCheckItem",
      ],
      [table.tableArn, `${table.tableArn}/index/*`],
    ),
  /**
   * Reading the whole table, for the erasure alone: it must find every copy of a member's data
   * whatever item holds it (§10).
   */
  tableScan: (table: Table) => allow(["dynamodb:Scan"], [table.tableArn]),
  /** Listing object keys under areas of the bucket layout (the erasure looks for a member's files). */
  listObjects: (bucket: IBucket, areas: BucketArea[]) =>
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ["s3:ListBucket"],
      resources: [bucket.bucketArn],
      conditions: {
        StringLike: { "s3:prefix": areas.map((area) => `${bucketLayout[area].prefix}*`) },
      },
    }),
  /** `SendMessageBatch` is authorized by `sqs:SendMessage`. */
  queueSend: (queue: IQueue) => allow(["sqs:SendMessage"], [queue.queueArn]),
  /** Object actions limited to areas of the bucket layout. */
  objects: (
    bucket: IBucket,
    actions: Array<"s3:GetObject" | "s3:PutObject" | "s3:DeleteObject">,
    areas: BucketArea[],
  ) =>
    allow(
      actions,
      areas.map((area) => bucket.arnForObjects(`${bucketLayout[area].prefix}*`)),
    ),
  /** SES authorizes a send against the identity and the configuration set it uses. */
  sendEmail: (identityArn: string, configurationSetArn: string) =>
    allow(["ses:SendEmail", "ses:SendRawEmail"], [identityArn, configurationSetArn]),
};

import { z } from "zod";

const optionalUrl = z.string().url().optional();

/**
 * Runtime configuration of a deployment, read from the environment. In AWS the stacks set
 * the names and leave the endpoints unset; locally the launcher points the endpoints at the
 * emulators. Nothing else in the code knows which of the two it runs in.
 */
export const RuntimeConfig = z.object({
  region: z.string().min(1).default("eu-west-1"),
  table: z.string().min(1),
  queueUrl: z.string().url(),
  deadLetterQueueUrl: z.string().url(),
  bucket: z.string().min(1),
  mailFrom: z.string().email(),
  replyTo: z.string().email().optional(),
  financeEmail: z.string().email().optional(),
  publicUrl: z.string().url(),
  tokenSecret: z.string().min(32, "the token secret must have at least 32 characters"),
  endpoints: z
    .object({ dynamodb: optionalUrl, sqs: optionalUrl, s3: optionalUrl, ses: optionalUrl })
    .default({}),
});
export type RuntimeConfig = z.infer<typeof RuntimeConfig>;

/** Reads {@link RuntimeConfig} from `ENTRAIDE_*` variables; throws naming each missing one. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const parsed = RuntimeConfig.safeParse({
    region: env.AWS_REGION,
    table: env.ENTRAIDE_TABLE,
    queueUrl: env.ENTRAIDE_QUEUE_URL,
    deadLetterQueueUrl: env.ENTRAIDE_DLQ_URL,
    bucket: env.ENTRAIDE_BUCKET,
    mailFrom: env.ENTRAIDE_MAIL_FROM,
    replyTo: env.ENTRAIDE_REPLY_TO || undefined,
    financeEmail: env.ENTRAIDE_FINANCE_EMAIL || undefined,
    publicUrl: env.ENTRAIDE_PUBLIC_URL,
    tokenSecret: env.ENTRAIDE_TOKEN_SECRET,
    endpoints: {
      dynamodb: env.ENTRAIDE_DYNAMODB_ENDPOINT || undefined,
      sqs: env.ENTRAIDE_SQS_ENDPOINT || undefined,
      s3: env.ENTRAIDE_S3_ENDPOINT || undefined,
      ses: env.ENTRAIDE_SES_ENDPOINT || undefined,
    },
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid Entraide configuration: ${fields.join("; ")}`);
  }
  return parsed.data;
}

/** The inverse of {@link configFromEnv}: what a child process or a Lambda needs in its env. */
export function configToEnv(config: RuntimeConfig): Record<string, string> {
  const env: Record<string, string | undefined> = {
    AWS_REGION: config.region,
    ENTRAIDE_TABLE: config.table,
    ENTRAIDE_QUEUE_URL: config.queueUrl,
    ENTRAIDE_DLQ_URL: config.deadLetterQueueUrl,
    ENTRAIDE_BUCKET: config.bucket,
    ENTRAIDE_MAIL_FROM: config.mailFrom,
    ENTRAIDE_REPLY_TO: config.replyTo,
    ENTRAIDE_FINANCE_EMAIL: config.financeEmail,
    ENTRAIDE_PUBLIC_URL: config.publicUrl,
    ENTRAIDE_TOKEN_SECRET: config.tokenSecret,
    ENTRAIDE_DYNAMODB_ENDPOINT: config.endpoints.dynamodb,
    ENTRAIDE_SQS_ENDPOINT: config.endpoints.sqs,
    ENTRAIDE_S3_ENDPOINT: config.endpoints.s3,
    ENTRAIDE_SES_ENDPOINT: config.endpoints.ses,
  };
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

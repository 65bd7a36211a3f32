import { Config } from "sst/node/config";
import * as z from "zod";

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
  /** The cooperative's account payouts are paid from; only finance exports need it. */
  debtor: z
    .object({ name: z.string().min(1), iban: z.string().min(1), bic: z.string().optional() })
    .optional(),
  endpoints: z
    .object({ dynamodb: optionalUrl, sqs: optionalUrl, s3: optionalUrl, ses: optionalUrl })
    .default({}),
});
export type RuntimeConfig = z.infer<typeof RuntimeConfig>;

/**
 * The secrets the SST stacks bind as `Config.Secret` (never plain environment variables): SST
 * sets `SST_Secret_value_<NAME>` in the Lambda's environment, and `sst/node/config` fetches the
 * values from SSM (decrypted) when it loads, before any handler runs.
 */
export const boundSecrets = {
  tokenSecret: "TOKEN_SECRET",
  debtorName: "DEBTOR_NAME",
  debtorIban: "DEBTOR_IBAN",
  debtorBic: "DEBTOR_BIC",
} as const;

function secret(env: NodeJS.ProcessEnv, plain: string, bound: string): string | undefined {
  if (env[plain]) return env[plain];
  // Config throws for a name that is not bound; locally nothing is, and the plain variable rules.
  if (env[`SST_Secret_value_${bound}`] === undefined) return undefined;
  return (Config as Record<string, string | undefined>)[bound] || undefined;
}

/**
 * Reads {@link RuntimeConfig} from `ENTRAIDE_*` variables, secrets also from SST's bound
 * `Config` (see {@link boundSecrets}); throws naming each missing one.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const debtorName = secret(env, "ENTRAIDE_DEBTOR_NAME", boundSecrets.debtorName);
  const debtorIban = secret(env, "ENTRAIDE_DEBTOR_IBAN", boundSecrets.debtorIban);
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
    tokenSecret: secret(env, "ENTRAIDE_TOKEN_SECRET", boundSecrets.tokenSecret),
    debtor:
      debtorName || debtorIban
        ? {
            name: debtorName,
            iban: debtorIban,
            bic: secret(env, "ENTRAIDE_DEBTOR_BIC", boundSecrets.debtorBic),
          }
        : undefined,
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
    ENTRAIDE_DEBTOR_NAME: config.debtor?.name,
    ENTRAIDE_DEBTOR_IBAN: config.debtor?.iban,
    ENTRAIDE_DEBTOR_BIC: config.debtor?.bic,
    ENTRAIDE_DYNAMODB_ENDPOINT: config.endpoints.dynamodb,
    ENTRAIDE_SQS_ENDPOINT: config.endpoints.sqs,
    ENTRAIDE_S3_ENDPOINT: config.endpoints.s3,
    ENTRAIDE_SES_ENDPOINT: config.endpoints.ses,
  };
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

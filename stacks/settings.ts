import { loadPlanConfig } from "@entraide/core/plan/config";
import { RemovalPolicy } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import * as z from "zod";

/**
 * What differs between stages and is not a secret, read when the stacks are synthesized: from
 * the shell, or from `.env.<stage>` (SST loads it). Secrets never come through here: they are
 * `Config.Secret`s (see secrets.ts), set with `npx sst secrets set`.
 */
const StageSettings = z.object({
  /** The site's and the sender's domain, e.g. `entraide.example.coop`. */
  domain: z.string().regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, "a lower-case domain name"),
  /** ACM certificate for `domain`, in us-east-1 as CloudFront requires. */
  certificateArn: z.string().regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/),
  /** Who receives the alarms. */
  opsEmail: z.string().email(),
  /** Who receives the payout batches; optional like in the runtime config. */
  financeEmail: z.string().email().optional(),
  /** The plan's overrides (JSON: funds, committees, approval policies…), checked at synth. */
  plan: z
    .string()
    .optional()
    .superRefine((text, ctx) => {
      if (text === undefined) return;
      try {
        loadPlanConfig(JSON.parse(text));
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
});

export interface Settings extends z.infer<typeof StageSettings> {
  stage: string;
  prod: boolean;
  /** The site's origin: links in emails, CORS of the API and of the documents bucket. */
  publicUrl: string;
  /** Replies to approval emails arrive here (MX to SES); a subdomain so `domain` keeps its own records. */
  inboundDomain: string;
  mailFrom: string;
  replyTo: string;
}

/** Reads the settings of `stage` from `env`; throws naming every missing or invalid variable. */
export function stageSettings(stage: string, env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = StageSettings.safeParse({
    domain: env.ENTRAIDE_DOMAIN,
    certificateArn: env.ENTRAIDE_CERTIFICATE_ARN,
    opsEmail: env.ENTRAIDE_OPS_EMAIL,
    financeEmail: env.ENTRAIDE_FINANCE_EMAIL || undefined,
    plan: env.ENTRAIDE_PLAN || undefined,
  });
  if (!parsed.success) {
    const names = {
      domain: "ENTRAIDE_DOMAIN",
      certificateArn: "ENTRAIDE_CERTIFICATE_ARN",
      opsEmail: "ENTRAIDE_OPS_EMAIL",
      financeEmail: "ENTRAIDE_FINANCE_EMAIL",
      plan: "ENTRAIDE_PLAN",
    };
    const fields = parsed.error.issues.map(
      (i) => `${names[i.path[0] as keyof typeof names] ?? i.path.join(".")}: ${i.message}`,
    );
    throw new Error(
      `stage "${stage}" is not configured (see docs/deployment.md): ${fields.join("; ")}`,
    );
  }
  const { domain } = parsed.data;
  const inboundDomain = `in.${domain}`;
  return {
    ...parsed.data,
    stage,
    prod: stage === "prod",
    publicUrl: `https://${domain}`,
    inboundDomain,
    mailFrom: `entraide@${domain}`,
    replyTo: `replies@${inboundDomain}`,
  };
}

const cache = new WeakMap<object, Settings>();

/** The settings of the app's stage, read once per app. */
export function useSettings(app: { stage: string }): Settings {
  let settings = cache.get(app);
  if (!settings) {
    settings = stageSettings(app.stage);
    cache.set(app, settings);
  }
  return settings;
}

/** Data outlives a production stack; anywhere else `sst remove` leaves nothing behind. */
export const removalPolicy = (s: Settings) =>
  s.prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

export const logRetention = (s: Settings) =>
  s.prod ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_WEEK;

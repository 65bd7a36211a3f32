import path from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { App, getStack, use } from "sst/constructs";
import { initProject } from "sst/project.js";
import config from "../../sst.config";

/** What a stage's `.env.<stage>` would hold; nothing here needs an AWS account to exist. */
export const stageEnv = {
  ENTRAIDE_DOMAIN: "entraide.example.coop",
  ENTRAIDE_CERTIFICATE_ARN:
    "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555",
  ENTRAIDE_OPS_EMAIL: "ops@example.coop",
  ENTRAIDE_FINANCE_EMAIL: "finance@example.coop",
};

// Fake credentials and a fixed account: synthesis must never look anything up.
const offlineEnv = {
  AWS_ACCESS_KEY_ID: "AKIAOFFLINEOFFLINE00",
  AWS_SECRET_ACCESS_KEY: "offline",
  AWS_REGION: "eu-west-1",
  CDK_DEFAULT_ACCOUNT: "123456789012",
  CDK_DEFAULT_REGION: "eu-west-1",
};

type StackFn = Parameters<typeof getStack>[0];

export interface Synthesized {
  stage: string;
  template: (stack: StackFn) => Template;
  /** What a stack function returned (its constructs), as `use()` gives it to later stacks. */
  exports: <T extends StackFn>(stack: T) => Awaited<ReturnType<T>>;
}

/**
 * Synthesizes the whole app of sst.config.ts for `stage` the way `sst deploy` does, minus
 * `App.finish()`: SST builds functions and the site in deferred tasks that only `finish()` runs,
 * so nothing is bundled or built here and the functions carry SST's placeholder code.
 */
export async function synthesize(stage: string): Promise<Synthesized> {
  Object.assign(process.env, offlineEnv, stageEnv);
  const root = path.resolve(import.meta.dirname, "../..");
  await initProject({ stage, root });
  const app = new App({
    mode: "deploy",
    stage,
    name: "entraide",
    region: "eu-west-1",
    account: offlineEnv.CDK_DEFAULT_ACCOUNT,
  });
  await config.stacks(app);
  const templates = new Map<StackFn, Template>();
  const exportsOf = new Map<StackFn, unknown>();
  return {
    stage,
    template: (stack) => {
      if (!templates.has(stack)) templates.set(stack, Template.fromStack(getStack(stack)));
      return templates.get(stack) as Template;
    },
    exports: <T extends StackFn>(stack: T) => {
      if (!exportsOf.has(stack)) exportsOf.set(stack, use(stack));
      return exportsOf.get(stack) as Awaited<ReturnType<T>>;
    },
  };
}

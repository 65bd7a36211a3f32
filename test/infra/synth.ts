import path from "node:path";
import type { CfnElement } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { IConstruct } from "constructs";
import { App, getStack, use } from "sst/constructs";
import type { FunctionalStack } from "sst/constructs/FunctionalStack.js";
import { initProject } from "sst/project.js";
import config from "../../sst.config";
import { Alarms } from "../../stacks/alarms";
import { Api } from "../../stacks/api";
import { Data } from "../../stacks/data";
import { Documents } from "../../stacks/documents";
import { Email } from "../../stacks/email";
import { Queues } from "../../stacks/queues";
import { Secrets } from "../../stacks/secrets";
import { Web } from "../../stacks/web";
import { Workers } from "../../stacks/workers";

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

/** Every stack of sst.config.ts, in its order. */
export const allStacks = [Secrets, Data, Queues, Documents, Email, Workers, Api, Web, Alarms];
type StackFn = (typeof allStacks)[number];

export interface Synthesized {
  stage: string;
  template: (stack: StackFn) => Template;
  /** What a stack function returned (its constructs), as `use()` gives it to later stacks. */
  exports: <T extends StackFn>(stack: T) => Awaited<ReturnType<T>>;
  logicalId: (stack: StackFn, construct: IConstruct) => string;
}

/**
 * Synthesizes the whole app of sst.config.ts for `stage` the way `sst deploy` does, minus
 * `App.finish()`: SST builds functions and the site in deferred tasks that only `finish()` runs,
 * so nothing is bundled or built here and the functions carry SST's placeholder code. Everything
 * is captured at once: SST's `use()` and `getStack()` answer for the last app created.
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
  const captured = new Map(
    allStacks.map((fn) => {
      const stack = getStack(fn);
      const exports: unknown = use(fn as FunctionalStack<unknown>);
      return [fn, { stack, exports, template: Template.fromStack(stack) }] as const;
    }),
  );
  const of = (fn: StackFn) => captured.get(fn) as NonNullable<ReturnType<typeof captured.get>>;
  return {
    stage,
    template: (fn) => of(fn).template,
    exports: <T extends StackFn>(fn: T) => of(fn).exports as Awaited<ReturnType<T>>,
    logicalId: (fn, construct) => {
      const element = (construct.node.defaultChild ?? construct) as CfnElement;
      return of(fn).stack.getLogicalId(element);
    },
  };
}

import { randomBytes, randomUUID } from "node:crypto";
import { inject } from "vitest";
import { type AwsClients, createClients } from "../../packages/core/src/aws/clients";
import { type Clock, OffsetClock } from "../../packages/core/src/clock";
import type { RuntimeConfig } from "../../packages/core/src/config";
import { type Deps, depsFromConfig } from "../../packages/core/src/deps";
import { provision } from "../../packages/functions/src/local/provision";

export interface TestStack extends Deps {
  config: RuntimeConfig;
  clients: AwsClients;
  /** A clock the test moves by hand: starts at real time, advances with `clock.advance(ms)`. */
  clock: OffsetClock;
}

process.env.AWS_ACCESS_KEY_ID ??= "local";
process.env.AWS_SECRET_ACCESS_KEY ??= "local";

/** Fresh, uniquely named resources on the shared emulators, so test files run in parallel. */
export async function createTestStack(): Promise<TestStack> {
  const endpoints = inject("endpoints");
  const suffix = randomUUID().slice(0, 8);
  const base: RuntimeConfig = {
    region: "eu-west-1",
    table: `entraide-test-${suffix}`,
    queueUrl: "http://placeholder.invalid/",
    deadLetterQueueUrl: "http://placeholder.invalid/",
    bucket: `entraide-test-${suffix}`,
    mailFrom: "entraide@smart.test",
    replyTo: "decisions@smart.test",
    financeEmail: "finance@smart.test",
    publicUrl: "http://localhost:3000",
    tokenSecret: randomBytes(32).toString("hex"),
    endpoints,
  };
  const clients = createClients(base);
  const queues = await provision(clients, {
    table: base.table,
    queue: `entraide-test-${suffix}`,
    bucket: base.bucket,
  });
  const config = { ...base, ...queues };
  const clock: Clock & OffsetClock = new OffsetClock();
  return { ...depsFromConfig(config, clock), clock };
}

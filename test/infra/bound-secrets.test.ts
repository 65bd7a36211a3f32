import { expect, test } from "vitest";

/**
 * What a deployed function's environment holds once SST's `sst/node/config` has fetched the bound
 * secrets from SSM (here the values are given inline, which the same code path reads without SSM),
 * plus what the stacks set. Set before config.ts is first imported: `sst/node/config` reads the
 * environment when it loads, as it does when a Lambda starts.
 */
const lambdaEnv = {
  SST_APP: "entraide",
  SST_STAGE: "test",
  SST_Secret_value_TOKEN_SECRET: "a-token-secret-of-at-least-32-characters",
  SST_Secret_value_DEBTOR_NAME: "Coopérative Exemple",
  SST_Secret_value_DEBTOR_IBAN: "BE68539007547034",
  SST_Secret_value_DEBTOR_BIC: "GKCCBEBB",
  ENTRAIDE_TABLE: "test-entraide-Table",
  ENTRAIDE_QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/123456789012/workflow",
  ENTRAIDE_DLQ_URL: "https://sqs.eu-west-1.amazonaws.com/123456789012/workflow-dlq",
  ENTRAIDE_BUCKET: "documents",
  ENTRAIDE_MAIL_FROM: "entraide@entraide.example.coop",
  ENTRAIDE_PUBLIC_URL: "https://entraide.example.coop",
};

test("a deployed function reads the token secret and the debtor account that SST bound to it", async () => {
  // Prepare
  Object.assign(process.env, lambdaEnv);
  const { configFromEnv } = await import("../../packages/core/src/config");
  // Act
  const config = configFromEnv(process.env);
  // Assess
  expect(config.tokenSecret).toBe(lambdaEnv.SST_Secret_value_TOKEN_SECRET);
  expect(config.debtor).toEqual({
    name: "Coopérative Exemple",
    iban: "BE68539007547034",
    bic: "GKCCBEBB",
  });
});

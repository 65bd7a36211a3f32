import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Match } from "aws-cdk-lib/assertions";
import type { FunctionProps } from "sst/constructs";
import { beforeAll, describe, expect, test } from "vitest";
import { bucketLayout } from "../../packages/core/src/aws/bucket-layout";
import { MAX_RECEIVE_COUNT } from "../../packages/core/src/aws/queue-policy";
import { configToEnv, type RuntimeConfig } from "../../packages/core/src/config";
import { tableDefinition, ttlAttribute } from "../../packages/core/src/db/layout";
import { schedules } from "../../packages/functions/src/cron/schedules";
import { routes } from "../../packages/functions/src/http/routes";
import { Alarms } from "../../stacks/alarms";
import { API_THROTTLE, Api } from "../../stacks/api";
import { Data } from "../../stacks/data";
import { Documents } from "../../stacks/documents";
import { Email } from "../../stacks/email";
import { Queues } from "../../stacks/queues";
import { Web } from "../../stacks/web";
import { WORKER_MAX_CONCURRENCY, Workers } from "../../stacks/workers";
import { type Synthesized, stageEnv, synthesize } from "./synth";
import {
  actionsOf,
  functionActions,
  identityStatements,
  ofType,
  only,
  resources,
  resourcesFor,
} from "./template";

const root = path.resolve(import.meta.dirname, "../..");
const publicUrl = `https://${stageEnv.ENTRAIDE_DOMAIN}`;
const stages: Record<string, Synthesized> = {};

beforeAll(async () => {
  // Prepare: one synthesis per stage for the whole file (a few seconds each, no bundling).
  stages.test = await synthesize("test");
  stages.prod = await synthesize("prod");
});

/** Every Lambda of the app with the stack it lives in and its SST props. */
function lambdas(s: Synthesized) {
  const { api } = s.exports(Api);
  const { worker, sweeper, batches, erasure } = s.exports(Workers);
  const { inbound } = s.exports(Email);
  const entries = [
    ...Object.keys(routes).map((key) => ({ name: key, stack: Api, fn: api.getFunction(key)! })),
    { name: "worker", stack: Workers, fn: worker },
    { name: "sweeper", stack: Workers, fn: sweeper },
    { name: "create-batches", stack: Workers, fn: batches },
    { name: "erasure", stack: Workers, fn: erasure },
    { name: "inbound", stack: Email, fn: inbound },
  ] as const;
  return entries.map((e) => ({
    ...e,
    id: s.logicalId(e.stack, e.fn),
    template: s.template(e.stack),
    props: (e.fn as unknown as { props: FunctionProps }).props,
  }));
}

const tableActions = [
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DeleteItem",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:Query",
  "dynamodb:UpdateItem",
];
const tracing = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"];
const secrets = ["ssm:GetParameters"];
const sendEmail = ["ses:SendEmail", "ses:SendRawEmail"];
const consume = [
  "sqs:ChangeMessageVisibility",
  "sqs:DeleteMessage",
  "sqs:GetQueueAttributes",
  "sqs:GetQueueUrl",
  "sqs:ReceiveMessage",
];
const sorted = (...lists: string[][]) => [...new Set(lists.flat())].sort();

/** What each function may do, and nothing more. */
const expectedActions: Record<string, string[]> = {
  worker: sorted(
    tableActions,
    ["sqs:SendMessage"],
    consume,
    ["s3:GetObject"],
    sendEmail,
    secrets,
    tracing,
  ),
  sweeper: sorted(tableActions, ["sqs:SendMessage"], secrets, tracing),
  "create-batches": sorted(
    tableActions,
    ["sqs:SendMessage", "s3:GetObject", "s3:PutObject"],
    sendEmail,
    secrets,
    tracing,
  ),
  inbound: sorted(tableActions, ["sqs:SendMessage", "s3:GetObject"], secrets, tracing),
  // The only Scan in the app: erasure must find every copy of a member's data.
  erasure: sorted(
    tableActions,
    ["dynamodb:Scan", "s3:ListBucket", "s3:GetObject", "s3:DeleteObject"],
    secrets,
    tracing,
  ),
  api: sorted(tableActions, ["sqs:SendMessage", "s3:GetObject", "s3:PutObject"], secrets, tracing),
};
const expectedS3Areas: Record<string, string[]> = {
  worker: ["uploads", "documents"],
  "create-batches": ["exports"],
  inbound: ["inbound"],
  erasure: ["documents", "uploads", "exports", "inbound"],
  api: ["uploads", "documents"],
};
const kind = (name: string) => (name.includes(" /api/") ? "api" : name);

describe.each(["test", "prod"])("the %s stage", (stageName) => {
  const s = () => stages[stageName] as Synthesized;
  const prod = stageName === "prod";

  describe("data", () => {
    test("the table has exactly the keys, indexes and attributes of the layout module", () => {
      // Prepare
      const definition = tableDefinition("any");
      // Act
      const [, { Properties: p }] = only(s().template(Data), "AWS::DynamoDB::Table");
      // Assess
      expect(p.KeySchema).toEqual(definition.KeySchema);
      expect(p.AttributeDefinitions).toEqual(definition.AttributeDefinitions);
      expect(p.GlobalSecondaryIndexes).toEqual(definition.GlobalSecondaryIndexes);
      expect(p.BillingMode).toBe("PAY_PER_REQUEST");
      expect(p.TimeToLiveSpecification).toEqual({ AttributeName: ttlAttribute, Enabled: true });
      expect(p.SSESpecification).toEqual({ SSEEnabled: true });
    });

    test(`point-in-time recovery, deletion protection and retention are ${prod ? "on" : "off"}`, () => {
      s()
        .template(Data)
        .hasResource("AWS::DynamoDB::Table", {
          Properties: Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: prod },
            DeletionProtectionEnabled: prod,
          }),
          DeletionPolicy: prod ? "Retain" : "Delete",
          UpdateReplacePolicy: prod ? "Retain" : "Delete",
        });
    });
  });

  describe("queues", () => {
    test("the workflow queue hands poison messages to the DLQ after MAX_RECEIVE_COUNT receives", () => {
      // Prepare
      const template = s().template(Queues);
      const { deadLetters } = s().exports(Queues);
      // Assess
      template.hasResourceProperties("AWS::SQS::Queue", {
        RedrivePolicy: {
          deadLetterTargetArn: { "Fn::GetAtt": [s().logicalId(Queues, deadLetters), "Arn"] },
          maxReceiveCount: MAX_RECEIVE_COUNT,
        },
        SqsManagedSseEnabled: true,
      });
    });

    test("a message stays invisible at least six times the worker's timeout", () => {
      // Prepare
      const { queue } = s().exports(Queues);
      const { worker } = s().exports(Workers);
      // Act
      const visibility = resources(s().template(Queues))[s().logicalId(Queues, queue)]?.Properties
        .VisibilityTimeout;
      const timeout = resources(s().template(Workers))[s().logicalId(Workers, worker)]?.Properties
        .Timeout;
      // Assess
      expect(timeout).toBeGreaterThan(0);
      expect(visibility).toBeGreaterThanOrEqual(6 * timeout);
    });

    test("the worker takes batches of 10, reports partial failures and has bounded concurrency", () => {
      // Prepare
      const { worker } = s().exports(Workers);
      const { queue } = s().exports(Queues);
      // Act
      const [, mapping] = only(s().template(Workers), "AWS::Lambda::EventSourceMapping");
      // Assess
      expect(mapping.Properties).toMatchObject({
        FunctionName: { Ref: s().logicalId(Workers, worker) },
        BatchSize: 10,
        FunctionResponseTypes: ["ReportBatchItemFailures"],
        ScalingConfig: { MaximumConcurrency: WORKER_MAX_CONCURRENCY },
      });
      expect(JSON.stringify(mapping.Properties.EventSourceArn)).toContain(
        s().logicalId(Queues, queue),
      );
      expect(WORKER_MAX_CONCURRENCY).toBeGreaterThanOrEqual(2);
      expect(WORKER_MAX_CONCURRENCY).toBeLessThanOrEqual(20);
    });
  });

  describe("functions", () => {
    test("every function runs Node.js 22 on arm64 with JSON logs kept for the stage's retention", () => {
      for (const l of lambdas(s())) {
        // Act
        const fn = resources(l.template)[l.id];
        const logGroupId = fn?.Properties.LoggingConfig?.LogGroup?.Ref;
        // Assess
        expect(fn?.Properties, l.name).toMatchObject({
          Runtime: "nodejs22.x",
          Architectures: ["arm64"],
          LoggingConfig: { LogFormat: "JSON" },
        });
        expect(resources(l.template)[logGroupId]?.Properties.RetentionInDays, l.name).toBe(
          prod ? 90 : 7,
        );
      }
    });

    test("every function is bundled as small minified ESM without the AWS SDK the runtime has", () => {
      for (const l of lambdas(s())) {
        expect(l.props.nodejs, l.name).toMatchObject({
          format: "esm",
          minify: true,
          sourcemap: true,
        });
        expect(l.props.nodejs?.esbuild?.external, l.name).toContain("@aws-sdk/*");
      }
    });

    test("every function gets what configFromEnv reads, and its secrets only bound through SSM", () => {
      // Prepare: the variables the runtime config reads, less endpoints (local only) and secrets.
      const sample = configToEnv({
        region: "eu-west-1",
        table: "t",
        queueUrl: "https://q",
        deadLetterQueueUrl: "https://d",
        bucket: "b",
        mailFrom: "a@b.c",
        replyTo: "r@b.c",
        financeEmail: "f@b.c",
        publicUrl: "https://p",
        tokenSecret: "s".repeat(32),
        debtor: { name: "n", iban: "i", bic: "b" },
        endpoints: {},
      } satisfies RuntimeConfig);
      const required = Object.keys(sample).filter(
        (k) => k !== "AWS_REGION" && !/SECRET|DEBTOR|ENDPOINT/.test(k),
      );
      for (const l of lambdas(s())) {
        // Act
        const env: Record<string, unknown> = resources(l.template)[l.id]?.Properties.Environment
          .Variables;
        // Assess
        for (const name of required) expect(env, `${l.name} ${name}`).toHaveProperty(name);
        expect(env.ENTRAIDE_PUBLIC_URL).toBe(publicUrl);
        expect(
          Object.keys(env).filter((k) => /SECRET|DEBTOR/.test(k) && k.startsWith("ENTRAIDE")),
        ).toEqual([]);
        expect(env.SST_Secret_value_TOKEN_SECRET, l.name).toBe("__FETCH_FROM_SSM__");
        const debtor = l.name === "create-batches" ? "__FETCH_FROM_SSM__" : undefined;
        expect(env.SST_Secret_value_DEBTOR_IBAN, l.name).toBe(debtor);
      }
    });

    test("each function may take only the actions it uses", () => {
      for (const l of lambdas(s())) {
        expect(functionActions(l.template, l.id), l.name).toEqual(expectedActions[kind(l.name)]);
      }
    });

    test("object access is limited to the bucket areas each function works on", () => {
      const prefixes = (areas: string[]) =>
        areas.map((a) => bucketLayout[a as keyof typeof bucketLayout].prefix).sort();
      for (const l of lambdas(s())) {
        const expected = expectedS3Areas[kind(l.name)] ?? [];
        for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) {
          const granted = resourcesFor(l.template, l.id, action).map(
            (r) => /"\/([a-z]+\/)\*"/.exec(r)?.[1] ?? r,
          );
          // Assess: a subset of the expected areas, never the whole bucket.
          for (const g of granted) expect(prefixes(expected), `${l.name} ${action}`).toContain(g);
        }
      }
    });

    test("no function reads the debtor account but the one writing payout files", () => {
      for (const l of lambdas(s())) {
        const ssm = resourcesFor(l.template, l.id, "ssm:GetParameters").join(" ");
        expect(ssm.includes("DEBTOR"), l.name).toBe(l.name === "create-batches");
        expect(ssm, l.name).toContain(`/sst/entraide/${stageName}/Secret/TOKEN_SECRET/value`);
      }
    });

    test("no data action anywhere in the app is granted on every resource", () => {
      // Only actions that have no resource to name (X-Ray traces) may use "*".
      const allowedOnStar = new Set(tracing);
      for (const stack of [Data, Queues, Documents, Email, Workers, Api, Web, Alarms]) {
        for (const statement of identityStatements(s().template(stack))) {
          const all = JSON.stringify(statement.Resource);
          if (all === '"*"' || all.includes('"*"')) {
            for (const action of actionsOf(statement))
              expect(allowedOnStar, action).toContain(action);
          }
        }
      }
    });

    test("the sweeper runs every minute and the payout batches Monday and Thursday 06:00 in Brussels", () => {
      // Prepare
      const { sweeper, batches } = s().exports(Workers);
      const template = s().template(Workers);
      // Assess
      template.hasResourceProperties("AWS::Scheduler::Schedule", {
        ScheduleExpression: "rate(1 minute)",
        Target: Match.objectLike({
          Arn: { "Fn::GetAtt": [s().logicalId(Workers, sweeper), "Arn"] },
        }),
      });
      template.hasResourceProperties("AWS::Scheduler::Schedule", {
        ScheduleExpression: "cron(0 6 ? * MON,THU *)",
        ScheduleExpressionTimezone: "Europe/Brussels",
        Target: Match.objectLike({
          Arn: { "Fn::GetAtt": [s().logicalId(Workers, batches), "Arn"] },
        }),
      });
    });

    test("every schedule the stacks deploy is one of cron/schedules.ts, on its handler", () => {
      // Prepare: what cron/schedules.ts declares, and what the templates hold.
      const declared = [
        // A rate has no time zone; the CDK writes its default one.
        {
          handler: schedules.sweeper.handler,
          expression: schedules.sweeper.expression,
          timeZone: "Etc/UTC",
        },
        ...schedules.createBatches.runs.map((run) => ({
          handler: schedules.createBatches.handler,
          expression: run.expression,
          timeZone: run.timeZone,
        })),
        {
          handler: schedules.erasure.handler,
          expression: schedules.erasure.expression,
          timeZone: schedules.erasure.timeZone,
        },
      ];
      const handlers = new Map(lambdas(s()).map((l) => [l.id, l.props.handler]));
      // Act
      const deployed = [Data, Queues, Documents, Email, Workers, Api, Web, Alarms].flatMap(
        (stack) =>
          [
            ...ofType(s().template(stack), "AWS::Scheduler::Schedule"),
            ...ofType(s().template(stack), "AWS::Events::Rule"),
          ]
            .filter(([, r]) => r.Properties?.ScheduleExpression !== undefined)
            .map(([, r]) => {
              const p = r.Properties as {
                ScheduleExpression: string;
                ScheduleExpressionTimezone?: string;
                Target?: { Arn: { "Fn::GetAtt": [string, string] } };
              };
              return {
                handler: handlers.get(p.Target?.Arn["Fn::GetAtt"][0] ?? ""),
                expression: p.ScheduleExpression,
                ...(p.ScheduleExpressionTimezone ? { timeZone: p.ScheduleExpressionTimezone } : {}),
              };
            }),
      );
      // Assess
      const order = (a: { expression: string }, b: { expression: string }) =>
        a.expression.localeCompare(b.expression);
      expect(deployed.sort(order)).toEqual(declared.sort(order));
    });

    test("the erasure runs every night at 03:00 in Brussels", () => {
      // Prepare
      const { erasure } = s().exports(Workers);
      const template = s().template(Workers);
      // Assess
      template.hasResourceProperties("AWS::Scheduler::Schedule", {
        ScheduleExpression: "cron(0 3 * * ? *)",
        ScheduleExpressionTimezone: "Europe/Brussels",
        Target: Match.objectLike({
          Arn: { "Fn::GetAtt": [s().logicalId(Workers, erasure), "Arn"] },
        }),
      });
    });
  });

  describe("documents", () => {
    test("the bucket is private, encrypted, TLS-only, and takes presigned POST uploads from the site only", () => {
      // Prepare
      const template = s().template(Documents);
      // Assess
      template.hasResource("AWS::S3::Bucket", {
        Properties: Match.objectLike({
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } },
            ],
          },
          CorsConfiguration: {
            CorsRules: [
              Match.objectLike({ AllowedMethods: ["POST"], AllowedOrigins: [publicUrl] }),
            ],
          },
        }),
        DeletionPolicy: prod ? "Retain" : "Delete",
      });
      template.hasResourceProperties("AWS::S3::BucketPolicy", {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: "Deny",
              Action: "s3:*",
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            }),
          ]),
        },
      });
    });

    test("each area of the bucket layout expires after its retention period", () => {
      // Act
      const [, bucket] = only(s().template(Documents), "AWS::S3::Bucket");
      const rules: unknown[] = bucket.Properties.LifecycleConfiguration.Rules;
      // Assess
      for (const { prefix, expireAfterDays } of Object.values(bucketLayout)) {
        expect(rules).toContainEqual(
          expect.objectContaining({ Prefix: prefix, ExpirationInDays: expireAfterDays }),
        );
      }
      expect(bucketLayout.uploads.expireAfterDays).toBe(7);
      expect(bucketLayout.inbound.expireAfterDays).toBe(90);
      expect(bucketLayout.documents.expireAfterDays).toBeGreaterThanOrEqual(3652);
    });

    test("SES may put inbound mail under inbound/ only, for this account", () => {
      s()
        .template(Documents)
        .hasResourceProperties("AWS::S3::BucketPolicy", {
          PolicyDocument: {
            Statement: Match.arrayWith([
              {
                Effect: "Allow",
                Action: "s3:PutObject",
                Principal: { Service: "ses.amazonaws.com" },
                Resource: {
                  "Fn::Join": ["", [Match.anyValue(), `/${bucketLayout.inbound.prefix}*`]],
                },
                Condition: { StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } } },
              },
            ]),
          },
        });
    });
  });

  describe("email", () => {
    test("the domain identity sends through the configuration set", () => {
      // Prepare
      const template = s().template(Email);
      const [configurationSetId] = only(template, "AWS::SES::ConfigurationSet");
      // Assess
      template.hasResourceProperties("AWS::SES::EmailIdentity", {
        EmailIdentity: stageEnv.ENTRAIDE_DOMAIN,
        ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
      });
    });

    test("replies are stored under inbound/ and then handed to the inbound function", () => {
      // Prepare
      const { inbound } = s().exports(Email);
      const inboundId = s().logicalId(Email, inbound);
      const template = s().template(Email);
      // Assess
      template.hasResourceProperties("AWS::SES::ReceiptRule", {
        Rule: Match.objectLike({
          Recipients: [`in.${stageEnv.ENTRAIDE_DOMAIN}`],
          ScanEnabled: true,
          Actions: [
            { S3Action: Match.objectLike({ ObjectKeyPrefix: bucketLayout.inbound.prefix }) },
            {
              LambdaAction: {
                FunctionArn: { "Fn::GetAtt": [inboundId, "Arn"] },
                InvocationType: "Event",
              },
            },
          ],
        }),
      });
      template.hasResourceProperties("AWS::Lambda::Permission", {
        Action: "lambda:InvokeFunction",
        FunctionName: { "Fn::GetAtt": [inboundId, "Arn"] },
        Principal: "ses.amazonaws.com",
        SourceAccount: { Ref: "AWS::AccountId" },
      });
    });
  });

  describe("api", () => {
    test("the API has exactly the routes of the shared route map", () => {
      // Act
      const keys = ofType(s().template(Api), "AWS::ApiGatewayV2::Route").map(
        ([, r]) => r.Properties.RouteKey,
      );
      // Assess
      expect(keys.sort()).toEqual(Object.keys(routes).sort());
    });

    test("the API is throttled and answers browsers of the site's origin only", () => {
      // Prepare
      const template = s().template(Api);
      // Assess
      template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
        DefaultRouteSettings: {
          ThrottlingBurstLimit: API_THROTTLE.burst,
          ThrottlingRateLimit: API_THROTTLE.rate,
        },
      });
      template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
        CorsConfiguration: Match.objectLike({ AllowOrigins: [publicUrl] }),
      });
    });
  });

  describe("web", () => {
    test("pages carry a strict CSP without inline scripts, HSTS, no framing, nosniff and no referrer", () => {
      // Act
      const [, policy] = only(s().template(Web), "AWS::CloudFront::ResponseHeadersPolicy");
      const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
      // Assess
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(headers).toMatchObject({
        StrictTransportSecurity: { AccessControlMaxAgeSec: 730 * 86400, IncludeSubdomains: true },
        FrameOptions: { FrameOption: "DENY" },
        ContentTypeOptions: { Override: true },
        ReferrerPolicy: { ReferrerPolicy: "no-referrer" },
      });
    });

    test("the site is served on its domain and forwards /api/* to the API uncached", () => {
      // Prepare
      const template = s().template(Web);
      const [policyId] = only(template, "AWS::CloudFront::ResponseHeadersPolicy");
      // Assess
      template.hasResourceProperties("AWS::CloudFront::Distribution", {
        DistributionConfig: Match.objectLike({
          Aliases: [stageEnv.ENTRAIDE_DOMAIN],
          ViewerCertificate: Match.objectLike({
            AcmCertificateArn: stageEnv.ENTRAIDE_CERTIFICATE_ARN,
            MinimumProtocolVersion: "TLSv1.2_2021",
          }),
          DefaultCacheBehavior: Match.objectLike({
            ResponseHeadersPolicyId: { Ref: policyId },
            ViewerProtocolPolicy: "redirect-to-https",
          }),
          CacheBehaviors: [
            Match.objectLike({
              PathPattern: "/api/*",
              // AWS managed policies: CachingDisabled, AllViewerExceptHostHeader.
              CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
              OriginRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
              AllowedMethods: Match.arrayWith(["POST"]),
            }),
          ],
        }),
      });
    });

    test("API errors reach the browser as the API wrote them, not replaced by a page", () => {
      // Act
      const [, distribution] = only(s().template(Web), "AWS::CloudFront::Distribution");
      // Assess
      expect(distribution.Properties.DistributionConfig.CustomErrorResponses ?? []).toEqual([]);
    });

    test("the site is built from packages/web into dist by the web workspace's build script", () => {
      // Prepare
      const { site } = s().exports(Web);
      // Act
      const props = (site as unknown as { props: Record<string, unknown> }).props;
      // Assess
      expect(props).toMatchObject({
        path: "packages/web",
        buildOutput: "dist",
        buildCommand: "npm run build -w @entraide/web",
      });
    });
  });

  describe("alarms", () => {
    test("alarms go to the operations topic, which mails the operations address", () => {
      // Prepare
      const template = s().template(Alarms);
      const [topicId] = only(template, "AWS::SNS::Topic");
      // Act
      const alarms = ofType(template, "AWS::CloudWatch::Alarm");
      // Assess
      template.hasResourceProperties("AWS::SNS::Subscription", {
        Protocol: "email",
        Endpoint: stageEnv.ENTRAIDE_OPS_EMAIL,
        TopicArn: { Ref: topicId },
      });
      expect(alarms).toHaveLength(5);
      for (const [, alarm] of alarms) {
        expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
        expect(alarm.Properties.ComparisonOperator).toBe("GreaterThanThreshold");
      }
    });

    test("the DLQ alarm fires on a single visible message", () => {
      s()
        .template(Alarms)
        .hasResourceProperties("AWS::CloudWatch::Alarm", {
          Namespace: "AWS/SQS",
          MetricName: "ApproximateNumberOfMessagesVisible",
          Threshold: 0,
          Dimensions: [
            {
              Name: "QueueName",
              Value: { "Fn::ImportValue": Match.stringLikeRegexp("WorkflowDlq") },
            },
          ],
        });
    });

    test("worker errors, the oldest message's age and failed executions are watched", () => {
      const template = s().template(Alarms);
      template.hasResourceProperties("AWS::CloudWatch::Alarm", {
        Namespace: "AWS/Lambda",
        MetricName: "Errors",
        Threshold: 0,
        Dimensions: [
          { Name: "FunctionName", Value: { "Fn::ImportValue": Match.stringLikeRegexp("Worker") } },
        ],
      });
      template.hasResourceProperties("AWS::CloudWatch::Alarm", {
        Namespace: "AWS/SQS",
        MetricName: "ApproximateAgeOfOldestMessage",
        Dimensions: [
          {
            Name: "QueueName",
            Value: { "Fn::ImportValue": Match.stringLikeRegexp("Workflow[0-9A-F]") },
          },
        ],
      });
      template.hasResourceProperties("AWS::CloudWatch::Alarm", {
        Namespace: "Entraide",
        MetricName: "ExecutionsFailed",
        Statistic: "Sum",
        Threshold: 0,
        Dimensions: Match.arrayWith([
          { Name: "service", Value: "entraide" },
          { Name: "stage", Value: stageName },
        ]),
      });
    });

    test("the API alarm is on the rate of 5xx answers, not their count", () => {
      s()
        .template(Alarms)
        .hasResourceProperties("AWS::CloudWatch::Alarm", {
          Metrics: Match.arrayWith([
            Match.objectLike({ Expression: Match.stringLikeRegexp("errors / requests") }),
            Match.objectLike({
              MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: "5xx" }) }),
            }),
            Match.objectLike({
              MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: "Count" }) }),
            }),
          ]),
        });
    });
  });
});

test("every route's handler file exists and exports a handler", () => {
  // Act
  const missing = [
    ...Object.values(routes),
    ...lambdas(stages.prod as Synthesized).map((l) => l.props.handler as string),
  ]
    .map((handler) => `${handler.replace(/\.handler$/, "")}.ts`)
    .filter((file) => {
      const full = path.join(root, file);
      return !existsSync(full) || !/export\b[^\n]*\bhandler\b/.test(readFileSync(full, "utf8"));
    });
  // Assess
  expect([...new Set(missing)]).toEqual([]);
});

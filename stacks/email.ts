import { bucketLayout } from "@entraide/core/aws/bucket-layout";
import { Stack } from "aws-cdk-lib";
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  Identity,
  ReceiptRuleSet,
  SuppressionReasons,
  TlsPolicy,
} from "aws-cdk-lib/aws-ses";
import {
  Lambda as LambdaAction,
  LambdaInvocationType,
  S3 as S3Action,
} from "aws-cdk-lib/aws-ses-actions";
import { Function as Lambda, type StackContext, use } from "sst/constructs";
import { Data } from "./data";
import { Documents } from "./documents";
import { Queues } from "./queues";
import { grants, lambdaProps, runtimeEnvironment } from "./runtime";
import { Secrets } from "./secrets";
import { useSettings } from "./settings";

/**
 * Sending: the domain identity (DKIM) with its configuration set. Receiving: a rule set that
 * stores replies to approval emails under `inbound/` and hands them to the inbound function.
 * The rule set must be activated once by hand (docs/deployment.md): SES has one active set.
 */
export function Email({ stack, app }: StackContext) {
  const settings = useSettings(app);
  const { table } = use(Data);
  const { queue, deadLetters } = use(Queues);
  const { bucket } = use(Documents);
  const { tokenSecret } = use(Secrets);

  const configurationSet = new ConfigurationSet(stack, "ConfigurationSet", {
    reputationMetrics: true,
    suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
  });
  // The identity's default configuration set applies to every send, whatever the code passes.
  const identity = new EmailIdentity(stack, "Identity", {
    identity: Identity.domain(settings.domain),
    configurationSet,
  });
  const configurationSetArn = Stack.of(stack).formatArn({
    service: "ses",
    resource: "configuration-set",
    resourceName: configurationSet.configurationSetName,
  });

  const inbound = new Lambda(
    stack,
    "Inbound",
    lambdaProps(stack, "Inbound", settings, {
      handler: "packages/functions/src/email/inbound.handler",
      timeoutSeconds: 30,
      memorySize: 512,
      environment: runtimeEnvironment({ settings, table, queue, deadLetters, bucket }),
      secrets: [tokenSecret],
      permissions: [
        grants.objects(bucket, ["s3:GetObject"], ["inbound"]),
        grants.tableReadWrite(table),
        grants.queueSend(queue),
      ],
    }),
  );

  new ReceiptRuleSet(stack, "Inbox", {
    receiptRuleSetName: app.logicalPrefixedName("inbox"),
    rules: [
      {
        recipients: [settings.inboundDomain],
        scanEnabled: true,
        tlsPolicy: TlsPolicy.REQUIRE,
        actions: [
          // Stored first, so the function reads the whole message (`inbound/<message id>`);
          // the S3 action also grants SES the put on that prefix in the bucket policy.
          new S3Action({ bucket, objectKeyPrefix: bucketLayout.inbound.prefix }),
          new LambdaAction({ function: inbound, invocationType: LambdaInvocationType.EVENT }),
        ],
      },
    ],
  });

  // The DNS records to publish once (docs/deployment.md): DKIM proves the domain to SES.
  stack.addOutputs(
    Object.fromEntries(
      identity.dkimRecords.map((record, i) => [
        `DkimCname${i + 1}`,
        `${record.name} CNAME ${record.value}`,
      ]),
    ),
  );
  return {
    inbound,
    identityArn: identity.emailIdentityArn,
    configurationSetArn,
    sendEmail: () => grants.sendEmail(identity.emailIdentityArn, configurationSetArn),
  };
}

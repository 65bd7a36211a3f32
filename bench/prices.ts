/**
 * List prices used by the cost model, us-east-1 (N. Virginia), USD, on-demand, no free tier:
 * the region the anchors of issue 17 are quoted in, so that Entraide and the durable-execution
 * services it is compared with are priced alike. Each price names its source page and the date
 * it was read; all are to be checked against the pricing pages (or the AWS Price List API)
 * before a decision rests on them: this machine has no internet access to check them.
 */
const AWS_PAGES_AS_OF = "2025-06-01 (author's reading, to be checked)";

export const PRICES = {
  source: "aws.amazon.com/<service>/pricing, us-east-1; temporal.io/pricing",
  asOf: AWS_PAGES_AS_OF,
  lambda: {
    source: "aws.amazon.com/lambda/pricing (arm64, first tier)",
    asOf: AWS_PAGES_AS_OF,
    /** arm64 (Graviton) duration, first tier. */
    perGbSecondArm64: 0.0000133334,
    perMillionRequests: 0.2,
  },
  /** HTTP API, first 300 million requests a month, per million (each 512 KB). */
  apiGatewayHttpPerMillion: 1.0,
  apiGatewaySource: "aws.amazon.com/api-gateway/pricing (HTTP APIs)",
  /** Standard queue, per million requests; each 64 KB chunk of a payload is one request. */
  sqsPerMillionRequests: 0.4,
  sqsSource: "aws.amazon.com/sqs/pricing (standard queue, after the first million)",
  sqsBillingChunkBytes: 64 * 1024,
  dynamodb: {
    source: "aws.amazon.com/dynamodb/pricing/on-demand (after the November 2024 price cut)",
    asOf: AWS_PAGES_AS_OF,
    /** On-demand write request units (1 KB each; transactional writes take 2; +1 per GSI entry written). */
    perMillionWriteUnits: 0.625,
    /** On-demand read request units (4 KB strongly consistent; eventually consistent takes 0.5, transactional 2). */
    perMillionReadUnits: 0.125,
  },
  sesPerThousandEmails: 0.1,
  sesSource: "aws.amazon.com/ses/pricing (outbound email)",
  s3: {
    source: "aws.amazon.com/s3/pricing (S3 Standard requests)",
    /** PUT, COPY, POST, LIST, per thousand. */
    perThousandWrites: 0.005,
    /** GET, HEAD and others, per thousand. */
    perThousandReads: 0.0004,
  },
  /** What the same workflow would cost in the durable-execution services it is compared with. */
  durable: {
    stepFunctionsStandard: {
      source:
        "aws.amazon.com/step-functions/pricing (Standard workflows: $0.025 per 1,000 state transitions)",
      asOf: AWS_PAGES_AS_OF,
      perMillionTransitions: 25,
    },
    lambdaDurableFunctions: {
      source:
        "aws.amazon.com/lambda/pricing (Lambda durable functions, announced December 2025: $8 per million durable operations, $0.25 per GB of data written)",
      asOf: "2025-12 (issue 17's anchor, to be checked)",
      perMillionOperations: 8,
      perGbWritten: 0.25,
    },
    temporalCloud: {
      source:
        "temporal.io/pricing (Temporal Cloud actions: $50 per million at the entry tier, down to $25 with volume)",
      asOf: "2025-06-01 (author's reading, to be checked)",
      perMillionActionsLow: 25,
      perMillionActionsHigh: 50,
    },
  },
  stepFunctionsStandardPerThousandTransitions: 0.025,
} as const;

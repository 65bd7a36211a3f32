/**
 * AWS list prices used by the cost model, eu-west-1 (Ireland), USD, on-demand, no free tier.
 * Source: the AWS pricing pages of each service (aws.amazon.com/<service>/pricing), as known to
 * the author on 2025-06-01 (DynamoDB after its November 2024 on-demand price cut). They are
 * to be checked against the pricing pages (or the Price List API) before any decision rests on them.
 */
export const PRICES = {
  source:
    "aws.amazon.com/{lambda,sqs,dynamodb,ses,s3,api-gateway,step-functions}/pricing, eu-west-1",
  asOf: "2025-06-01 (to be checked)",
  lambda: {
    /** arm64 (Graviton) duration, first tier. */
    perGbSecondArm64: 0.0000133334,
    perMillionRequests: 0.2,
  },
  /** HTTP API, first 300 million requests a month, per million (each 512 KB). */
  apiGatewayHttpPerMillion: 1.11,
  /** Standard queue, per million requests; each 64 KB chunk of a payload is one request. */
  sqsPerMillionRequests: 0.4,
  sqsBillingChunkBytes: 64 * 1024,
  dynamodb: {
    /** On-demand write request units (1 KB each; transactional writes take 2). */
    perMillionWriteUnits: 0.7068,
    /** On-demand read request units (4 KB strongly consistent; eventually consistent takes 0.5, transactional 2). */
    perMillionReadUnits: 0.1414,
  },
  sesPerThousandEmails: 0.1,
  s3: {
    /** PUT, COPY, POST, LIST, per thousand. */
    perThousandWrites: 0.005,
    /** GET, HEAD and others, per thousand. */
    perThousandReads: 0.0004,
  },
  stepFunctionsStandardPerThousandTransitions: 0.025,
} as const;

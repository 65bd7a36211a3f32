import { PRICES } from "../prices";
import type { CallCounts } from "../support/call-counter";

/** What one request used, averaged over the requests measured. */
export interface Usage {
  calls: CallCounts;
  /** DynamoDB units as metered (ReturnConsumedCapacity), per request; writes include GSI writes. */
  readUnits: number;
  writeUnits: number;
  /** Of `writeUnits`, the GSI entries written (counted from the index keys: bench/e2e/gsi-units.ts). */
  gsiWriteUnits: number;
  /** Lambda invocations and billed GB-s per request, by function group. */
  lambda: { invocations: number; gbSeconds: number };
  apiRequests: number;
  /** States entered: Step Functions Standard's billed transitions. */
  statesEntered: number;
}

const n = (counts: CallCounts, service: string, ops?: RegExp) =>
  Object.entries(counts[service] ?? {})
    .filter(([op]) => !ops || ops.test(op))
    .reduce((a, [, v]) => a + v, 0);

/** Dollars per 1,000 requests, by service, at the list prices of bench/prices.ts. */
export function costPer1000(u: Usage) {
  const per = (x: number) => x * 1000;
  const s3Writes = n(u.calls, "S3", /Put|Copy|Post|List|Create/);
  const s3Reads = n(u.calls, "S3") - s3Writes;
  const entraide = {
    lambda: per(
      u.lambda.invocations * (PRICES.lambda.perMillionRequests / 1e6) +
        u.lambda.gbSeconds * PRICES.lambda.perGbSecondArm64,
    ),
    apiGateway: per(u.apiRequests * (PRICES.apiGatewayHttpPerMillion / 1e6)),
    // Work messages are a few hundred bytes: one 64 KB billing chunk each.
    sqs: per(n(u.calls, "SQS") * (PRICES.sqsPerMillionRequests / 1e6)),
    dynamodb: per(
      u.writeUnits * (PRICES.dynamodb.perMillionWriteUnits / 1e6) +
        u.readUnits * (PRICES.dynamodb.perMillionReadUnits / 1e6),
    ),
    ses: per(n(u.calls, "SES") * (PRICES.sesPerThousandEmails / 1000)),
    s3: per(
      s3Writes * (PRICES.s3.perThousandWrites / 1000) +
        s3Reads * (PRICES.s3.perThousandReads / 1000),
    ),
  };
  const total = Object.values(entraide).reduce((a, b) => a + b, 0);
  // The durable services, for the states the workflow enters alone (each a transition, a
  // durable operation, an action): without the Lambdas, tables and emails they would still need.
  const d = PRICES.durable;
  const stepFunctions = per(
    u.statesEntered * (d.stepFunctionsStandard.perMillionTransitions / 1e6),
  );
  return {
    entraide: Object.fromEntries(Object.entries(entraide).map(([k, v]) => [k, round(v)])),
    total: round(total),
    /** Without SES: the emails cost the same whatever runs the workflow (target ≤ $0.04). */
    totalWithoutSes: round(total - entraide.ses),
    stepFunctions: round(stepFunctions),
    lambdaDurable: round(
      per(u.statesEntered * (d.lambdaDurableFunctions.perMillionOperations / 1e6)),
    ),
    temporalCloud: round(per(u.statesEntered * (d.temporalCloud.perMillionActionsLow / 1e6))),
    /** Step Functions' transitions alone over Entraide's whole bill: target >= 10. */
    ratio: round(stepFunctions / total, 2),
  };
}

/**
 * What the engine itself costs per million committed transitions: the write units (table and
 * GSI) of the items it persists, whichever operation wrote them (the execution's partition:
 * execution, history, detached parts; and the callback tokens), the queue's requests (sends,
 * the event source's receives and deletes) and the worker's invocations. Domain writes inside
 * a commit (a fund reservation, report counters) are the domain's and left out; so is the
 * effect ledger, shown apart. Reads of execution items are not told apart from the domain's
 * reads and are left out (at most 1 RRU each, $0.125 per million).
 */
export function enginePerMillionTransitions(perTransition: {
  engineWriteUnits: number;
  sqsRequests: number;
  workerInvocations: number;
}) {
  return round(
    perTransition.engineWriteUnits * PRICES.dynamodb.perMillionWriteUnits +
      perTransition.sqsRequests * PRICES.sqsPerMillionRequests +
      perTransition.workerInvocations * PRICES.lambda.perMillionRequests,
    3,
  );
}

export const round = (x: number, digits = 5) => Math.round(x * 10 ** digits) / 10 ** digits;

export function percentile(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

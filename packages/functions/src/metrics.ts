import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Execution } from "@entraide/core/engine/execution";
import { logger } from "./logger";

/** CloudWatch EMF metrics in namespace `Entraide` (docs/deployment.md: the alarms' contract). */
const metrics = new Metrics({ namespace: "Entraide", serviceName: "entraide" });

/** One `ExecutionsFailed` per execution that moved to `failed`, published at once. */
export function recordExecutionFailed(execution: Execution): void {
  logger.error("execution failed", {
    executionId: execution.id,
    workflow: execution.workflow,
    state: execution.state,
    error: execution.error,
  });
  metrics.addDimension("stage", process.env.SST_STAGE ?? "local");
  metrics.addMetric("ExecutionsFailed", MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}

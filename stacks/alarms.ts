import { Duration } from "aws-cdk-lib";
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { type StackContext, use } from "sst/constructs";
import { Api } from "./api";
import { Queues } from "./queues";
import { METRICS_NAMESPACE, SERVICE_NAME } from "./runtime";
import { useSettings } from "./settings";
import { Workers } from "./workers";

/** A message older than this in the workflow queue means the worker does not keep up. */
export const OLDEST_MESSAGE_ALARM_SECONDS = 15 * 60;
/** Percentage of API answers that are 5xx, over 5 minutes, twice in a row. */
export const API_5XX_ALARM_PERCENT = 5;

/** What must wake operations up, mailed to the operations address. */
export function Alarms({ stack, app }: StackContext) {
  const settings = useSettings(app);
  const { queue, deadLetters } = use(Queues);
  const { worker } = use(Workers);
  const { api } = use(Api);

  const topic = new Topic(stack, "Operations", {
    displayName: `Entraide ${settings.stage} operations`,
    enforceSSL: true,
  });
  topic.addSubscription(new EmailSubscription(settings.opsEmail));
  const period = Duration.minutes(5);
  const notify = new SnsAction(topic);
  const alarm = (
    id: string,
    description: string,
    metric: Metric | MathExpression,
    threshold: number,
    evaluationPeriods = 1,
  ) => {
    const a = new Alarm(stack, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    a.addAlarmAction(notify);
    a.addOkAction(notify);
    return a;
  };

  alarm(
    "DeadLetters",
    "Messages in the dead-letter queue: inspect with `entraide dlq list`, then `dlq redrive`",
    deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: "Maximum" }),
    0,
  );
  alarm(
    "WorkerErrors",
    "The workflow worker fails: see its logs",
    worker.metricErrors({ period, statistic: "Sum" }),
    0,
  );
  alarm(
    "QueueBacklog",
    "The oldest workflow message waits too long: the worker does not keep up or is throttled",
    queue.metricApproximateAgeOfOldestMessage({ period, statistic: "Maximum" }),
    OLDEST_MESSAGE_ALARM_SECONDS,
  );
  const apiMetric = (metricName: string) =>
    new Metric({
      namespace: "AWS/ApiGateway",
      metricName,
      dimensionsMap: { ApiId: api.httpApiId },
      statistic: "Sum",
      period,
    });
  alarm(
    "Api5xx",
    `More than ${API_5XX_ALARM_PERCENT}% of API answers are server errors`,
    new MathExpression({
      expression: "IF(requests > 0, 100 * errors / requests, 0)",
      usingMetrics: { errors: apiMetric("5xx"), requests: apiMetric("Count") },
      period,
      label: "5xx %",
    }),
    API_5XX_ALARM_PERCENT,
    2,
  );
  alarm(
    "ExecutionsFailed",
    "Workflow executions failed after their retries: `entraide executions list --status failed`",
    new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: "ExecutionsFailed",
      dimensionsMap: { service: SERVICE_NAME, stage: settings.stage },
      statistic: "Sum",
      period,
    }),
    0,
  );
  return { topic };
}

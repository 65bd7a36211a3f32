import { Duration, TimeZone } from "aws-cdk-lib";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { Schedule, ScheduleExpression } from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import { Function as Lambda, type StackContext, use } from "sst/constructs";
import { schedules } from "../packages/functions/src/cron/schedules";
import { Data } from "./data";
import { Documents } from "./documents";
import { Email } from "./email";
import { Queues } from "./queues";
import { grants, lambdaProps, runtimeEnvironment, WORKER_TIMEOUT_SECONDS } from "./runtime";
import { Secrets } from "./secrets";
import { useSettings } from "./settings";

/** At most this many workers at once: the table and SES keep their pace whatever the backlog. */
export const WORKER_MAX_CONCURRENCY = 5;

/** The workflow worker on the queue, the sweeper every minute, the scheduled payout batches and the nightly erasure. */
export function Workers({ stack, app }: StackContext) {
  const settings = useSettings(app);
  const { table } = use(Data);
  const { queue, deadLetters } = use(Queues);
  const { bucket } = use(Documents);
  const email = use(Email);
  const secrets = use(Secrets);
  const environment = runtimeEnvironment({ settings, table, queue, deadLetters, bucket });
  const lambda = (id: string, o: Omit<Parameters<typeof lambdaProps>[3], "environment">) =>
    new Lambda(stack, id, lambdaProps(stack, id, settings, { ...o, environment }));

  const worker = lambda("Worker", {
    handler: "packages/functions/src/queue/worker.handler",
    timeoutSeconds: WORKER_TIMEOUT_SECONDS,
    memorySize: 512,
    secrets: [secrets.tokenSecret],
    permissions: [
      grants.tableReadWrite(table),
      grants.queueSend(queue),
      grants.objects(bucket, ["s3:GetObject"], ["uploads", "documents"]),
      email.sendEmail(),
    ],
  });
  // Receiving, deleting and changing visibility are granted by the event source itself.
  worker.addEventSource(
    new SqsEventSource(queue, {
      batchSize: 10,
      reportBatchItemFailures: true,
      maxConcurrency: WORKER_MAX_CONCURRENCY,
    }),
  );

  const sweeper = lambda("Sweeper", {
    handler: schedules.sweeper.handler,
    timeoutSeconds: 50,
    memorySize: 256,
    secrets: [secrets.tokenSecret],
    permissions: [grants.tableReadWrite(table), grants.queueSend(queue)],
    // The next minute's run is the retry.
    retryAttempts: 0,
  });
  new Schedule(stack, "SweeperSchedule", {
    description: "Fires due timers and re-drives executions whose message was lost",
    schedule: ScheduleExpression.expression(schedules.sweeper.expression),
    target: new LambdaInvoke(sweeper, { retryAttempts: 0, maxEventAge: Duration.minutes(1) }),
  });

  const batches = lambda("CreateBatches", {
    handler: schedules.createBatches.handler,
    timeoutSeconds: 300,
    memorySize: 512,
    secrets: [secrets.tokenSecret, ...secrets.debtor],
    permissions: [
      grants.tableReadWrite(table),
      grants.queueSend(queue),
      grants.objects(bucket, ["s3:GetObject", "s3:PutObject"], ["exports"]),
      email.sendEmail(),
    ],
  });
  // One schedule per time of day of the plan's batch slots; EventBridge Scheduler keeps that
  // time in the plan's time zone across daylight saving time.
  schedules.createBatches.runs.forEach((run, i) => {
    new Schedule(stack, i === 0 ? "CreateBatchesSchedule" : `CreateBatchesSchedule${i + 1}`, {
      description: `Payout batches, ${run.cron.weekDay} ${run.cron.hour.padStart(2, "0")}:${run.cron.minute.padStart(2, "0")} ${run.timeZone}`,
      schedule: ScheduleExpression.expression(run.expression, TimeZone.of(run.timeZone)),
      target: new LambdaInvoke(batches, { retryAttempts: 3, maxEventAge: Duration.hours(2) }),
    });
  });

  const erasure = lambda("Erasure", {
    handler: schedules.erasure.handler,
    timeoutSeconds: 900,
    memorySize: 512,
    secrets: [secrets.tokenSecret],
    permissions: [
      grants.tableReadWrite(table),
      grants.tableScan(table),
      grants.listObjects(bucket, ["documents", "uploads", "exports", "inbound"]),
      grants.objects(
        bucket,
        ["s3:GetObject", "s3:DeleteObject"],
        ["documents", "uploads", "exports", "inbound"],
      ),
    ],
    // The next night's run is the retry; an erasure run again changes nothing more.
    retryAttempts: 0,
  });
  new Schedule(stack, "ErasureSchedule", {
    description:
      "Scheduled erasure of personal data past its retention (spec §10), 03:00 Europe/Brussels",
    schedule: ScheduleExpression.expression(
      schedules.erasure.expression,
      TimeZone.of(schedules.erasure.timeZone),
    ),
    target: new LambdaInvoke(erasure, { retryAttempts: 0, maxEventAge: Duration.hours(2) }),
  });

  return { worker, sweeper, batches, erasure };
}

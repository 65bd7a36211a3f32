import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import type { Engine } from "@entraide/core/engine/engine";
import { MAX_RECEIVE_COUNT, WorkMessage } from "@entraide/core/engine/queue";
import type { Context, SQSEvent, SQSRecord } from "aws-lambda";
import { engine } from "../engine";
import { logger, withLogKeys } from "../logger";

const processor = new BatchProcessor(EventType.SQS);

/**
 * Moves each execution named in the batch; a record that fails comes back to the queue alone
 * (partial batch response), also when every record failed: Powertools would throw then, which
 * Lambda and the local loop read as the whole batch failed (the same records, but reported as
 * the handler's failure, not the records'). On its last receive the execution is recorded as failed, for
 * operations to redrive, rather than vanishing into the dead-letter queue.
 */
export function workBatchHandler(engine: () => Engine) {
  const moveRecord = async (message: WorkMessage, record: SQSRecord, context?: Context) => {
    try {
      // The chain of states stops short of the invocation's end (the engine sees a plain function).
      await engine().process(message, {
        remainingMs: context ? () => context.getRemainingTimeInMillis() : undefined,
      });
    } catch (error) {
      if (Number(record.attributes.ApproximateReceiveCount) < MAX_RECEIVE_COUNT) {
        // The batch's answer carries only the record's id: its cause is said here, once.
        logger.warn("record failed; its message goes back to the queue", {
          executionId: message.executionId,
          error: error as Error,
        });
        throw error;
      }
      logger.error("execution failed after its last retry", {
        executionId: message.executionId,
        error: error as Error,
      });
      await engine().markFailed(message, error);
    }
  };
  const record = async (record: SQSRecord, context?: Context) => {
    const message = WorkMessage.parse(JSON.parse(record.body));
    // Whatever is logged while this record moves names its execution, not the batch's other ones.
    await withLogKeys({ executionId: message.executionId, rev: message.rev }, () =>
      moveRecord(message, record, context),
    );
  };
  return (event: SQSEvent, context?: Context) =>
    processPartialResponse(event, (r: SQSRecord) => record(r, context), processor, {
      context,
      throwOnFullBatchFailure: false,
    });
}

export const handler = workBatchHandler(engine);

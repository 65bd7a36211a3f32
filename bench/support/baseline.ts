import { randomUUID } from "node:crypto";
import { PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { keys } from "../../packages/core/src/db/layout";
import type { Deps } from "../../packages/core/src/deps";
import type { Execution } from "../../packages/core/src/engine/execution";
import { executionItem } from "../../packages/core/src/engine/parts";

export interface BaselineFigures {
  /** Conditional PutItem of an execution-sized item (with its index keys), per second. */
  putsPerSecond: number;
  /** TransactWriteItems of 2 conditional puts (execution + history event), per second: a bare transition. */
  transactionsPerSecond: number;
}

/** An item shaped like a running execution, so DynamoDB Local does the same index work as for a transition. */
function executionLike(): Record<string, unknown> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const execution: Execution = {
    id,
    workflow: "bench",
    version: 1,
    status: "running",
    state: "check",
    visit: 1,
    visits: { receive: 1, check: 1 },
    attempt: 0,
    phase: "run",
    data: { amountCents: 25_000, receivedAt: now, eligible: true },
    inputHash: "f".repeat(64),
    rev: 2,
    seq: 5,
    wakeAt: now,
    enteredAt: now,
    startedAt: now,
    updatedAt: now,
  };
  return executionItem(execution, now).item;
}

async function rate(
  concurrency: number,
  seconds: number,
  write: () => Promise<unknown>,
): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await write();
        done++;
      }
    }),
  );
  return done / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** The raw rate of DynamoDB Local's conditional writes at `concurrency` writers, for `seconds` each. */
export async function measureBaseline(
  deps: Deps,
  concurrency: number,
  seconds: number,
): Promise<BaselineFigures> {
  const TableName = deps.config.table;
  const condition = { ConditionExpression: "attribute_not_exists(pk)" };
  const putsPerSecond = await rate(concurrency, seconds, () =>
    deps.clients.ddb.send(new PutCommand({ TableName, Item: executionLike(), ...condition })),
  );
  const transactionsPerSecond = await rate(concurrency, seconds, () => {
    const item = executionLike();
    const event = {
      ...keys.historyEvent(item.id as string, 5),
      seq: 5,
      at: item.updatedAt,
      type: "TaskSucceeded",
      state: "check",
    };
    return deps.clients.ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: item, ...condition } },
          { Put: { TableName, Item: event, ...condition } },
        ],
      }),
    );
  });
  return { putsPerSecond, transactionsPerSecond };
}

import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Deps } from "../deps";

/** One item of a transaction, as lib-dynamodb takes it. */
export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** How a finance transaction ended: written, or refused by the condition of item `failedItem`. */
export type TransactOutcome = { written: true } | { written: false; failedItem: number };

/** Attempts when two transactions touch the same item at once (DynamoDB cancels one of them). */
const CONFLICT_ATTEMPTS = 6;

/**
 * Writes `items` in one DynamoDB transaction. A condition that does not hold is an answer
 * (`failedItem` says which), not an error; a conflict with a concurrent transaction on the same
 * items is retried, because the other one may not have changed what our conditions check.
 */
export async function transact(deps: Deps, items: TransactItem[]): Promise<TransactOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.clients.ddb.send(new TransactWriteCommand({ TransactItems: items }));
      return { written: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
      const failedItem = codes.indexOf("ConditionalCheckFailed");
      if (failedItem >= 0) return { written: false, failedItem };
      if (!codes.includes("TransactionConflict") || attempt >= CONFLICT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt * Math.random()));
    }
  }
}

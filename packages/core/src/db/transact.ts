import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Deps } from "../deps";

type TableTransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];
type WithoutTable<T> = Omit<T, "TableName"> & { TableName?: never };

/**
 * One item of a transaction, as lib-dynamodb takes it but without a table: the table is this
 * layer's to name ({@link tableItems}), so domain code writes keys and conditions only.
 */
export type TransactItem = {
  [Op in keyof TableTransactItem]?: WithoutTable<NonNullable<TableTransactItem[Op]>>;
};

/** The items as DynamoDB takes them, each naming the table of `deps`. */
export function tableItems(deps: Deps, items: readonly TransactItem[]): TableTransactItem[] {
  const TableName = deps.config.table;
  return items.map(
    (item) =>
      Object.fromEntries(
        Object.entries(item).map(([op, input]) => [op, { ...input, TableName }]),
      ) as TableTransactItem,
  );
}

/** Sends `items` as one transaction; a refused condition is a `TransactionCanceledException`. */
export async function transactWrite(deps: Deps, items: readonly TransactItem[]): Promise<void> {
  await deps.clients.ddb.send(new TransactWriteCommand({ TransactItems: tableItems(deps, items) }));
}

/** How a finance transaction ended: written, or refused by the condition of item `failedItem`. */
export type TransactOutcome = { written: true } | { written: false; failedItem: number };

/** Attempts when two transactions touch the same item at once (DynamoDB cancels one of them). */
const CONFLICT_ATTEMPTS = 6;

/**
 * Writes `items` in one DynamoDB transaction. A condition that does not hold is an answer
 * (`failedItem` says which), not an error; a conflict with a concurrent transaction on the same
 * items is retried, because the other one may not have changed what our conditions check.
 */
export async function transact(
  deps: Deps,
  items: readonly TransactItem[],
): Promise<TransactOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await transactWrite(deps, items);
      return { written: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = cancellationCodes(error);
      const failedItem = codes.indexOf("ConditionalCheckFailed");
      if (failedItem >= 0) return { written: false, failedItem };
      if (!codes.includes("TransactionConflict") || attempt >= CONFLICT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt * Math.random()));
    }
  }
}

/** Why each item of a cancelled transaction was refused, in the transaction's order. */
export function cancellationCodes(error: unknown): (string | undefined)[] {
  return error instanceof TransactionCanceledException
    ? (error.CancellationReasons ?? []).map((r) => r.Code)
    : [];
}

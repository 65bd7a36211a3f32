import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
} from "@smithy/types";
import type { CountableClient } from "../support/call-counter";
import { WriteUnitMeter } from "./write-units";

/**
 * Measures DynamoDB capacity units as on-demand billing counts them: every request asks for
 * ReturnConsumedCapacity=TOTAL and the answer's units are summed (DynamoDB Local computes them
 * from the item sizes), by operation. Its write units do not follow AWS for transactions, so
 * `write` (table) and `gsiWrite` (indexes) are computed from the items written as AWS bills
 * them (write-units.ts); `localWrite` keeps what DynamoDB Local said, for comparison.
 */
export interface CapacityMeter {
  /** Read and write units by operation since the last reset. */
  units(): Record<string, Units>;
  /** Computed write units (table + GSI) by item kind, since the last reset. */
  byKind(): Record<string, { table: number; gsi: number }>;
  reset(): void;
  detach(): void;
}

const NAME = "entraideCapacityMeter";

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export function meterCapacity(client: CountableClient): CapacityMeter {
  let units: Record<string, Units> = {};
  const meter = new WriteUnitMeter();
  const middleware =
    (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
    async (args: InitializeHandlerArguments<object>) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= "TOTAL";
      const op = (context.commandName ?? "unknown").replace(/Command$/, "");
      const result = await next(args);
      const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] };
      const all = [output.ConsumedCapacity ?? []].flat();
      const entry = units[op] ?? { read: 0, write: 0, gsiWrite: 0, localWrite: 0 };
      units[op] = entry;
      // Failed writes throw above: AWS bills them too (a failed condition costs its units), but
      // they are a few retries and the meter would not know the items they left unchanged.
      if (isWrite(op)) {
        const before = { table: meter.table, gsi: meter.gsi };
        meter.record(op, input);
        entry.write += meter.table - before.table;
        entry.gsiWrite += meter.gsi - before.gsi;
      }
      for (const c of all) {
        const total = c.CapacityUnits ?? 0;
        const read = c.ReadCapacityUnits ?? (isWrite(op) ? 0 : total);
        const write = c.WriteCapacityUnits ?? (isWrite(op) ? total : 0);
        entry.read += read;
        entry.localWrite += write;
      }
      return result;
    };
  client.middlewareStack.remove(NAME);
  client.middlewareStack.add(middleware, { step: "initialize", name: NAME });
  return {
    units: () => structuredClone(units),
    byKind: () => structuredClone(meter.byKind),
    reset: () => {
      units = {};
      meter.reset();
    },
    detach: () => {
      client.middlewareStack.remove(NAME);
    },
  };
}

interface Units {
  read: number;
  /** Table write units as AWS bills them, computed. */
  write: number;
  gsiWrite: number;
  /** What DynamoDB Local reported (table and indexes). */
  localWrite: number;
}

const isWrite = (op: string) => /Put|Update|Delete|Write/.test(op);

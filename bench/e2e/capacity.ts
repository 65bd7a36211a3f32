import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
} from "@smithy/types";
import type { CountableClient } from "../support/call-counter";
import { GsiMeter } from "./gsi-units";

/**
 * Measures DynamoDB capacity units as on-demand billing counts them: every request asks for
 * ReturnConsumedCapacity=TOTAL and the answer's units are summed (DynamoDB Local computes them
 * from the item sizes, transactions at twice the price), by operation. DynamoDB Local leaves out
 * the index writes AWS bills: `gsiWrite` counts them from the items' index keys (gsi-units.ts).
 */
export interface CapacityMeter {
  /** Read and write units by operation since the last reset. */
  units(): Record<string, { read: number; write: number; gsiWrite: number }>;
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
  let units: Record<string, { read: number; write: number; gsiWrite: number }> = {};
  const gsi = new GsiMeter();
  const middleware =
    (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
    async (args: InitializeHandlerArguments<object>) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= "TOTAL";
      const op = (context.commandName ?? "unknown").replace(/Command$/, "");
      const result = await next(args);
      const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] };
      const all = [output.ConsumedCapacity ?? []].flat();
      const entry = units[op] ?? { read: 0, write: 0, gsiWrite: 0 };
      units[op] = entry;
      // Only writes that succeeded are billed for their index entries.
      if (isWrite(op)) {
        const before = gsi.units;
        gsi.record(op, input);
        entry.gsiWrite += gsi.units - before;
      }
      for (const c of all) {
        const total = c.CapacityUnits ?? 0;
        const read = c.ReadCapacityUnits ?? (isWrite(op) ? 0 : total);
        const write = c.WriteCapacityUnits ?? (isWrite(op) ? total : 0);
        entry.read += read;
        entry.write += write;
      }
      return result;
    };
  client.middlewareStack.remove(NAME);
  client.middlewareStack.add(middleware, { step: "initialize", name: NAME });
  return {
    units: () => structuredClone(units),
    reset: () => {
      units = {};
      gsi.reset();
    },
    detach: () => {
      client.middlewareStack.remove(NAME);
    },
  };
}

const isWrite = (op: string) => /Put|Update|Delete|Write/.test(op);

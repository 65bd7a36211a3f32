import type { CallCounts } from "../support/call-counter";
import type { Usage } from "./cost";
import type { DriveResult } from "./drive";
import type { BenchStack } from "./stack";

/** Memory of each function as the stacks configure it (stacks/api.ts, stacks/workers.ts), in GB. */
const MEMORY_GB: Record<string, number> = { worker: 0.5, sweeper: 0.25 };
const API_MEMORY_GB = 0.25;

export function merge(...all: CallCounts[]): CallCounts {
  const out: CallCounts = {};
  for (const counts of all)
    for (const [service, ops] of Object.entries(counts))
      for (const [op, n] of Object.entries(ops))
        out[service] = { ...out[service], [op]: (out[service]?.[op] ?? 0) + n };
  return out;
}

export const divide = (counts: CallCounts, by: number): CallCounts =>
  Object.fromEntries(
    Object.entries(counts).map(([s, ops]) => [
      s,
      Object.fromEntries(
        Object.entries(ops).map(([op, n]) => [op, Math.round((n / by) * 1000) / 1000]),
      ),
    ]),
  );

export const total = (counts: CallCounts) =>
  Object.values(counts)
    .flatMap(Object.values)
    .reduce((a, b) => a + b, 0);

/**
 * What the stack's counters saw since their reset, per request of `result`: every AWS request
 * (handlers, worker, event source polling, the browser's presigned POSTs), metered DynamoDB
 * units, and Lambda time billed (each invocation rounded up to the millisecond). The sweeper
 * runs on a schedule whatever the load, so it is left out of the per-request figures.
 */
export function usageOf(stack: BenchStack, result: DriveResult) {
  const count = result.records.length;
  const transitions = result.records.reduce((a, r) => a + r.transitions, 0);
  const calls = merge(stack.calls.counts(), stack.pollerCalls.counts(), {
    S3: { "PostObject (browser, presigned)": result.browserS3Puts },
  });
  const units = Object.values(stack.capacity.units());
  const durations = stack.durations.all();
  let invocations = 0;
  let gbSeconds = 0;
  let apiRequests = 0;
  for (const [fn, ms] of Object.entries(durations)) {
    if (fn === "sweeper") continue;
    const memory = MEMORY_GB[fn] ?? API_MEMORY_GB;
    invocations += ms.length;
    if (fn.startsWith("GET ") || fn.startsWith("POST ")) apiRequests += ms.length;
    gbSeconds += (ms.reduce((a, m) => a + Math.ceil(m), 0) / 1000) * memory;
  }
  const usage: Usage = {
    calls: divide(calls, count),
    readUnits: units.reduce((a, u) => a + u.read, 0) / count,
    writeUnits: units.reduce((a, u) => a + u.write + u.gsiWrite, 0) / count,
    gsiWriteUnits: units.reduce((a, u) => a + u.gsiWrite, 0) / count,
    lambda: { invocations: invocations / count, gbSeconds: gbSeconds / count },
    apiRequests: apiRequests / count,
    statesEntered: result.records.reduce((a, r) => a + r.statesEntered, 0) / count,
  };
  const meanMs = Object.fromEntries(
    Object.entries(durations).map(([fn, ms]) => [
      fn,
      { invocations: ms.length, meanMs: Math.round(ms.reduce((a, b) => a + b, 0) / ms.length) },
    ]),
  );
  const byOp = stack.capacity.units();
  const commits = byOp.TransactWriteItems ?? { read: 0, write: 0, gsiWrite: 0, localWrite: 0 };
  const workerInvocations = durations.worker?.length ?? 0;
  const sqsRequests = Object.values(calls.SQS ?? {}).reduce((a, b) => a + b, 0);
  return {
    usage,
    perTransitionOf: {
      transactWriteUnits: (commits.write + commits.gsiWrite) / transitions,
      sqsRequests: sqsRequests / transitions,
      workerInvocations: workerInvocations / transitions,
      writeUnits: (usage.writeUnits * count) / transitions,
    },
    rawCalls: calls,
    transitions,
    perTransition: Math.round((total(calls) / transitions) * 1000) / 1000,
    capacityByOperation: stack.capacity.units(),
    writeUnitsByKind: stack.capacity.byKind(),
    durations: meanMs,
  };
}

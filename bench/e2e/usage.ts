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
  const byKind = stack.capacity.byKind();
  const workerInvocations = durations.worker?.length ?? 0;
  const sqsRequests = Object.values(calls.SQS ?? {}).reduce((a, b) => a + b, 0);
  return {
    usage,
    perTransitionOf: {
      engineWriteUnits: engineWriteUnits(byKind) / transitions,
      effectLedgerWriteUnits: unitsOf(byKind, "EFFECT") / transitions,
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

type UnitsByKind = Record<string, { table: number; gsi: number }>;

const unitsOf = (byKind: UnitsByKind, kind: string) =>
  (byKind[kind]?.table ?? 0) + (byKind[kind]?.gsi ?? 0);

/**
 * The write units (table and GSI) of what the engine persists, whatever operation wrote them (a
 * lone commit's put, a transaction, parts put ahead of a commit, the sweeper's update): the
 * execution's partition (execution, history, parts, their index entries) and the callback
 * tokens. The effect ledger (at most one email per effect) is shown apart: Step Functions has
 * none, its tasks run at least once. Domain items written in a commit are the domain's.
 */
export const engineWriteUnits = (byKind: UnitsByKind) =>
  unitsOf(byKind, "EXEC") + unitsOf(byKind, "TOKEN");

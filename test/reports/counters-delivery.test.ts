import { beforeAll, describe, expect, it } from "vitest";
import { InjectedCrash } from "../../packages/core/src/engine/engine";
import { assemblyFigures } from "../../packages/core/src/reports/figures";
import { decide } from "../../packages/core/src/requests/approver-actions";
import { submitRequest } from "../../packages/core/src/requests/intake";
import { admins, contractBody, flowStack, pdf } from "../requests-flow/support";

let f: Awaited<ReturnType<typeof flowStack>>;

const crashed = new Set<string>();

/** Calls again after an injected crash; after a crash that followed the commit, the call finds it done. */
async function untilDone<T>(call: () => Promise<T>): Promise<T | undefined> {
  let crashes = 0;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof InjectedCrash) crashes++;
      else if (crashes > 0) return undefined;
      else throw error;
    }
  }
}

beforeAll(async () => {
  // The worker dies once at every transition, just before and just after its commit.
  f = await flowStack({
    faults: (point, where) => {
      if (point !== "before-commit" && point !== "after-commit") return;
      const key = `${point}#${where.executionId}#${where.state}`;
      if (crashed.has(key)) return;
      crashed.add(key);
      throw new Error(`crash ${key}`);
    },
  });
  f.stack.clock.offsetMs = Date.parse("2020-04-15T09:00:00.000Z") - Date.now();
});

describe("report counters under at-least-once delivery", () => {
  it("every message delivered three times, shuffled, the worker crashing around each commit: each request is counted once", async () => {
    // Prepare
    const doc = await f.upload(pdf);
    const ids: string[] = [];
    const tripled = { copies: () => 3, shuffle: true };
    // What a crash left behind (a message deleted with its work undone) the sweeper re-drives once its grace is over.
    const settle = async () => {
      for (let i = 0; i < 4; i++) await f.harness.advance(10 * 60_000, tripled);
    };
    // Submitted and decided with the crashing engine, retried as a client retries a failed call.
    for (let i = 0; i < 6; i++) {
      const key = crypto.randomUUID();
      const body = contractBody([doc], { grossAmountCents: 30_000 + i * 1_000 });
      const answer = await untilDone(() => submitRequest(f.stack, f.engine, body, key));
      ids.push(answer!.body.id);
    }
    await settle();

    // Act
    for (const id of ids) {
      const token = await f.decisionToken(admins[0]!, id);
      await untilDone(() =>
        decide(f.stack, f.engine, token, { decision: "approve" }, { via: "page" }),
      );
    }
    await settle();
    const figures = await assemblyFigures(f.stack, { from: "2020-04-01", to: "2020-04-30" });

    // Assess
    const solidarity = figures.funds.find((x) => x.fund === "solidarity")!;
    expect(f.harness.delivered).toBeGreaterThan(ids.length * 3);
    expect(crashed.size).toBeGreaterThan(ids.length * 4);
    expect(solidarity.total).toMatchObject({
      size: 6,
      askedCents: 6 * 30_000 + 15_000,
      grantedCents: 6 * 30_000 + 15_000,
      outcomes: { approved: 6, rejected: 0, withdrawn: 0, expired: 0, "awaiting-funds": 0 },
    });
    expect(solidarity.decision).toEqual({ count: 6, medianDays: 0, p90Days: 0 });
    // The month's reservations, from the fund item's flows, are what the counters say was reserved.
    expect(solidarity.series.at(-1)!.reservedCents).toBe(6 * 30_000 + 15_000);
  });
});

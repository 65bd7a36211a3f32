import { GetCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeCallback } from "../../packages/core/src/engine/callbacks";
import { defineWorkflow, type State, type Step } from "../../packages/core/src/engine/definition";
import { Engine, type FaultPoint, InjectedCrash } from "../../packages/core/src/engine/engine";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { type DrainOptions, Harness } from "../support/engine-harness";
import { createTestStack, type TestStack } from "../support/stack";
import { DAY_MS, demo, demoSteps, Effects, FUND } from "./fixtures";

class Crash extends Error {
  override name = "Crash";
}

const MODES = ["auto", "approve", "flaky", "refuse"] as const;

/** Injects a crash the first time each execution reaches each point in each state; `crashed` says where it did. */
function crashOnce(points: FaultPoint[]) {
  const seen = new Set<string>();
  const crashed = new Set<FaultPoint>();
  const inject = (point: FaultPoint, where: { executionId: string; state: string }) => {
    const key = `${where.executionId}|${where.state}|${point}`;
    if (!points.includes(point) || seen.has(key)) return;
    seen.add(key);
    crashed.add(point);
    throw new Crash(`injected at ${point} in ${where.state}`);
  };
  return Object.assign(inject, { crashed });
}

interface Run {
  stack: TestStack;
  engine: Engine;
  harness: Harness;
  effects: Effects;
}

async function newRun(
  faults?: (p: FaultPoint, w: { executionId: string; state: string }) => void,
): Promise<Run> {
  const stack = await createTestStack();
  const effects = new Effects();
  const engine = new Engine({
    deps: stack,
    workflows: [demo],
    steps: demoSteps(effects),
    random: () => 0.5,
    faults,
  });
  return { stack, engine, harness: new Harness(stack, engine), effects };
}

/** Moves time on in small steps, so crashed and lost work is re-driven by the sweeper. */
async function settle(run: Run, options: DrainOptions = {}) {
  for (let i = 0; i < 8; i++) await run.harness.advance(2 * 60_000, options);
}

/** Starts as a client would: a crash before the answer is retried with the same key. */
async function startRetrying(
  engine: Engine,
  key: string,
  input: Record<string, unknown>,
): Promise<string> {
  for (;;) {
    try {
      return (await engine.start({ workflow: "demo", key, input })).id;
    } catch (error) {
      if (!(error instanceof InjectedCrash)) throw error;
    }
  }
}

/** An approver whose click crashed the server clicks again; after a crash past the commit, the link says it was used. */
async function decideRetrying(run: Run, token: string): Promise<void> {
  for (let crashed = false; ; ) {
    try {
      await completeCallback(run.engine, run.stack, token, {
        event: "decision",
        decision: "approve",
      });
      return;
    } catch (error) {
      if (crashed && (error as { code?: string }).code === "token.used") return;
      if (!(error instanceof InjectedCrash)) throw error;
      crashed = true;
    }
  }
}

/** Runs `count` executions of every mode to their end and describes each, by its index. */
async function scenario(run: Run, count: number, options: DrainOptions = {}) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await startRetrying(run.engine, `k${i}`, { mode: MODES[i % MODES.length], amount: 100 + i }),
    );
  }
  await run.harness.drain(options);
  await settle(run, options);
  for (const id of ids) {
    const token = run.effects.tokens.get(id)?.[0];
    if (token) await decideRetrying(run, token);
  }
  await settle(run, options);
  await run.harness.advance(31 * DAY_MS, options);
  await settle(run, options);
  return summarise(run, ids);
}

async function summarise(run: Run, ids: string[]) {
  return Promise.all(
    ids.map(async (id) => {
      const e = (await getExecution(run.stack, id))!;
      const history = (await readHistory(run.stack, id)).map((h) => `${h.type}:${h.state ?? ""}`);
      const effects = ["notify", "ask", "remind", "escalate", "pay"].map((name) =>
        run.effects.count(`${name}:${id}`),
      );
      return { status: e.status, state: e.state, data: e.data, history, effects };
    }),
  );
}

const paid = async (stack: TestStack) =>
  (await stack.clients.ddb.send(new GetCommand({ TableName: stack.config.table, Key: FUND }))).Item
    ?.paidCents;

describe("workflow engine under at-least-once delivery and crashes", () => {
  it("delivering every message of 100 executions twice, some three times, out of order, changes nothing", async () => {
    // Prepare
    const single = await newRun();
    const expected = await scenario(single, 100);
    const doubled = await newRun();
    // Act
    const actual = await scenario(doubled, 100, {
      copies: (record) => (record.messageId.charCodeAt(0) % 3 === 0 ? 3 : 2),
      shuffle: true,
    });
    // Assess
    expect(doubled.harness.delivered).toBeGreaterThan(2 * single.harness.delivered - 1);
    expect(actual).toEqual(expected);
    expect(expected.map((e) => `${e.status}:${e.state}`).sort()).toEqual(
      [...Array(75).fill("succeeded:done"), ...Array(25).fill("succeeded:refused")].sort(),
    );
    expect(await paid(doubled.stack)).toBe(await paid(single.stack));
  }, 180_000); // 100 executions run twice over, a few hundred commits: minutes on a loaded 2-core machine

  it("a worker crashing after each kind of side effect and before each write loses no execution and doubles no effect", async () => {
    // Prepare
    const expected = await scenario(await newRun(), 40);
    const points: FaultPoint[] = [
      "before-effect",
      "after-effect",
      "before-commit",
      "after-carried",
      "after-commit",
    ];
    const faults = crashOnce(points);
    const crashing = await newRun(faults);
    // Act
    const actual = await scenario(crashing, 40);
    // Assess: it did crash at every point, and it shows in nothing.
    expect([...faults.crashed].sort()).toEqual([...points].sort());
    expect(actual).toEqual(expected);
    for (const e of actual) expect(e.effects.every((n) => n <= 1)).toBe(true);
  });

  it("purging the queue in the middle of 50 executions: the sweeper finishes all of them", async () => {
    // Prepare
    const run = await newRun();
    const ids: string[] = [];
    for (let i = 0; i < 50; i++)
      ids.push(
        (await run.engine.start({ workflow: "demo", key: `p${i}`, input: { mode: "auto" } })).id,
      );
    await run.harness.drain({ maxRounds: 2, sweep: false }).catch(() => undefined);
    // Act
    await run.harness.purge();
    await settle(run);
    await run.harness.advance(31 * DAY_MS);
    // Assess
    const finals = await Promise.all(ids.map((id) => getExecution(run.stack, id)));
    expect(finals.map((e) => `${e?.status}:${e?.state}`)).toEqual(ids.map(() => "succeeded:done"));
    expect(ids.every((id) => run.effects.count(`pay:${id}`) === 1)).toBe(true);
  });

  it("200 executions at once each pay exactly once", async () => {
    // Prepare
    const run = await newRun();
    // Act
    const started = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        run.engine.start({ workflow: "demo", key: `c${i}`, input: { mode: "auto", amount: 100 } }),
      ),
    );
    await run.harness.drain();
    // Assess
    const finals = await Promise.all(started.map(({ id }) => getExecution(run.stack, id)));
    expect(finals.every((e) => e?.state === "cool-off")).toBe(true);
    expect(await paid(run.stack)).toBe(200 * 100);
  });
});

describe("workflow engine: property-based delivery", () => {
  type Spec = { kind: "task" | "flaky" | "wait" | "effect"; n: number };
  const spec = fc.record({
    kind: fc.constantFrom("task", "flaky", "wait", "effect"),
    n: fc.integer({ min: 1, max: 2 }),
  }) as fc.Arbitrary<Spec>;

  function build(specs: Spec[], effects: Effects) {
    const states: Record<string, State> = {};
    const steps: Record<string, Step> = {};
    specs.forEach((s, i) => {
      const name = `s${i}`;
      const next = i + 1 < specs.length ? `s${i + 1}` : "end";
      if (s.kind === "wait") states[name] = { type: "wait", seconds: s.n * 3600, next };
      else {
        states[name] = {
          type: "task",
          step: name,
          next,
          retry: [{ errors: ["Flaky"], intervalSeconds: 30, maxAttempts: 3, jitter: "none" }],
        };
        steps[name] = async (data, ctx) => {
          if (s.kind === "flaky" && ctx.attempt < s.n)
            throw Object.assign(new Error("flaky"), { name: "Flaky" });
          if (s.kind === "effect")
            await ctx.effect("e", async () => effects.record(`${ctx.executionId}:${name}`));
          return { data: { trail: [...((data.trail as string[]) ?? []), name] } };
        };
      }
    });
    states.end = { type: "succeed" };
    // The trail changes at every task: kept in an item of its own, it is rewritten with each transition.
    return {
      def: defineWorkflow({
        name: "random",
        version: 1,
        startAt: "s0",
        states,
        detached: ["trail"],
      }),
      steps,
    };
  }

  it("random definitions reach the same end, with each effect once, whatever the delivery order and crashes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(spec, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.subarray<FaultPoint>([
          "before-effect",
          "after-effect",
          "before-commit",
          // The trail's first version is put ahead of its commit.
          "after-parts",
          "after-carried",
          "after-commit",
        ]),
        async (specs, copies, points) => {
          const effects = new Effects();
          const { def, steps } = build(specs, effects);
          const stack = await createTestStack();
          const engine = new Engine({
            deps: stack,
            workflows: [def],
            steps,
            faults: crashOnce(points),
          });
          const harness = new Harness(stack, engine);
          const ids: { id: string }[] = [];
          for (const key of ["r0", "r1", "r2"]) {
            for (;;) {
              const started = await engine
                .start({ workflow: "random", key, input: {} })
                .catch((e) => {
                  if (e instanceof InjectedCrash) return undefined;
                  throw e;
                });
              if (started) {
                ids.push(started);
                break;
              }
            }
          }
          for (let i = 0; i < 12; i++)
            await harness.advance(3 * 3600_000, { copies: () => copies, shuffle: true });
          const expectedTrail = specs.flatMap((s, i) => (s.kind === "wait" ? [] : [`s${i}`]));
          for (const { id } of ids) {
            const e = await getExecution(stack, id);
            expect(e?.status).toBe("succeeded");
            expect(e?.data.trail ?? []).toEqual(expectedTrail);
            const history = await readHistory(stack, id);
            expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
            specs.forEach((s, i) => {
              if (s.kind === "effect") expect(effects.count(`${id}:s${i}`)).toBe(1);
            });
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

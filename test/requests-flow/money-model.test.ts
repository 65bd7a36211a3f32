import { Writable } from "node:stream";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getExecution } from "../../packages/core/src/engine/store";
import { createBatch, getBatch } from "../../packages/core/src/finance/batches";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { markBatchPaid, markPayoutFailed } from "../../packages/core/src/finance/settlement";
import { getFund, remainingCents } from "../../packages/core/src/funds/fund";
import { admins, contractBody, flowStack, freshWorkDays, member, pdf } from "./support";

/**
 * The money path as a model: random sequences (and pairs sent at once) of what members,
 * approvers and finance do, with the clock moving, against the real API, workflow and table.
 * After every step the system is checked against what it answered and against its own ledger.
 */

type Flow = Awaited<ReturnType<typeof flowStack>>;
let f: Flow;
let doc: string;
beforeAll(async () => {
  f = await flowStack();
  doc = await f.upload(pdf);
});

interface Req {
  id: string;
  token: string;
  /** Every IBAN the registered member confirmed (plus the one asked with): the only ones money may go to. */
  allowed: Set<string>;
  claimed?: string;
}
interface World {
  requests: Req[];
  /** The batches this run created. */
  batches: string[];
  /** Per batch, the total of the last bank file written for it. */
  exports: Map<string, number>;
  paidBatches: Set<string>;
  /** Paid transfers the bank returned (their payment became a reservation again). */
  returnedCents: number;
  startPaidCents: number;
}

const IBANS = ["BE68539007547034", "BE71096123456769", "FR7630006000011234567890189"];
const freshDays = freshWorkDays({ wrap: 600 });

const statusOf = async (id: string) =>
  ((await getExecution(f.stack, id))!.data as { status: string }).status;

async function items(kind: "payout") {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await f.stack.clients.ddb.send(
      new ScanCommand({
        TableName: f.stack.config.table,
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    out.push(
      ...(page.Items ?? []).filter(
        (i) => kind === "payout" && i.sk === "PAYOUT" && String(i.pk).startsWith("PAYOUT#"),
      ),
    );
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

const RESERVING = new Set(["scheduled", "batched", "payout-failed"]);

/** The invariants, read from the system itself after each step. */
async function checkInvariants(w: World) {
  const fund = (await getFund(f.stack, "solidarity"))!;
  const payouts = await items("payout");
  // Each execution as the engine reads it (its stored item uses short names and detached parts).
  const executions = new Map(
    await Promise.all(
      w.requests.map(async (r) => [r.id, (await getExecution(f.stack, r.id))!] as const),
    ),
  );
  // The fund identity: what is left is the envelope and returns minus reservations and payments.
  expect(remainingCents(fund)).toBe(
    fund.envelopeCents +
      fund.recoveredCents +
      fund.repaidCents -
      fund.reservedCents -
      fund.paidCents,
  );
  // Reservations and payments are exactly the payouts that hold them.
  const sum = (statuses: (s: string) => boolean) =>
    payouts
      .filter((p) => statuses(String(p.status)))
      .reduce((a, p) => a + Number(p.amountCents), 0);
  expect(fund.reservedCents).toBe(sum((s) => RESERVING.has(s)));
  expect(fund.paidCents).toBe(sum((s) => s === "paid"));
  // Every bank file agrees with the ledger: what paid batches' last files hold, less returns, is what was paid.
  const filed = [...w.paidBatches].reduce((a, b) => a + (w.exports.get(b) ?? 0), 0);
  expect(fund.paidCents - w.startPaidCents).toBe(filed - w.returnedCents);
  for (const r of w.requests) {
    const e = executions.get(r.id)!;
    const data = e.data as { status: string; request: { iban: string } };
    const payout = payouts.find((p) => p.payoutId === r.id);
    // No payout goes to an IBAN the member did not confirm from the registered address.
    if (payout)
      expect(r.allowed.has(String(payout.iban)), `payout ${r.id} to ${payout.iban}`).toBe(true);
    // No money is reserved by a request that ended, or was withdrawn, rejected, abandoned.
    if (
      e.status !== "running" ||
      ["withdrawn", "rejected", "expired", "payout-abandoned"].includes(data.status)
    )
      expect(
        payout === undefined || !RESERVING.has(String(payout.status)),
        `${r.id} ended ${data.status} holding money`,
      ).toBe(true);
    // One state, one status: the status is one the lifecycle knows.
    expect(typeof e.state).toBe("string");
  }
}

type Cmd = fc.AsyncCommand<World, Flow>;
/** The n-th request among those in one of `statuses` (so random runs reach the edges), else among all. */
async function pick(w: World, n: number, statuses: string[]) {
  const fitting = [];
  for (const r of w.requests) if (statuses.includes(await statusOf(r.id))) fitting.push(r);
  const from = fitting.length > 0 ? fitting : w.requests;
  return from[n % from.length];
}

class Submit implements Cmd {
  check = () => true;
  async run(w: World) {
    const answer = await f.submit(
      contractBody([doc], { workDays: freshDays(), grossAmountCents: 20_000 }),
    );
    expect(answer.status).toBe(201);
    w.requests.push({
      id: answer.body.id,
      token: decodeURIComponent(f.tokenOf(answer.body.statusUrl)),
      allowed: new Set([member.iban]),
    });
  }
  toString = () => "submit";
}

/** An approval and a withdrawal sent at the same moment. */
class ApproveAndWithdraw implements Cmd {
  constructor(
    readonly n: number,
    readonly withdraw: boolean,
  ) {}
  check = (w: Readonly<World>) => w.requests.length > 0;
  async run(w: World) {
    const r = (await pick(w, this.n, ["awaiting-approval"]))!;
    const token = await f.decisionToken(admins[0]!, r.id).catch(() => undefined);
    const [decision, withdrawal] = await Promise.all([
      token
        ? f.api.call("POST", "/api/decisions", { token, body: { decision: "approve" } })
        : undefined,
      this.withdraw
        ? f.api.call("POST", `/api/requests/${r.id}/withdraw`, { token: r.token })
        : undefined,
    ]);
    await f.harness.drain();
    const status = await statusOf(r.id);
    if (withdrawal?.status === 200) expect(status).toBe("withdrawn");
    if (withdrawal && withdrawal.status !== 200) expect(withdrawal.status).toBe(409);
    if (decision?.status === 200) expect(status).not.toBe("withdrawn");
  }
  toString = () => `approve${this.withdraw ? "+withdraw" : ""}(${this.n})`;
}

class ClaimIban implements Cmd {
  constructor(
    readonly n: number,
    readonly iban: string,
  ) {}
  check = (w: Readonly<World>) => w.requests.length > 0;
  async run(w: World) {
    const r = (await pick(w, this.n, ["payout-failed", "confirming-iban"]))!;
    const answer = await f.api.call("POST", `/api/requests/${r.id}/info`, {
      token: r.token,
      body: { iban: this.iban },
    });
    await f.harness.drain();
    if (answer.status === 200) {
      r.claimed = this.iban;
      expect(await statusOf(r.id)).toBe("confirming-iban");
    } else expect([400, 409]).toContain(answer.status);
  }
  toString = () => `claim(${this.n}, ${this.iban.slice(0, 2)})`;
}

/** The registered member confirms the newest link; approvers approve a change that needs them. */
class Confirm implements Cmd {
  constructor(readonly n: number) {}
  check = (w: Readonly<World>) => w.requests.some((r) => r.claimed);
  async run(w: World) {
    const r = w.requests.filter((x) => x.claimed)[
      this.n % w.requests.filter((x) => x.claimed).length
    ]!;
    const token = await f.confirmationToken(member.email, r.id).catch(() => undefined);
    if (!token) return;
    const answer = await f.api.call("POST", "/api/confirmations", {
      token,
      body: { answer: "confirm" },
    });
    await f.harness.drain();
    if (answer.status === 200) r.allowed.add(r.claimed!);
    if ((await getExecution(f.stack, r.id))?.state === "iban-approval") {
      await f.decide(admins[0]!, r.id, { decision: "approve" });
    }
  }
  toString = () => `confirm(${this.n})`;
}

class Batch implements Cmd {
  check = () => true;
  async run(w: World) {
    const { batch } = await createBatch(f.stack, "solidarity");
    if (batch) w.batches.push(batch.batchId);
  }
  toString = () => "batch";
}

/** This run's batches still open (an earlier run's are not this model's to pay). */
async function openBatches(w: World) {
  const open = await Promise.all(
    w.batches.map(async (b) => ((await getBatch(f.stack, b)).status === "open" ? b : undefined)),
  );
  return open.filter((b): b is string => b !== undefined);
}

class Export implements Cmd {
  constructor(readonly n: number) {}
  check = () => true;
  async run(w: World) {
    const open = await openBatches(w);
    if (open.length === 0) return;
    const batchId = open[this.n % open.length]!;
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const summary = await exportBatch(f.stack, batchId, "csv", sink).catch(() => undefined);
    if (summary) w.exports.set(batchId, summary.totalCents);
  }
  toString = () => `export(${this.n})`;
}

class MarkPaid implements Cmd {
  constructor(readonly n: number) {}
  check = () => true;
  async run(w: World) {
    const open = await openBatches(w);
    if (open.length === 0) return;
    const batchId = open[this.n % open.length]!;
    const report = await markBatchPaid(f.stack, f.engine, batchId).catch(
      (e: { code?: string }) => e.code,
    );
    await f.harness.drain();
    if (typeof report === "string") expect(["batch.not-exported", "batch.empty"]).toContain(report);
    else w.paidBatches.add(batchId);
  }
  toString = () => `mark-paid(${this.n})`;
}

class PayoutFailed implements Cmd {
  constructor(readonly n: number) {}
  check = (w: Readonly<World>) => w.requests.length > 0;
  async run(w: World) {
    const r = (await pick(w, this.n, ["scheduled", "exported", "paid"]))!;
    const report = await markPayoutFailed(f.stack, f.engine, r.id, "account closed").catch(
      () => undefined,
    );
    await f.harness.drain();
    if (report && report.previousStatus === "paid" && !report.alreadyFailed)
      w.returnedCents += report.reversedCents;
  }
  toString = () => `payout-failed(${this.n})`;
}

class Advance implements Cmd {
  constructor(readonly days: number) {}
  check = () => true;
  async run() {
    await f.harness.advance(this.days * 86_400_000);
  }
  toString = () => `advance(${this.days}d)`;
}

const commands = [
  fc.constant(new Submit()),
  fc.tuple(fc.nat(5), fc.boolean()).map(([n, w]) => new ApproveAndWithdraw(n, w)),
  fc.tuple(fc.nat(5), fc.constantFrom(...IBANS)).map(([n, iban]) => new ClaimIban(n, iban)),
  fc.nat(5).map((n) => new Confirm(n)),
  fc.constant(new Batch()),
  fc.nat(3).map((n) => new Export(n)),
  fc.nat(3).map((n) => new MarkPaid(n)),
  fc.nat(5).map((n) => new PayoutFailed(n)),
  fc.constantFrom(3, 15, 31).map((d) => new Advance(d)),
];

describe("the money path as a model", () => {
  it("random member, approver and finance actions keep answers true, the fund whole, bank files = ledger, and money on confirmed IBANs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 16 }), async (cmds) => {
        const fund = (await getFund(f.stack, "solidarity"))!;
        const world: World = {
          requests: [],
          batches: [],
          exports: new Map(),
          paidBatches: new Set(),
          returnedCents: 0,
          startPaidCents: fund.paidCents,
        };
        await fc.asyncModelRun(
          () => ({ model: world, real: f }),
          [new Submit(), ...cmds].map((c) => wrap(c)),
        );
        await checkInvariants(world);
      }),
      { numRuns: 8, endOnFailure: true },
    );
  }, 600_000);
});

/** Each command followed by the invariants. */
function wrap(c: Cmd): Cmd {
  return {
    check: (m) => c.check(m),
    async run(m, r) {
      await c.run(m, r);
      await checkInvariants(m);
    },
    toString: () => c.toString(),
  };
}

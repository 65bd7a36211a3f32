import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getExecution } from "../../packages/core/src/engine/store";
import { getFund, remainingCents, setEnvelope } from "../../packages/core/src/funds/fund";
import { resumeAwaitingFunds } from "../../packages/core/src/funds/resume";
import { admins, contractBody, flowStack, pdf } from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

const AMOUNT = 10_000;
const MEMBERS = [
  { memberNumber: "M0001", email: "camille.dubois@example.org", iban: "BE21001234567803" },
  { memberNumber: "M0003", email: "sarah.oconnor@example.org", iban: "BE74063445566707" },
  { memberNumber: "M0004", email: "lea.martin@example.org", iban: "FR7630004008230001234567819" },
];

describe("funds under concurrency", () => {
  it("60 concurrent final approvals on an envelope that fits 50: 50 scheduled, 10 awaiting funds, resumed in order", async () => {
    // Prepare
    const fund = await getFund(f.stack, "solidarity");
    await setEnvelope(
      f.stack,
      "solidarity",
      fund!.envelopeCents - remainingCents(fund!) + 50 * AMOUNT,
    );
    const doc = await f.upload(pdf);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const answer = await f.api.call("POST", "/api/requests", {
        body: contractBody([doc], { ...MEMBERS[i % 3], grossAmountCents: AMOUNT }),
        headers: { "idempotency-key": crypto.randomUUID() },
      });
      ids.push(answer.body.id);
    }
    await f.harness.drain();
    const tokens = await Promise.all(ids.map((id) => f.decisionToken(admins[0]!, id)));
    // Act
    const decisions = await Promise.all(
      tokens.map((token) =>
        f.api.call("POST", "/api/decisions", { token, body: { decision: "approve" } }),
      ),
    );
    await f.harness.drain();
    const statuses = await Promise.all(
      ids.map(async (id) => ((await getExecution(f.stack, id))!.data as { status: string }).status),
    );
    const after = (await getFund(f.stack, "solidarity"))!;
    // Assess
    expect(decisions.every((d) => d.status === 200)).toBe(true);
    expect(statuses.filter((s) => s === "scheduled")).toHaveLength(50);
    expect(statuses.filter((s) => s === "awaiting-funds")).toHaveLength(10);
    expect(remainingCents(after)).toBe(0);

    // Act: three more fit
    const waiting = await Promise.all(
      ids
        .filter((_, i) => statuses[i] === "awaiting-funds")
        .map(async (id) => ({
          id,
          at: ((await getExecution(f.stack, id))!.data as { approvedAt: string }).approvedAt,
        })),
    );
    await setEnvelope(f.stack, "solidarity", after.envelopeCents + 3 * AMOUNT);
    const { resumed } = await resumeAwaitingFunds(f.stack, f.engine, "solidarity");
    await f.harness.drain();
    // Assess: the three first approved, and nobody else
    const firstThree = waiting
      .sort((a, b) => `${a.at}#${a.id}`.localeCompare(`${b.at}#${b.id}`))
      .slice(0, 3)
      .map((w) => w.id);
    expect(resumed).toEqual(firstThree);
    for (const id of firstThree)
      expect(((await getExecution(f.stack, id))!.data as { status: string }).status).toBe(
        "scheduled",
      );
    expect(remainingCents((await getFund(f.stack, "solidarity"))!)).toBe(0);
  }, 180_000); // 60 requests end to end on a shared 2-core machine: a generous bound, not a speed claim
});

describe("hostile input", () => {
  const valid = () => contractBody(["3f2b8c1e-6d4a-4b7e-9c1f-0a1b2c3d4e5f"]);
  const fields = Object.keys(valid());
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("drop"), field: fc.constantFrom(...fields) }),
    fc.record({
      kind: fc.constant("retype"),
      field: fc.constantFrom(...fields.filter((k) => k !== "clientConsent")),
      value: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string()), fc.double()),
    }),
    fc.record({
      kind: fc.constant("extra"),
      field: fc.string({ minLength: 1 }).filter((k) => !fields.includes(k) && k !== "__proto__"),
      value: fc.jsonValue(),
    }),
    fc.record({
      kind: fc.constant("huge"),
      field: fc.constantFrom("reference", "cancellationReason"),
      value: fc.constant("x".repeat(100_000)),
    }),
  );

  it("thousands of invalid bodies get 4xx with field errors, never 5xx, and store nothing", async () => {
    // Prepare
    const count = async () =>
      (
        await f.stack.clients.ddb.send(
          new ScanCommand({ TableName: f.stack.config.table, Select: "COUNT" }),
        )
      ).Count;
    const before = await count();
    // Act + Assess
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), fc.array(mutation, { minLength: 1, maxLength: 3 })),
        async (input) => {
          let body: unknown = input;
          if (
            Array.isArray(input) &&
            input.every((m) => typeof m === "object" && m !== null && "kind" in m)
          ) {
            const b: Record<string, unknown> = valid();
            for (const m of input as { kind: string; field: string; value?: unknown }[]) {
              if (m.kind === "drop") delete b[m.field];
              else b[m.field] = m.value;
            }
            body = b;
          }
          const answer = await f.api.call("POST", "/api/requests", {
            body: JSON.stringify(body),
            headers: { "idempotency-key": crypto.randomUUID(), "content-type": "application/json" },
          });
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
          if (answer.status === 400 && answer.body.errors) {
            expect(answer.body.errors.length).toBeGreaterThan(0);
            for (const e of answer.body.errors) expect(e.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1500 },
    );
    const malformed = await f.api.call("POST", "/api/requests", {
      body: "{not json",
      headers: { "idempotency-key": crypto.randomUUID(), "content-type": "application/json" },
    });
    // The documents referenced by the otherwise valid body were never uploaded: 400 as well.
    const notUploaded = await f.api.call("POST", "/api/requests", {
      body: valid(),
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    expect(malformed.status).toBe(400);
    expect(notUploaded.status).toBe(400);
    expect(await count()).toBe(before);
  });
});

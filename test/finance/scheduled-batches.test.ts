import { GetObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "../../packages/core/src/deps";
import { createScheduledBatches } from "../../packages/core/src/finance/publish";
import { loadPlanConfig } from "../../packages/core/src/plan/config";
import { useDeps } from "../../packages/functions/src/context";
import { handler } from "../../packages/functions/src/cron/create-batches";
import { createTestStack, type TestStack } from "../support/stack";
import { approve, resetFund } from "./support/ledger";
import { DEBTOR, validateAgainstXsd } from "./support/sepa";

let stack: TestStack;
let withDebtor: Deps;

beforeAll(async () => {
  stack = await createTestStack();
  withDebtor = { ...stack, config: { ...stack.config, debtor: DEBTOR } };
  useDeps(withDebtor);
  await resetFund(stack, "solidarity", 1_000_000);
});

describe("scheduled payout batches", () => {
  it("batches each fund with scheduled payouts, and stores its CSV and SEPA files under exports/; a second run finds nothing to batch", async () => {
    // Prepare
    await approve(stack, 1);
    await approve(stack, 2);

    // Act
    const { batches } = await handler();
    const again = await handler();

    // Assess
    expect(batches).toEqual([
      { batchId: expect.stringMatching(/^ENT-SOL-/), payoutCount: 2, totalCents: 20_003 },
    ]);
    expect(again.batches).toEqual([]);
    const { batchId } = batches[0]!;
    const read = async (Key: string) =>
      (
        await stack.clients.s3.send(new GetObjectCommand({ Bucket: stack.config.bucket, Key }))
      ).Body!.transformToString();
    expect(await validateAgainstXsd(await read(`exports/${batchId}.xml`))).toEqual({
      valid: true,
      errors: [],
    });
    expect((await read(`exports/${batchId}.csv`)).split("\r\n")).toHaveLength(4);
  });

  it("emails finance a download link per file that works for 7 days", async () => {
    // Prepare
    await approve(stack, 3);

    // Act
    const [published] = await createScheduledBatches(withDebtor);

    // Assess
    const csv = published!.files.find((f) => f.name.endsWith(".csv"))!;
    expect(new URL(csv.url).searchParams.get("X-Amz-Expires")).toBe("604800");
    const lifetime = Date.parse(published!.expiresAt) - stack.clock.now().getTime();
    expect(lifetime).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(7 * 86_400_000);
    const download = await fetch(csv.url);
    expect(download.status).toBe(200);
    expect(await download.text()).toContain(published!.batch.batchId);
    const store = (await (await fetch(`${stack.config.endpoints.ses}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] }; body: { text?: string } }[];
    };
    const email = store.emails.find((e) => e.subject.includes(published!.batch.batchId))!;
    expect(email.destination.to).toEqual(["finance@smart.test"]);
    expect(email.body.text).toContain(csv.url);
  });

  it("signs the links for as long as the plan's downloads.linkValiditySeconds says", async () => {
    // Prepare
    await approve(stack, 4);
    const plan = loadPlanConfig({ downloads: { linkValiditySeconds: 3_600 } });

    // Act
    const [published] = await createScheduledBatches(withDebtor, plan);

    // Assess
    for (const file of published!.files)
      expect(new URL(file.url).searchParams.get("X-Amz-Expires")).toBe("3600");
    expect(Date.parse(published!.expiresAt) - stack.clock.now().getTime()).toBeLessThanOrEqual(
      3_600_000,
    );
  });
});

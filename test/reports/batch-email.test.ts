import { beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "../../packages/core/src/deps";
import { createScheduledBatches } from "../../packages/core/src/finance/publish";
import { approve, resetFund } from "../finance/support/ledger";
import { DEBTOR } from "../finance/support/sepa";
import { createTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
let withDebtor: Deps;

beforeAll(async () => {
  stack = await createTestStack();
  withDebtor = { ...stack, config: { ...stack.config, debtor: DEBTOR } };
  await resetFund(stack, "solidarity", 1_000_000);
});

describe("the batch-ready email", () => {
  it("links finance to the fund report, signed for 7 days, a page with no script that opens in the browser", async () => {
    // Prepare
    await approve(stack, 1);
    await approve(stack, 2);

    // Act
    const [published] = await createScheduledBatches(withDebtor);

    // Assess
    const store = (await (await fetch(`${stack.config.endpoints.ses}/store`)).json()) as {
      emails: { subject: string; body: { text?: string } }[];
    };
    const email = store.emails.find((e) => e.subject.includes(published!.batch.batchId))!;
    const link = email.body.text!.match(
      /https?:\/\/\S+rapport-fonds-\d{4}-\d{2}-\d{2}\.html\S*/,
    )?.[0];
    expect(link).toBeDefined();
    expect(new URL(link!).searchParams.get("X-Amz-Expires")).toBe("604800");
    expect(new URL(link!).searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    const page = await fetch(link!);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("Rapport des fonds");
    expect(html).toContain('data-figure="solidarity.balances.envelopeCents"');
    expect(html).not.toMatch(/<script/i);
  });
});

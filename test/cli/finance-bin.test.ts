import { beforeAll, describe, expect, it } from "vitest";
import { createBatch } from "../../packages/core/src/finance/batches";
import { approve, resetFund } from "../finance/support/ledger";
import { DEBTOR, validateAgainstXsd } from "../finance/support/sepa";
import { cliDataDir, runBin, runCli } from "../support/cli";
import { createTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  stack = await createTestStack();
  await resetFund(stack, "solidarity", 100_000);
  await resetFund(stack, "relaunch", 50_000);
  // The local config as `npm start` writes it, demo debtor included.
  env = {
    ENTRAIDE_DATA_DIR: await cliDataDir({ ...stack, config: { ...stack.config, debtor: DEBTOR } }),
  };
});

describe("finance and funds commands", () => {
  it("funds report --json prints every fund's balanced figures and payouts by status on stdout", async () => {
    // Prepare
    await approve(stack, 1, { amountCents: 30_000 });

    // Act
    const { code, stdout } = await runBin(["funds", "report", "--json"], env);

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        fund: "solidarity",
        configured: true,
        envelopeCents: 100_000,
        reservedCents: 30_000,
        paidCents: 0,
        recoveredCents: 0,
        repaidCents: 0,
        remainingCents: 70_000,
        payouts: { scheduled: 1, batched: 0, paid: 0, "payout-failed": 0, abandoned: 0 },
      },
      expect.objectContaining({ fund: "relaunch", remainingCents: 50_000 }),
      // The plan's third fund, whose envelope nobody has set here.
      expect.objectContaining({ fund: "initiatives", configured: false, remainingCents: 0 }),
    ]);
  });

  it("finance export without --out writes only the SEPA file on stdout, the summary on stderr", async () => {
    // Prepare
    await approve(stack, 2);
    const { batch } = await createBatch(stack, "solidarity");

    // Act
    const { code, stdout, stderr } = await runCli(
      ["finance", "export", batch!.batchId, "--format", "sepa"],
      env,
    );
    const unknown = await runCli(["finance", "export", "ENT-NOPE", "--format", "csv"], env);

    // Assess
    expect(code).toBe(0);
    expect(await validateAgainstXsd(stdout)).toEqual({ valid: true, errors: [] });
    expect(stderr).toContain(`batch ${batch!.batchId}: 2 payouts, 400.02 euros written to stdout`);
    expect(unknown).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "error: batch ENT-NOPE not found\n",
    });
  });
});

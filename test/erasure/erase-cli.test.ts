import { describe, expect, it } from "vitest";
import { readHistory } from "../../packages/core/src/engine/store";
import { getMember } from "../../packages/core/src/members/register";
import { admins, flowStack, pdf } from "../requests-flow/support";
import { cliDataDir, runCli } from "../support/cli";

describe("entraide members erase", () => {
  it("refuses while a request is open, reports a dry run, then erases and says that nothing was kept", async () => {
    // Prepare: Sarah's expenses, waiting for a decision
    const f = await flowStack();
    const env = { ENTRAIDE_DATA_DIR: await cliDataDir(f.stack) };
    const submitted = await f.submit({
      type: "incurred-expenses",
      language: "en",
      memberNumber: "M0003",
      email: "sarah.oconnor@example.org",
      iban: "BE74063445566707",
      activityId: "ACT-001",
      client: { name: "Festival d'été" },
      orderReference: "PO-5521",
      cancellationDate: "2020-03-20",
      lines: [
        {
          date: "2020-03-02",
          description: "Fabric",
          amountCents: 45_000,
          documentId: await f.upload(pdf),
        },
      ],
    });
    const id = submitted.body.id as string;
    // Act
    const open = await runCli(["members", "erase", "M0003"], env);
    await f.decide(admins[0]!, id, { decision: "reject", comment: "Not for Sarah O'Connor" });
    const dryRun = await runCli(["members", "erase", "M0003", "--dry-run", "--json"], env);
    const memberAfterDryRun = await getMember(f.stack, "M0003");
    const erased = await runCli(["members", "erase", "M0003", "--by", "ops"], env);
    const unknown = await runCli(["members", "erase", "M9999"], env);
    // Assess
    expect(open.code).toBe(1);
    expect(open.stderr).toContain(
      `member M0003 still has a request open: ${id} (awaiting-approval)`,
    );
    expect(dryRun.code).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ dryRun: true, requests: [id], kept: [] });
    expect(memberAfterDryRun?.lastName).toBe("O'Connor");
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(/member M0003: erased 1 requests as erased-[0-9a-f]{12}/);
    expect(erased.stdout).toContain("nothing kept");
    expect(await getMember(f.stack, "M0003")).toBeUndefined();
    expect((await readHistory(f.stack, id)).at(-1)).toMatchObject({
      type: "Erased",
      detail: { by: "ops" },
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("member M9999 not found");
  });
});

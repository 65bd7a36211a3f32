import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createBatch } from "../../packages/core/src/finance/batches";
import { markBatchPaid } from "../../packages/core/src/finance/settlement";
import { cliDataDir, runCli } from "../support/cli";
import { admins, contractBody, flowStack, pdf } from "./support";

describe("statuses a person understands", () => {
  it("approved and exported show in the member's view and history in fr, nl and en, and in executions list", async () => {
    // Prepare: three requests, one per language, approved and batched together
    const f = await flowStack();
    const dir = await cliDataDir(f.stack);
    const cli = (...args: string[]) => runCli(args, { ENTRAIDE_DATA_DIR: dir });
    const requests = [];
    for (const language of ["fr", "nl", "en"] as const) {
      const submitted = await f.submit(contractBody([await f.upload(pdf)], { language }));
      await f.decide(admins[0]!, submitted.body.id, { decision: "approve" });
      requests.push({
        language,
        id: submitted.body.id as string,
        statusUrl: submitted.body.statusUrl as string,
      });
    }
    const approvedViews = await Promise.all(requests.map((r) => f.view(r.id, r.statusUrl)));
    const { batch } = await createBatch(f.stack, "solidarity");

    // Act: finance exports the batch's file, twice (a second export tells nobody again)
    const out = join(dir, "batch.csv");
    const exported = await cli(
      "finance",
      "export",
      batch!.batchId,
      "--format",
      "csv",
      "--out",
      out,
      "--json",
    );
    const again = await cli(
      "finance",
      "export",
      batch!.batchId,
      "--format",
      "csv",
      "--out",
      out,
      "--json",
    );
    await f.harness.drain();
    const exportedViews = await Promise.all(requests.map((r) => f.view(r.id, r.statusUrl)));
    const listed = await cli(
      "executions",
      "list",
      "--workflow",
      "cancelled-contract",
      "--status",
      "running",
    );
    await markBatchPaid(f.stack, f.engine, batch!.batchId);
    await f.harness.drain();
    const paidViews = await Promise.all(requests.map((r) => f.view(r.id, r.statusUrl)));

    // Assess
    const labels = (view: { history: { type: string; label: string }[] }, type: string) =>
      view.history.filter((h) => h.type === type).map((h) => h.label);
    expect(approvedViews.map((v) => v.status)).toEqual(["scheduled", "scheduled", "scheduled"]);
    expect(approvedViews.map((v) => labels(v, "Approved"))).toEqual([
      ["Demande approuvée"],
      ["Aanvraag goedgekeurd"],
      ["Request approved"],
    ]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).requestsTold).toMatchObject({ delivered: 3 });
    expect(JSON.parse(again.stdout).requestsTold).toMatchObject({
      delivered: 0,
      "already-sent": 3,
    });
    expect((await readFile(out, "utf8")).split("\r\n").length).toBeGreaterThan(3);
    expect(exportedViews.map((v) => v.status)).toEqual(["exported", "exported", "exported"]);
    expect(exportedViews.map((v) => v.nextStep)).toEqual([
      "Le virement a été transmis à la banque ; il arrivera sous quelques jours ouvrables.",
      "De overschrijving is aan de bank doorgegeven; ze komt binnen enkele werkdagen aan.",
      "The transfer has been sent to the bank; it will arrive within a few working days.",
    ]);
    expect(exportedViews.map((v) => labels(v, "Exported"))).toEqual([
      ["Virement transmis à la banque"],
      ["Overschrijving doorgegeven aan de bank"],
      ["Transfer sent to the bank"],
    ]);
    for (const r of requests)
      expect(listed.stdout).toMatch(new RegExp(`${r.id} .* in payout \\(exported\\)`));
    expect(paidViews.map((v) => v.status)).toEqual(["paid", "paid", "paid"]);
    expect(paidViews[0]!.history.map((h: { type: string }) => h.type)).toEqual([
      "Received",
      "ChecksCompleted",
      "ApprovalRequested",
      "Decision.approve",
      "Approved",
      "FundsReserved",
      "Exported",
      "Paid",
    ]);
  }, 120_000);
});

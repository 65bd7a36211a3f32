import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { eraseMember } from "../../packages/core/src/erasure/erase";
import { eraseDue } from "../../packages/core/src/erasure/scheduled";
import { createBatch } from "../../packages/core/src/finance/batches";
import { publishBatch } from "../../packages/core/src/finance/publish";
import { recordRecovery } from "../../packages/core/src/finance/recoveries";
import { markBatchPaid } from "../../packages/core/src/finance/settlement";
import { getFund } from "../../packages/core/src/funds/fund";
import { getMember } from "../../packages/core/src/members/register";
import { workflows } from "../../packages/core/src/workflows/index";
import { admins, contractBody, flowStack, pdf, solidarity } from "../requests-flow/support";
import { scanTable } from "../support/scan";

const DAY_MS = 86_400_000;
type F = Awaited<ReturnType<typeof flowStack>>;

/** Where a string occurs in the table and the bucket: `pk|sk|path` or `s3:key`. */
async function occurrences(f: F, needles: string[]): Promise<string[]> {
  const found: string[] = [];
  const lower = needles.map((n) => n.toLowerCase());
  const walk = (value: unknown, where: string) => {
    if (typeof value === "string") {
      if (lower.some((n) => value.toLowerCase().includes(n))) found.push(where);
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${where}[${i}]`);
    } else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
  };
  for (const item of await scanTable(f.stack)) walk(item, `${item.pk}|${item.sk}|`);
  const objects = await f.stack.clients.s3.send(
    new ListObjectsV2Command({ Bucket: f.stack.config.bucket }),
  );
  for (const o of objects.Contents ?? []) {
    const body = await (
      await f.stack.clients.s3.send(
        new GetObjectCommand({ Bucket: f.stack.config.bucket, Key: o.Key! }),
      )
    ).Body!.transformToString("latin1");
    walk(Buffer.from(body, "latin1").toString("utf8"), `s3:${o.Key}`);
  }
  return found;
}

/** Fields where accounting law lets a payout keep the beneficiary's name and account. */
const accounting = (where: string) =>
  /^(PAYOUT#[^|]+\|PAYOUT|BATCH#[^|]+\|PAYOUT#[^|]+)\|\.(beneficiaryName|iban)$/.test(where);

describe("erasing a member's personal data", () => {
  it("replaces or deletes it everywhere but the payout fields accounting needs, then those too once their retention has passed", async () => {
    // Prepare: Camille's cancelled contract, through needs-info (with a comment), approval,
    // an exported and paid batch, a client recovery; Pieter's emergency aid, rejected.
    const f = await flowStack();
    const client = { name: "Théâtre des Oubliés", email: "regie@oublies.example" };
    const reference = "CDD-ERASE-4242";
    const submitted = await f.submit(
      contractBody([await f.upload(pdf, "application/pdf", "contrat-camille.pdf")], {
        client,
        reference,
      }),
    );
    const id = submitted.body.id as string;
    await f.decide(admins[0]!, id, {
      decision: "request-info",
      comment: "Camille, le contrat est-il signé ?",
    });
    const comment = "Voici le contrat signé par Camille Dubois";
    await f.api.call("POST", `/api/requests/${id}/info`, {
      token: decodeURIComponent(f.tokenOf(submitted.body.statusUrl)),
      body: {
        comment,
        documents: [await f.upload(pdf, "application/pdf", "contrat-signe-camille.pdf")],
      },
    });
    await f.harness.drain();
    const blockedWhileWaiting = await eraseMember(f.stack, "M0001", {
      by: "ops@smart.example.org",
    }).then(
      () => "erased",
      (error: Error) => error.message,
    );
    await f.decide(admins[1]!, id, { decision: "approve", comment: "OK pour Camille" });
    const { batch } = await createBatch(f.stack, "solidarity");
    await publishBatch(f.stack, batch!);
    await markBatchPaid(f.stack, f.engine, batch!.batchId);
    await f.harness.drain();
    await recordRecovery(f.stack, f.engine, id, 10_000, "VIR THEATRE DES OUBLIES 0001");
    const blockedInFollowUp = await eraseMember(f.stack, "M0001", {
      by: "ops@smart.example.org",
    }).then(
      () => "erased",
      (error: Error) => error.message,
    );
    await f.harness.advance(91 * DAY_MS);
    const aid = await f.submit({
      type: "emergency-aid",
      language: "nl",
      memberNumber: "M0002",
      email: "pieter.janssens@example.org",
      iban: "BE35310123456737",
      category: "rent",
      description: "Geen inkomen sinds maart, de huur van april is verschuldigd.",
      incomeBeforeCents: 180_000,
      incomeAfterCents: 0,
      householdSize: 2,
      requestedAmountCents: 70_000,
    });
    await f.decide(solidarity[0]!, aid.body.id, { decision: "reject", comment: "Hors critères" });
    const camille = [
      "Camille",
      "Dubois",
      "camille.dubois@example.org",
      "BE21001234567803",
      "BE21 0012 3456 7803",
      client.name,
      client.email,
      reference,
      comment,
      "Confinement : représentations annulées",
      "contrat-camille.pdf",
      "VIR THEATRE DES OUBLIES",
    ];
    const pieter = [
      "Pieter",
      "Janssens",
      "pieter.janssens@example.org",
      "BE35310123456737",
      "Geen inkomen sinds maart",
    ];
    const fund = await getFund(f.stack, "solidarity");
    expect((await occurrences(f, camille)).length).toBeGreaterThan(20);

    // Act
    const dryRun = await eraseMember(f.stack, "M0001", {
      dryRun: true,
      by: "ops@smart.example.org",
    });
    const afterDryRun = await occurrences(f, camille);
    const report = await eraseMember(f.stack, "M0001", { by: "ops@smart.example.org" });
    const left = await occurrences(f, camille);
    const pieterLeft = await occurrences(f, pieter);
    const erased = (await getExecution(f.stack, id))!;
    const history = await readHistory(f.stack, id);
    const fundAfter = await getFund(f.stack, "solidarity");
    f.stack.clock.advance((7 * 365 + 3) * DAY_MS);
    const scheduled = await eraseDue(
      f.stack,
      workflows().map((w) => w.name),
    );
    const leftAtLast = await occurrences(f, [...camille, ...pieter]);

    // Assess
    expect(blockedWhileWaiting).toContain(
      `member M0001 still has a request open: ${id} (awaiting-approval)`,
    );
    expect(blockedInFollowUp).toContain("still has a request open");
    expect(dryRun).toMatchObject({ dryRun: true, requests: [id] });
    expect(dryRun.scrubbed).toBeGreaterThan(5);
    expect(afterDryRun.length).toBeGreaterThan(20);
    expect(report.kept).toEqual([
      {
        payoutIds: [id],
        fields: ["beneficiaryName", "iban", "amountCents", "paidAt", "reference"],
        until: expect.any(String),
      },
    ]);
    expect(
      Date.parse(report.kept[0]!.until) -
        Date.parse(
          erased.data.payout ? String((erased.data.payout as { paidAt: string }).paidAt) : "",
        ),
    ).toBe((7 * 365 + 2) * DAY_MS);
    expect(left.filter((w) => !accounting(w))).toEqual([]);
    expect(left.length).toBeGreaterThan(0);
    expect(pieterLeft.length).toBeGreaterThan(3);
    expect(await getMember(f.stack, "M0001")).toBeUndefined();
    expect(erased.data).toMatchObject({
      status: "paid",
      amountCents: 90_000,
      approvedAmountCents: 90_000,
    });
    expect(history.at(-1)).toMatchObject({
      type: "Erased",
      detail: { by: "ops@smart.example.org" },
    });
    expect(fundAfter).toEqual(fund);
    expect(scheduled.map((r) => r.memberNumber).sort()).toEqual(["M0001", "M0002"]);
    expect(scheduled.every((r) => r.kept.length === 0 && r.by === "scheduled erasure")).toBe(true);
    expect(leftAtLast).toEqual([]);
  }, 180_000);
});

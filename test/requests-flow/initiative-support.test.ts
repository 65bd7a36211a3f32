import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import { readItem } from "../../packages/core/src/db/records";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { getFund, remainingCents } from "../../packages/core/src/funds/fund";
import { DAY_MS } from "../engine/fixtures";
import { texts, validateAgainstXsd } from "../finance/support/sepa";
import { coApplicant, committee, lead, projectStack } from "./project-support";
import { pdf, setNow } from "./support";

let f: Awaited<ReturnType<typeof projectStack>>;
beforeAll(async () => {
  f = await projectStack();
});
const dataOf = async (id: string) =>
  (await getExecution(f.stack, id))!.data as {
    status: string;
    project: {
      current: number;
      tranches: { number: number; status: string; reports: unknown[]; payoutId?: string }[];
      releasedCents?: number;
    };
    payout?: { payoutId: string };
  };

const report = async (id: string, statusUrl: string, text: string) => {
  const answer = await f.api.call("POST", `/api/requests/${id}/report`, {
    token: decodeURIComponent(f.tokenOf(statusUrl)),
    body: { report: text, documents: [await f.upload(pdf)] },
  });
  await f.harness.drain({ copies: () => 2 });
  return answer;
};

describe("initiative-support end to end", () => {
  it("a project is paid in three tranches through the batches, one report sent back for more information, each payment once", async () => {
    // Prepare
    const before = await f.initiatives();
    const submitted = await f.submit(f.projectBody());
    const id = submitted.body.id as string;
    const waiting = (await dataOf(id)).status;
    // Act: the co-applicant confirms, the committee approves, finance pays the first tranche
    const confirmed = await f.confirm(id, "confirm");
    const approved = await f.approveByVote(id);
    const reservedAll = await f.initiatives();
    const first = await f.payBatch();
    const afterFirst = await dataOf(id);
    // Act: the second report is sent back once, answered, approved, paid
    const reported = await report(
      id,
      submitted.body.statusUrl,
      "Le local est ouvert, 40 vélos réparés.",
    );
    const asked = await f.decide(committee[0]!, id, {
      decision: "request-info",
      comment: "Joignez les factures des outils.",
    });
    const afterAsk = await dataOf(id);
    const answered = await report(id, submitted.body.statusUrl, "Voici les factures des outils.");
    const checked = await f.decide(committee[0]!, id, { decision: "approve" });
    const second = await f.payBatch();
    // Act: the third, checked by the next committee member
    await report(id, submitted.body.statusUrl, "Six mois d'ouverture, 120 vélos réparés.");
    await f.decide(committee[1]!, id, { decision: "approve" });
    const third = await f.payBatch();
    const after = await dataOf(id);
    const execution = await getExecution(f.stack, id);
    // Assess
    expect(submitted.status).toBe(201);
    expect(waiting).toBe("confirming-co-applicants");
    expect(confirmed).toMatchObject({ status: 200 });
    expect(approved.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(approved[2]!.body).toMatchObject({ tally: { approve: 3, cast: 3, quorum: 3 } });
    expect(before - reservedAll).toBe(1_000_000);
    expect(first.report.paid).toBe(1);
    expect(first.csv).toContain(";3000,00;");
    expect(first.csv).toContain("tranche 1/3");
    expect(afterFirst.status).toBe("awaiting-report");
    expect(afterFirst.project.current).toBe(2);
    expect(reported).toMatchObject({ status: 200, body: { status: "report-checking" } });
    expect(asked.status).toBe(200);
    expect(afterAsk.status).toBe("report-needs-info");
    expect(answered).toMatchObject({ status: 200, body: { status: "report-checking" } });
    expect(checked.status).toBe(200);
    expect(await validateAgainstXsd(first.sepa)).toEqual({ valid: true, errors: [] });
    expect(texts(first.sepa, "Ustrd")[0]).toContain(`${id} tranche 1/3`);
    expect(texts(second.sepa, "Ustrd")[0]).toContain(`${id} tranche 2/3`);
    expect(texts(third.sepa, "InstdAmt")).toEqual(["4000.00"]);
    expect(second.report.paid).toBe(1);
    expect(second.csv).toContain("tranche 2/3");
    expect(third.report.paid).toBe(1);
    expect(third.csv).toContain(";4000,00;");
    expect(after.status).toBe("closed");
    expect(after.project.tranches.map((t) => t.status)).toEqual(["paid", "paid", "paid"]);
    expect(after.project.tranches[1]!.reports).toHaveLength(2);
    expect(after.project.releasedCents).toBe(0);
    expect(execution!.status).toBe("succeeded");
    const fund = (await getFund(f.stack, "initiatives"))!;
    expect(before - remainingCents(fund)).toBe(1_000_000);
    const history = (await readHistory(f.stack, id)).map((h) => h.type);
    expect(history.filter((t) => t === "Paid")).toHaveLength(3);
    expect(history.filter((t) => t === "TrancheCheck.request-info")).toHaveLength(1);
  });

  it("a co-applicant who declines stops the request before the committee hears of it", async () => {
    // Prepare
    const submitted = await f.submit(f.projectBody());
    const id = submitted.body.id as string;
    // Act
    const declined = await f.confirm(id, "not-me");
    // Assess
    expect(declined.status).toBe(200);
    expect((await dataOf(id)).status).toBe("co-applicant-declined");
    expect((await getExecution(f.stack, id))!.status).toBe("succeeded");
    const toCommittee = await f.inbox(committee[0]!);
    expect(toCommittee.some((m) => m.subject.includes(id))).toBe(false);
    const toLead = (await f.inbox(lead.email)).filter((m) => m.subject.includes(id));
    expect(toLead.map((m) => m.subject).join("\n")).toContain("Demande arrêtée");
  });

  it("a co-applicant who does not answer by the deadline stops the request", async () => {
    // Prepare
    const submitted = await f.submit(f.projectBody());
    const id = submitted.body.id as string;
    // Act
    await f.harness.advance(6 * DAY_MS);
    const sixDays = (await dataOf(id)).status;
    await f.harness.advance(1.5 * DAY_MS);
    const late = await f.api.call("POST", "/api/confirmations", {
      token: await f.confirmationToken(coApplicant.email, id),
      body: { answer: "confirm" },
    });
    // Assess
    expect(sixDays).toBe("confirming-co-applicants");
    expect((await dataOf(id)).status).toBe("co-applicant-unconfirmed");
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(late.status).toBeLessThan(500);
  });

  it("the tranches not reached go back to the fund when the last milestone's due date passes, once", async () => {
    // Prepare
    const before = await f.initiatives();
    const body = f.projectBody({ coApplicants: [] });
    const submitted = await f.submit(body);
    const id = submitted.body.id as string;
    await f.approveByVote(id);
    await f.payBatch();
    const reserved = before - (await f.initiatives());
    const lastDue = body.tranches[2]!.dueDate;
    // Act: the day after the last due date, with every message delivered twice
    setNow(f.stack, `${lastDue}T12:00:00.000Z`);
    await f.harness.drain();
    const onDueDate = (await dataOf(id)).status;
    setNow(f.stack, new Date(Date.parse(`${lastDue}T00:00:00.000Z`) + 1.5 * DAY_MS).toISOString());
    await f.harness.drain({ copies: () => 2 });
    const after = await dataOf(id);
    // Assess
    expect(reserved).toBe(1_000_000);
    expect(onDueDate).toBe("awaiting-report");
    expect(after.status).toBe("closed");
    expect(after.project.tranches.map((t) => t.status)).toEqual(["paid", "released", "released"]);
    expect(after.project.releasedCents).toBe(700_000);
    expect(before - (await f.initiatives())).toBe(300_000);
    const late = await report(id, submitted.body.statusUrl, "Trop tard, mais voici le rapport.");
    expect(late.status).toBe(409);
    expect(await readItem(f.stack, keys.payout(`${id}-t2`))).toBeUndefined();
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import { readItem } from "../../packages/core/src/db/records";
import { showExecution } from "../../packages/core/src/engine/operations";
import { getExecution } from "../../packages/core/src/engine/store";
import { createBatch } from "../../packages/core/src/finance/batches";
import { markPayoutFailed } from "../../packages/core/src/finance/settlement";
import { getFund } from "../../packages/core/src/funds/fund";
import { closeDispute } from "../../packages/core/src/requests/operations";
import { cliDataDir, runCli } from "../support/cli";
import { lead, projectStack } from "./project-support";
import { admins, contractBody, freshWorkDays, member, pdf } from "./support";

/**
 * Operations close a request frozen by "this is not me" (`entraide requests close-dispute`):
 * unpaid, the reservation of a returned payout back to the fund once, the registered member
 * and the approvers told once each, and a refusal with the status for anything not disputed.
 */
let f: Awaited<ReturnType<typeof projectStack>>;
let doc: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  f = await projectStack();
  doc = await f.upload(pdf);
  env = { ENTRAIDE_DATA_DIR: await cliDataDir(f.stack) };
});

const freshDays = freshWorkDays({ from: 100 });
const contract = (changes: Record<string, unknown> = {}) =>
  contractBody([doc], { workDays: freshDays(), ...changes });
const dataOf = async (id: string) =>
  (await getExecution(f.stack, id))!.data as {
    status: string;
    routing: { approvers: string[]; backups?: string[] };
  };
const subjects = async (to: string, id: string) =>
  (await f.inbox(to)).filter((m) => m.subject.includes(id)).map((m) => m.subject);
const count = (list: string[], words: string) => list.filter((s) => s.includes(words)).length;
const reserved = async () => (await getFund(f.stack, "solidarity"))!.reservedCents;
const cli = (...args: string[]) => runCli(args, env);

/** The registered member's answer to the notice or the IBAN confirmation: "this is not me". */
async function notMe(id: string) {
  const answer = await f.api.call("POST", "/api/confirmations", {
    token: await f.confirmationToken(member.email, id),
    body: { answer: "not-me" },
  });
  expect(answer).toMatchObject({ status: 200, body: { status: "disputed" } });
  await f.harness.drain();
}

/** A contract asked with an IBAN not the register's, disputed before any decision. */
async function disputedBeforeDecision() {
  const s = await f.submit(contract({ iban: "BE68539007547034" }));
  const id = s.body.id as string;
  await notMe(id);
  return id;
}

/** A request granted, returned by the bank, a new IBAN claimed, and disputed: money reserved. */
async function disputedWhileConfirmingIban(
  submit: () => Promise<{ body: Record<string, string> }>,
  approve: (id: string) => Promise<unknown>,
  fund: "solidarity" | "initiatives",
) {
  const submitted = await submit();
  const id = submitted.body.id!;
  await approve(id);
  await createBatch(f.stack, fund);
  const payoutId = ((await getExecution(f.stack, id))!.data as { payout: { payoutId: string } })
    .payout.payoutId;
  await markPayoutFailed(f.stack, f.engine, payoutId, "account closed");
  await f.harness.drain();
  const claimed = await f.api.call("POST", `/api/requests/${id}/info`, {
    token: decodeURIComponent(f.tokenOf(submitted.body.statusUrl!)),
    body: { iban: "BE68539007547034" },
  });
  expect(claimed).toMatchObject({ status: 200, body: { status: "confirming-iban" } });
  await f.harness.drain();
  await notMe(id);
  return { id, payoutId };
}
const disputedContract = () =>
  disputedWhileConfirmingIban(
    () => f.submit(contract()),
    (id) => f.decide(admins[0]!, id, { decision: "approve" }),
    "solidarity",
  );

describe("entraide requests close-dispute", () => {
  it("closes a request disputed before any decision: unpaid, in its status and history with the reason, member and approvers told once each", async () => {
    // Prepare
    const id = await disputedBeforeDecision();
    const before = await reserved();
    const { routing } = await dataOf(id);
    const approvers = [...routing.approvers, ...(routing.backups ?? [])];
    // Act
    const closed = await cli("requests", "close-dispute", id, "--reason", "Usurpation confirmée");
    await f.harness.drain({ copies: () => 2 });
    // Assess
    expect(closed).toMatchObject({ code: 0, stderr: "" });
    expect(closed.stdout).toContain(`request ${id} closed after the dispute, unpaid`);
    const execution = (await getExecution(f.stack, id))!;
    expect(execution.status).toBe("succeeded");
    expect((execution.data as { status: string }).status).toBe("dispute-closed");
    const history = (await showExecution(f.stack, id)).history;
    expect(history).toContainEqual(
      expect.objectContaining({
        type: "DisputeClosed",
        detail: { reason: "Usurpation confirmée" },
      }),
    );
    expect(history.map((e) => e.type)).not.toContain("FundsReleased");
    expect(await readItem(f.stack, keys.payout(id))).toBeUndefined();
    expect(await reserved()).toBe(before);
    const toMember = await subjects(member.email, id);
    expect(count(toMember, "Demande contestée : close sans paiement")).toBe(1);
    const memberMail = (await f.inbox(member.email)).find((m) =>
      m.subject.includes("close sans paiement"),
    )!;
    expect(memberMail.body.text).toContain("Motif : Usurpation confirmée");
    expect(memberMail.body.text).toContain(`status.html#id=${id}&token=`);
    expect(approvers.length).toBeGreaterThan(0);
    for (const approver of approvers) {
      expect(count(await subjects(approver, id), "close par les opérations")).toBe(1);
    }
  });

  it("closes a request disputed while a new IBAN waited: the payout is abandoned and its reservation back once, though two closes race and each is delivered twice", async () => {
    // Prepare
    const { id } = await disputedContract();
    const payout = (await readItem(f.stack, keys.payout(id)))!;
    const before = await reserved();
    // Act
    const answers = await Promise.allSettled([
      closeDispute(f.stack, f.engine, id, "Compte d'un tiers"),
      closeDispute(f.stack, f.engine, id, "Compte d'un tiers"),
    ]);
    await f.harness.drain({ copies: () => 2 });
    const late = await cli("requests", "close-dispute", id, "--reason", "encore");
    // Assess
    expect(answers.map((a) => a.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = answers.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "request.not-disputed", status: 409 });
    expect(payout).toMatchObject({ status: "payout-failed" });
    expect(await reserved()).toBe(before - (payout.amountCents as number));
    expect(await readItem(f.stack, keys.payout(id))).toMatchObject({
      status: "abandoned",
      gsi1pk: keys.payoutStatusPartition("solidarity", "abandoned"),
    });
    const history = (await showExecution(f.stack, id)).history;
    expect(history.filter((e) => e.type === "DisputeClosed")).toHaveLength(1);
    expect(history.filter((e) => e.type === "FundsReleased")).toEqual([
      expect.objectContaining({ detail: { amountCents: payout.amountCents } }),
    ]);
    expect(count(await subjects(member.email, id), "close sans paiement")).toBe(1);
    expect(count(await subjects(admins[0]!, id), "close par les opérations")).toBe(1);
    expect(late.code).toBe(1);
    expect(late.stderr).toBe(
      `error: request ${id} is dispute-closed, not disputed: only a disputed request can be closed\n`,
    );
    expect(await reserved()).toBe(before - (payout.amountCents as number));
  });

  it("closes a project disputed while its first tranche's new IBAN waited: that tranche and the later ones all go back to the fund, once", async () => {
    // Prepare
    const before = await f.initiatives();
    const { id, payoutId } = await disputedWhileConfirmingIban(
      () => f.submit(f.projectBody()),
      async (id) => {
        await f.confirm(id, "confirm");
        await f.approveByVote(id);
      },
      "initiatives",
    );
    const reservedWhileDisputed = before - (await f.initiatives());
    // Act
    await closeDispute(f.stack, f.engine, id, "Projet inconnu du membre");
    await f.harness.drain({ copies: () => 2 });
    // Assess
    expect(reservedWhileDisputed).toBe(1_000_000);
    expect(await f.initiatives()).toBe(before);
    expect(await readItem(f.stack, keys.payout(payoutId))).toMatchObject({ status: "abandoned" });
    const data = (await getExecution(f.stack, id))!.data as {
      status: string;
      project: { tranches: { status: string }[]; releasedCents: number };
    };
    expect(data.status).toBe("dispute-closed");
    expect(data.project.releasedCents).toBe(1_000_000);
    expect(data.project.tranches.map((t) => t.status)).toEqual([
      "released",
      "released",
      "released",
    ]);
    expect(count(await subjects(lead.email, id), "close sans paiement")).toBe(1);
  });

  it("refuses a request that is not disputed, saying its status, and changes nothing", async () => {
    // Prepare
    const id = (await f.submit(contract())).body.id as string;
    const before = await getExecution(f.stack, id);
    // Act
    const answer = await cli("requests", "close-dispute", id, "--reason", "erreur");
    const json = await cli("requests", "close-dispute", id, "--reason", "erreur", "--json");
    // Assess
    expect(answer.code).toBe(1);
    expect(answer.stderr).toBe(
      `error: request ${id} is awaiting-approval, not disputed: only a disputed request can be closed\n`,
    );
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        code: "request.not-disputed",
        message: expect.stringContaining("awaiting-approval"),
      },
    });
    expect((await getExecution(f.stack, id))!.rev).toBe(before!.rev);
  });

  it("refuses a close without a reason, and an unknown request, and changes nothing", async () => {
    // Prepare
    const id = await disputedBeforeDecision();
    const before = await getExecution(f.stack, id);
    // Act
    const missing = await cli("requests", "close-dispute", id);
    const blank = await cli("requests", "close-dispute", id, "--reason", "   ");
    const unknown = await cli("requests", "close-dispute", "nope", "--reason", "x");
    // Assess
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--reason");
    expect(blank).toMatchObject({
      code: 2,
      stderr: "error: reason: say why the dispute is closed (--reason)\n",
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("error: request nope not found\n");
    const after = (await getExecution(f.stack, id))!;
    expect(after.rev).toBe(before!.rev);
    expect((after.data as { status: string }).status).toBe("disputed");
  });

  it("says in its help that a dispute cannot be resumed", async () => {
    // Act
    const help = await cli("requests", "close-dispute", "--help");
    // Assess
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, " ")).toContain("A dispute cannot be resumed");
  });
});

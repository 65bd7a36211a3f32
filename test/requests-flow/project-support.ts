import { createBatch } from "../../packages/core/src/finance/batches";
import { exportBatch } from "../../packages/core/src/finance/exports";
import { markBatchPaid } from "../../packages/core/src/finance/settlement";
import { getFund, remainingCents } from "../../packages/core/src/funds/fund";
import { voteHelpers } from "../committee-vote/vote-helpers";
import { DAY_MS } from "../engine/fixtures";
import { Collector } from "../finance/support/sepa";
import { exportedCsv, flowStack } from "./support";

/** The lead applicant of the test projects, and the member who asks with them. */
export const lead = {
  memberNumber: "M0001",
  email: "camille.dubois@example.org",
  iban: "BE21001234567803",
};
export const coApplicant = { memberNumber: "M0003", email: "sarah.oconnor@example.org" };

/** The demo's initiatives committee (its first member chairs), which votes on projects. */
export const committee = [
  "initiatives.nora@smart.example.org",
  "initiatives.jan@smart.example.org",
  "initiatives.ola@smart.example.org",
  "initiatives.lucie@smart.example.org",
  "initiatives.wim@smart.example.org",
];

/** The flow stack on the default plan, with the committee members' voting helpers. */
export async function projectStack() {
  const f = await flowStack();
  const votes = voteHelpers(f);
  const day = (offsetDays: number) =>
    new Date(f.stack.clock.now().getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);

  /** A project of two members in three tranches (3,000 + 3,000 + 4,000 euros), milestones ahead. */
  const projectBody = (changes: Record<string, unknown> = {}) => ({
    type: "initiative-support",
    language: "fr",
    ...lead,
    coApplicants: [coApplicant],
    title: `Atelier vélo ${crypto.randomUUID().slice(0, 6)}`,
    description: "Un atelier de réparation ouvert deux soirs par semaine.",
    beneficiaries: "Les habitants du quartier",
    budgetLines: [
      { label: "Outils", amountCents: 400_000 },
      { label: "Loyer", amountCents: 600_000 },
    ],
    requestedAmountCents: 1_000_000,
    durationMonths: 6,
    tranches: [
      { milestone: "Local loué et outillé", dueDate: day(30), amountCents: 300_000 },
      { milestone: "Trois mois d'ouverture", dueDate: day(90), amountCents: 300_000 },
      { milestone: "Six mois d'ouverture", dueDate: day(180), amountCents: 400_000 },
    ],
    ...changes,
  });

  /** A co-applicant answers from their own confirmation email. */
  const confirm = async (
    id: string,
    answer: "confirm" | "not-me",
    email: string = coApplicant.email,
  ) => {
    const answered = await f.api.call("POST", "/api/confirmations", {
      token: await f.confirmationToken(email, id),
      body: { answer },
    });
    await f.harness.drain();
    return answered;
  };

  /** The committee approves by its vote: the quorum of three, each from their vote email's page. */
  const approveByVote = async (id: string, members = committee.slice(0, 3)) => {
    const answers = [];
    for (const member of members) answers.push(await votes.vote(member, id, { vote: "approve" }));
    return answers;
  };

  /** Pays what is scheduled in the initiatives fund, as finance does: batch, export, mark paid. */
  const payBatch = async () => {
    const { batch } = await createBatch(f.stack, "initiatives");
    const csv = await exportedCsv(f.stack, batch!.batchId);
    const sepa = new Collector();
    await exportBatch(f.stack, batch!.batchId, "sepa", sepa);
    const report = await markBatchPaid(f.stack, f.engine, batch!.batchId);
    // At-least-once: every step this payment starts is delivered twice.
    await f.harness.drain({ copies: () => 2 });
    return { csv, sepa: sepa.text, report };
  };

  /** What the initiatives fund has left to reserve. */
  const initiatives = async () => remainingCents((await getFund(f.stack, "initiatives"))!);

  return { ...f, ...votes, day, projectBody, confirm, approveByVote, payBatch, initiatives };
}

import { beforeAll, describe, expect, it } from "vitest";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { projectStack } from "./project-support";
import { pdf } from "./support";

/** `POST /api/requests/{id}/close`: the applicants end their project before its last tranche. */
let f: Awaited<ReturnType<typeof projectStack>>;
beforeAll(async () => {
  f = await projectStack();
});

type Project = {
  status: string;
  project: {
    tranches: { status: string }[];
    releasedCents?: number;
    closedEarly?: { reason?: string };
  };
};
const dataOf = async (id: string) => (await getExecution(f.stack, id))!.data as Project;
const statusToken = (statusUrl: string) => decodeURIComponent(f.tokenOf(statusUrl));
const close = async (id: string, statusUrl: string, body?: unknown) => {
  const answer = await f.api.call("POST", `/api/requests/${id}/close`, {
    token: statusToken(statusUrl),
    ...(body === undefined ? {} : { body }),
  });
  await f.harness.drain({ copies: () => 2 });
  return answer;
};

/** A project of the lead alone, approved by the vote, its first tranche paid: awaiting a report. */
async function paidFirstTranche(language = "fr") {
  const submitted = await f.submit(f.projectBody({ coApplicants: [], language }));
  const id = submitted.body.id as string;
  await f.approveByVote(id);
  await f.payBatch();
  return { id, statusUrl: submitted.body.statusUrl as string };
}

describe("the applicants close their project early", () => {
  it("closes at once: the unpaid tranches go back to the fund, and a second close is told 409", async () => {
    // Prepare
    const before = await f.initiatives();
    const { id, statusUrl } = await paidFirstTranche();
    const waiting = (await dataOf(id)).status;
    const reserved = before - (await f.initiatives());
    // Act
    const closed = await close(id, statusUrl, { reason: "Le local a été vendu." });
    const fundAfter = await f.initiatives();
    const again = await close(id, statusUrl, {});
    const data = await dataOf(id);
    const history = (await readHistory(f.stack, id)).map((h) => h.type);
    // Assess
    expect(waiting).toBe("awaiting-report");
    expect(reserved).toBe(1_000_000);
    expect(closed).toMatchObject({
      status: 200,
      body: { status: "closed", releasedCents: 700_000 },
    });
    expect(before - fundAfter).toBe(300_000);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "request.not-closable",
      details: { status: "closed" },
    });
    expect(await f.initiatives()).toBe(fundAfter);
    expect(data.status).toBe("closed");
    expect(data.project.tranches.map((t) => t.status)).toEqual(["paid", "released", "released"]);
    expect(data.project.closedEarly).toEqual({ reason: "Le local a été vendu." });
    expect(history.filter((t) => t === "ProjectClosed")).toHaveLength(1);
    expect((await getExecution(f.stack, id))!.status).toBe("succeeded");
  });

  it("two closes at the same instant: one closes, the other is told 409, the money returns once", async () => {
    // Prepare
    const before = await f.initiatives();
    const { id, statusUrl } = await paidFirstTranche();
    // Act
    const answers = await Promise.all(
      [1, 2].map(() =>
        f.api.call("POST", `/api/requests/${id}/close`, { token: statusToken(statusUrl) }),
      ),
    );
    await f.harness.drain({ copies: () => 2 });
    // Assess
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(before - (await f.initiatives())).toBe(300_000);
    const history = (await readHistory(f.stack, id)).map((h) => h.type);
    expect(history.filter((t) => t === "ProjectClosed")).toHaveLength(1);
  });

  it("cannot close while the committee votes or while a report is checked: 409 with where it stands", async () => {
    // Prepare
    const submitted = await f.submit(f.projectBody({ coApplicants: [] }));
    const voting = submitted.body.id as string;
    const { id, statusUrl } = await paidFirstTranche();
    await f.api.call("POST", `/api/requests/${id}/report`, {
      token: statusToken(statusUrl),
      body: { report: "Le local est ouvert, 40 vélos réparés.", documents: [await f.upload(pdf)] },
    });
    await f.harness.drain();
    // Act
    const duringVote = await close(voting, submitted.body.statusUrl);
    const duringCheck = await close(id, statusUrl);
    // Assess
    expect(duringVote.status).toBe(409);
    expect(duringVote.body.error.details).toMatchObject({
      status: "awaiting-approval",
      state: "committee-vote",
    });
    expect(duringCheck.status).toBe(409);
    expect(duringCheck.body.error.details).toMatchObject({
      status: "report-checking",
      state: "report-checking",
    });
    expect((await dataOf(id)).project.tranches.map((t) => t.status)).toEqual([
      "paid",
      "reported",
      "pending",
    ]);
  });

  it("refuses a forged status token with a 404, changing nothing", async () => {
    // Prepare
    const { id } = await paidFirstTranche();
    const before = await getExecution(f.stack, id);
    // Act
    const answer = await f.api.call("POST", `/api/requests/${id}/close`, { token: "x".repeat(43) });
    // Assess
    expect(answer.status).toBe(404);
    expect((await getExecution(f.stack, id))!.rev).toBe(before!.rev);
  });

  it.each([
    {
      language: "fr",
      body: { reason: "x".repeat(2001) },
      path: "reason",
      message: /^« Raison de la clôture » doit contenir au plus 2\s000 caractères\.$/,
    },
    {
      language: "nl",
      body: { reason: 42 },
      path: "reason",
      message: /^‘Reden van de afsluiting’ moet .+ zijn\.$/,
    },
    {
      language: "en",
      body: { reason: "ok", refund: true },
      path: "refund",
      message: /^The field .*refund.* is not expected here: remove it\.$/,
    },
  ])(
    "refuses $body with a 400 in the applicant's language ($language), storing nothing",
    async ({ language, body, path, message }) => {
      // Prepare
      const { id, statusUrl } = await paidFirstTranche(language);
      const before = await getExecution(f.stack, id);
      // Act
      const answer = await close(id, statusUrl, body);
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ path, message: expect.stringMatching(message) }),
      ]);
      expect((await getExecution(f.stack, id))!.rev).toBe(before!.rev);
      expect((await dataOf(id)).status).toBe("awaiting-report");
    },
  );
});

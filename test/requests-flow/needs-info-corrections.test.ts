import { beforeAll, describe, expect, it } from "vitest";
import { getExecution } from "../../packages/core/src/engine/store";
import { contractBody, flowStack, pdf } from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

/** A contract whose work day lies outside the plan window and whose activity is typed by name. */
async function failing() {
  const doc = await f.upload(pdf);
  const submitted = await f.submit(
    contractBody([doc], { activityId: "Théâtre du Parc", workDays: [{ date: "2022-05-10" }] }),
  );
  const token = decodeURIComponent(f.tokenOf(submitted.body.statusUrl));
  const answer = (body: unknown) =>
    f.api.call("POST", `/api/requests/${submitted.body.id}/info`, { token, body });
  return { id: submitted.body.id as string, statusUrl: submitted.body.statusUrl as string, answer };
}

describe("a needs-info answered through the fields the failed checks name", () => {
  it("offers the failing fields with what the member sent, and the corrected answer passes the checks", async () => {
    // Prepare
    const request = await failing();
    const waiting = await f.view(request.id, request.statusUrl);
    // Act
    const answered = await request.answer({
      corrections: { activityId: "ACT-001", workDays: [{ date: "2020-04-10", hours: 6 }] },
    });
    await f.harness.drain();
    // Assess
    expect(waiting.status).toBe("needs-info");
    expect(waiting.infoRequest.fields).toEqual({
      activityId: "Théâtre du Parc",
      workDays: [{ date: "2022-05-10" }],
    });
    expect(waiting.infoRequest.answerBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(answered.status).toBe(200);
    const after = await f.view(request.id, request.statusUrl);
    expect(after.status).toBe("awaiting-approval");
    const data = (await getExecution(f.stack, request.id))!.data as {
      request: { activityId: string; workDays: unknown };
      infoAnswers: { corrected?: string[] }[];
    };
    expect(data.request.activityId).toBe("ACT-001");
    expect(data.request.workDays).toEqual([{ date: "2020-04-10", hours: 6 }]);
    expect(data.infoAnswers.at(-1)?.corrected).toEqual(["activityId", "workDays"]);
  });

  it("refuses a correction the form would refuse, or of a field no check named, and changes nothing", async () => {
    // Prepare
    const request = await failing();
    // Act
    const invalid = await request.answer({ corrections: { workDays: [{ date: "10/04/2020" }] } });
    const notOffered = await request.answer({ corrections: { grossAmountCents: 1 } });
    const empty = await request.answer({ corrections: {} });
    await f.harness.drain();
    // Assess
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual([
      "corrections.workDays.0.date",
    ]);
    expect(notOffered.status).toBe(400);
    expect(notOffered.body.errors).toEqual([
      expect.objectContaining({ path: "corrections.grossAmountCents", code: "field_not_offered" }),
    ]);
    expect(notOffered.body.errors[0].message).toContain("Montant brut");
    expect(empty.status).toBe(400);
    expect((await f.view(request.id, request.statusUrl)).status).toBe("needs-info");
  });
});

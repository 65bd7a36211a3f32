import { beforeAll, describe, expect, it } from "vitest";
import { DAY_MS } from "../engine/fixtures";
import { coApplicant, projectStack } from "./project-support";
import { subjectsTo } from "./support";

/** The plan's reminders of a project: co-applicants who have not confirmed, before their deadline. */
let f: Awaited<ReturnType<typeof projectStack>>;
beforeAll(async () => {
  f = await projectStack();
});

const hugo = { memberNumber: "M0005", email: "hugo.bernard@example.org" };

describe("a co-applicant who has not confirmed", () => {
  it("is reminded once, two days before the deadline; one who confirmed is not; the reminder's link confirms", async () => {
    // Prepare: Sarah (en) and Hugo (fr) ask with Camille; Hugo confirms at once
    const id = (await f.submit(f.projectBody({ coApplicants: [coApplicant, hugo] }))).body
      .id as string;
    await f.confirm(id, "confirm", hugo.email);
    // Act: the clock moves on, every message delivered twice
    await f.harness.advance(4 * DAY_MS);
    const afterFourDays = await subjectsTo(f.stack, coApplicant.email, id);
    await f.harness.advance(1.5 * DAY_MS, { copies: () => 2 });
    await f.harness.advance(1 * DAY_MS, { copies: () => 2 });
    const toSarah = await subjectsTo(f.stack, coApplicant.email, id);
    const toHugo = await subjectsTo(f.stack, hugo.email, id);
    const confirmed = await f.confirm(id, "confirm");
    // Assess
    expect(afterFourDays).toEqual([
      expect.stringMatching(/^Confirm that you take part in the project/),
    ]);
    expect(toSarah).toEqual([
      expect.stringMatching(/^Confirm that you take part in the project/),
      expect.stringMatching(/^Reminder: Confirm that you take part in the project/),
    ]);
    expect(toHugo).toEqual([expect.stringMatching(/^Confirmez votre participation au projet/)]);
    expect(confirmed.status).toBe(200);
    expect((await f.dataOf(id)).status).toBe("awaiting-approval");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { getActivity } from "../../packages/core/src/activities/register";
import { importActivities } from "../../packages/core/src/imports/activities";
import { importMembers } from "../../packages/core/src/imports/members";
import { createTestStack, type TestStack } from "../support/stack";

const activitiesCsv = (lines: string[]) =>
  Buffer.from(
    `activityId;name;memberNumbers;administrators;backupAdministrators\n${lines.join("\n")}\n`,
  );

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
  await importMembers(
    stack,
    Buffer.from(
      "memberNumber,firstName,lastName,email,language,country,iban,shareholder\n" +
        "M1,Camille,Dubois,camille@example.org,fr,BE,BE21001234567803,true\n" +
        "M2,Pieter,Janssens,pieter@example.org,nl,BE,BE35310123456737,true\n",
    ),
  );
});

describe("activities import", () => {
  it("stores the |-separated lists of members, administrators and backups", async () => {
    // Prepare
    const file = activitiesCsv([
      "A-1;Les Tréteaux;M1 | M2;Admin@Smart.test|second@smart.test;backup@smart.test",
    ]);
    // Act
    const report = await importActivities(stack, file);
    // Assess
    expect(report.lines).toEqual([{ line: 2, key: "A-1", outcome: "created" }]);
    expect(await getActivity(stack, "A-1")).toEqual({
      activityId: "A-1",
      name: "Les Tréteaux",
      memberNumbers: ["M1", "M2"],
      administrators: ["admin@smart.test", "second@smart.test"],
      backupAdministrators: ["backup@smart.test"],
    });
  });

  it("reports an unchanged activity unchanged and a changed one updated", async () => {
    // Prepare
    await importActivities(
      stack,
      activitiesCsv(["B-1;Atelier;M1;a@smart.test;", "B-2;Vélo;M2;b@smart.test;"]),
    );
    // Act
    const report = await importActivities(
      stack,
      activitiesCsv(["B-1;Atelier;M1;a@smart.test;", "B-2;Vélo;M1|M2;b@smart.test;"]),
    );
    // Assess
    expect(report.counts).toEqual({ created: 0, updated: 1, unchanged: 1, refused: 0 });
    expect((await getActivity(stack, "B-2"))?.memberNumbers).toEqual(["M1", "M2"]);
  });

  it("refuses an activity naming an unknown member, a bad email, or a backup who is an administrator", async () => {
    // Prepare
    const file = activitiesCsv([
      "C-1;Studio;M1|M9;a@smart.test;",
      "C-2;Studio;M1;a@smart;",
      "C-3;Studio;M1;a@smart.test;A@smart.test",
      "C-4;Studio;M1;;",
    ]);
    // Act
    const report = await importActivities(stack, file);
    // Assess
    expect(report.lines.map((l) => l.reason)).toEqual([
      "memberNumbers: M9 not in the members register (import the members first)",
      'administrators: "a@smart" is not an email address',
      "backupAdministrators: a@smart.test is already an administrator",
      "administrators: must list at least one administrator",
    ]);
    expect(await getActivity(stack, "C-1")).toBeUndefined();
  });
});

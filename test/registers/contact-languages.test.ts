import { beforeAll, describe, expect, it } from "vitest";
import { getActivity } from "../../packages/core/src/activities/register";
import { getCommittee, setCommitteeOf } from "../../packages/core/src/committees/committee";
import { languageOf } from "../../packages/core/src/contacts/language";
import { importActivities } from "../../packages/core/src/imports/activities";
import { importMembers } from "../../packages/core/src/imports/members";
import { createTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
  await importMembers(
    stack,
    Buffer.from(
      "memberNumber,firstName,lastName,email,language,country,iban,shareholder\n" +
        "M1,Camille,Dubois,camille@example.org,fr,BE,BE21001234567803,true\n",
    ),
  );
});

describe("the language of each person who receives mail", () => {
  it("the activities import takes `email:nl` for administrators and backups, and stores the plain address", async () => {
    // Act
    const report = await importActivities(
      stack,
      Buffer.from(
        "activityId;name;memberNumbers;administrators;backupAdministrators\n" +
          "A-1;Atelier;M1;Anne@Smart.test:NL|bert@smart.test;carla@smart.test:en\n",
      ),
    );
    // Assess
    expect(report.lines).toEqual([{ line: 2, key: "A-1", outcome: "created" }]);
    expect((await getActivity(stack, "A-1"))?.administrators).toEqual([
      "anne@smart.test",
      "bert@smart.test",
    ]);
    expect(await languageOf(stack, "anne@smart.test")).toBe("nl");
    expect(await languageOf(stack, "Carla@smart.test")).toBe("en");
    expect(await languageOf(stack, "bert@smart.test")).toBe("fr");
  });

  it("refuses a language we do not speak, naming the entry", async () => {
    // Act
    const report = await importActivities(
      stack,
      Buffer.from(
        "activityId;name;memberNumbers;administrators;backupAdministrators\n" +
          "A-2;Atelier;M1;dora@smart.test:de;\n",
      ),
    );
    // Assess
    expect(report.lines[0]?.outcome).toBe("refused");
    expect(JSON.stringify(report.lines[0])).toContain("dora@smart.test:de");
    expect(await getActivity(stack, "A-2")).toBeUndefined();
  });

  it("committees set gives --language to those who name none, and `email:lang` wins", async () => {
    // Act
    const result = await setCommitteeOf(stack, {
      committee: "credit",
      members: ["ines@smart.test", "tom@smart.test:en"],
      backups: ["backup@smart.test"],
      language: "nl",
    });
    // Assess
    expect((await getCommittee(stack, "credit"))?.members).toEqual([
      "ines@smart.test",
      "tom@smart.test",
    ]);
    expect(result.languages).toEqual({
      "ines@smart.test": "nl",
      "tom@smart.test": "en",
      "backup@smart.test": "nl",
    });
    expect(await languageOf(stack, "ines@smart.test")).toBe("nl");
    expect(await languageOf(stack, "tom@smart.test")).toBe("en");
  });
});

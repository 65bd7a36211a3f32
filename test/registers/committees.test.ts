import { beforeAll, describe, expect, it } from "vitest";
import { getCommittee, setCommittee } from "../../packages/core/src/committees/committee";
import { ValidationError } from "../../packages/core/src/errors";
import { createTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});

describe("committees", () => {
  it("setting a committee stores its members and backups, and replaces them when set again", async () => {
    // Prepare
    await setCommittee(stack, {
      committee: "solidarity",
      members: ["Anne@smart.test"],
      backups: ["b@smart.test"],
    });
    // Act
    const again = await setCommittee(stack, {
      committee: "solidarity",
      members: ["anne@smart.test"],
      backups: ["b@smart.test"],
    });
    const replaced = await setCommittee(stack, {
      committee: "solidarity",
      members: ["anne@smart.test", "marc@smart.test"],
      backups: [],
    });
    // Assess
    expect(again.outcome).toBe("unchanged");
    expect(replaced.outcome).toBe("updated");
    expect(await getCommittee(stack, "solidarity")).toEqual({
      committee: "solidarity",
      members: ["anne@smart.test", "marc@smart.test"],
      backups: [],
    });
  });

  it("refuses a credit committee of one member, since loans need two distinct approvers", async () => {
    // Act
    const result = setCommittee(stack, {
      committee: "credit",
      members: ["ines@smart.test"],
      backups: [],
    });
    // Assess
    await expect(result).rejects.toBeInstanceOf(ValidationError);
    await expect(result).rejects.toMatchObject({
      errors: [
        expect.objectContaining({
          path: "members",
          message: "the credit committee needs at least 2 members",
        }),
      ],
    });
    expect(await getCommittee(stack, "credit")).toBeUndefined();
  });

  it("refuses a member listed twice, a backup who is a member, and a bad email", async () => {
    // Act
    const result = setCommittee(stack, {
      committee: "credit",
      members: ["ines@smart.test", "INES@smart.test", "tom@"],
      backups: ["tom@smart.test", "ines@smart.test"],
    });
    // Assess
    await expect(result).rejects.toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ message: "ines@smart.test is listed twice" }),
        expect.objectContaining({ message: '"tom@" is not an email address' }),
      ]),
    });
    const valid = setCommittee(stack, {
      committee: "credit",
      members: ["ines@smart.test", "tom@smart.test"],
      backups: ["ines@smart.test"],
    });
    await expect(valid).rejects.toMatchObject({
      errors: [
        expect.objectContaining({
          path: "backups",
          message: "ines@smart.test is already a member",
        }),
      ],
    });
  });
});

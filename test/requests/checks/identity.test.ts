import { describe, expect, it } from "vitest";
import type { RequestBody } from "../../../packages/core/src/request-view/schemas";
import { activity } from "../../../packages/core/src/requests/checks/activity";
import type { CheckContext } from "../../../packages/core/src/requests/checks/context";
import { iban } from "../../../packages/core/src/requests/checks/iban";
import { membership } from "../../../packages/core/src/requests/checks/membership";
import { context, requestOf } from "../fixtures";

type Row = {
  name: string;
  request?: RequestBody;
  ctx: Partial<CheckContext>;
  outcome: string;
  code: string;
};
const loan = requestOf("relaunch-loan");
const activityOf = (memberNumbers: string[]) => ({
  activityId: "act-theatre",
  memberNumbers,
  administrators: [],
  backupAdministrators: [],
});

describe.each([
  {
    check: membership,
    rows: [
      { name: "a registered member", ctx: {}, outcome: "pass", code: "member_known" },
      {
        name: "an unknown member",
        ctx: { member: undefined },
        outcome: "fail",
        code: "member_unknown",
      },
      {
        name: "a member whose register email differs",
        ctx: { member: { memberNumber: "M-001234", email: "other@example.be" } },
        outcome: "warn",
        code: "member_email_differs",
      },
    ] as Row[],
  },
  {
    check: activity,
    rows: [
      { name: "the member's activity", ctx: {}, outcome: "pass", code: "activity_member" },
      {
        name: "an unknown activity",
        ctx: { activity: undefined },
        outcome: "fail",
        code: "activity_unknown",
      },
      {
        name: "someone else's activity",
        ctx: { activity: activityOf(["M-000777"]) },
        outcome: "fail",
        code: "activity_not_member",
      },
    ] as Row[],
  },
  {
    check: iban,
    rows: [
      { name: "the register's IBAN", ctx: {}, outcome: "pass", code: "iban_valid" },
      {
        name: "an IBAN failing mod-97",
        request: { ...loan, iban: "BE68539007547035" },
        ctx: {},
        outcome: "fail",
        code: "iban_invalid",
      },
      {
        name: "another valid IBAN than the register's",
        request: { ...loan, iban: "NL91ABNA0417164300" },
        ctx: {},
        outcome: "warn",
        code: "iban_differs_from_register",
      },
      {
        name: "a member without IBAN in the register",
        ctx: { member: { memberNumber: "M-001234", email: "ada@example.be" } },
        outcome: "pass",
        code: "iban_valid",
      },
    ] as Row[],
  },
])("the $check.name check", ({ check, rows }) => {
  it.each(rows)("gives $outcome ($code) for $name", ({ request, ctx, outcome, code }) => {
    // Act
    const result = check.run(request ?? loan, context(ctx));

    // Assess
    expect(result).toMatchObject({ check: check.name, outcome, reason: { code } });
  });
});

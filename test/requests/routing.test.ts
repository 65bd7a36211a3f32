import { describe, expect, it } from "vitest";
import { loadPlanConfig, planConfig } from "../../packages/core/src/plan/config";
import { type RoutingInput, routeApproval } from "../../packages/core/src/requests/routing";
import { docA, requestOf } from "./fixtures";

const activity = {
  activityId: "act-theatre",
  memberNumbers: ["M-001234"],
  administrators: ["Admin@Theatre.example", "second@theatre.example"],
  backupAdministrators: ["backup@theatre.example"],
};
const committees = {
  solidarity: { members: ["s1@coop.example", "s2@coop.example"], backups: ["s3@coop.example"] },
  credit: {
    members: ["c1@coop.example", "c2@coop.example", "c3@coop.example"],
    backups: ["c4@coop.example"],
  },
};
const route = (changes: Partial<RoutingInput> & Pick<RoutingInput, "request">) =>
  routeApproval({ activity, committees, plan: planConfig, ...changes });
const contract = (grossAmountCents: number) =>
  requestOf("cancelled-contract", { grossAmountCents });
const expenses = (amountCents: number) =>
  requestOf("incurred-expenses", {
    lines: [{ date: "2020-03-02", description: "Hall", amountCents, documentId: docA }],
  });
const aid = (requestedAmountCents: number) => requestOf("emergency-aid", { requestedAmountCents });

describe("routeApproval", () => {
  it.each([
    { name: "a contract of exactly €5,000", request: contract(500_000), required: 1 },
    { name: "a contract above €5,000", request: contract(500_001), required: 2 },
    { name: "expenses of exactly €2,500", request: expenses(250_000), required: 1 },
    { name: "expenses above €2,500", request: expenses(250_001), required: 2 },
    { name: "an aid of exactly €1,000", request: aid(100_000), required: 1 },
    { name: "an aid above €1,000", request: aid(100_001), required: 2 },
    {
      name: "the smallest loan",
      request: requestOf("relaunch-loan", { amountCents: 50_000 }),
      required: 2,
    },
  ])("asks $required approval(s) for $name", ({ request, required }) => {
    // Act
    const routing = route({ request });

    // Assess
    expect(routing).toMatchObject({ status: "routed", requiredApprovals: required });
  });

  it.each([
    {
      type: "cancelled-contract",
      group: "activity-administrators",
      first: "admin@theatre.example",
    },
    { type: "emergency-aid", group: "solidarity-committee", first: "s1@coop.example" },
    { type: "relaunch-loan", group: "credit-committee", first: "c1@coop.example" },
  ] as const)("routes a $type to the $group", ({ type, group, first }) => {
    // Act
    const routing = route({ request: requestOf(type) });

    // Assess
    expect(routing.group).toBe(group);
    expect(routing.approvers[0]).toBe(first);
  });

  it.each([
    { type: "cancelled-contract", plan: planConfig, group: "solidarity-committee" },
    { type: "incurred-expenses", plan: planConfig, group: "solidarity-committee" },
    {
      type: "incurred-expenses",
      plan: loadPlanConfig({
        types: { "incurred-expenses": { approversWithoutActivity: "credit-committee" } },
      }),
      group: "credit-committee",
    },
  ] as const)(
    "routes a $type without an Activity to the group its plan names ($group)",
    ({ type, plan, group }) => {
      // Prepare
      const { activityId: _a, ...body } = requestOf(type);
      const request = { ...body, withoutActivity: true } as typeof body & { withoutActivity: true };

      // Act
      const routing = route({ request, activity: undefined, plan });

      // Assess
      expect(routing).toMatchObject({ status: "routed", group });
      expect(routing.approvers[0]).toBe(
        group === "credit-committee" ? "c1@coop.example" : "s1@coop.example",
      );
    },
  );

  it("never asks the member to approve their own request, whatever the case of the email", () => {
    // Prepare
    const request = requestOf("cancelled-contract", { email: "admin@theatre.example" });

    // Act
    const routing = route({ request });

    // Assess
    expect(routing.approvers).toEqual(["second@theatre.example"]);
    expect(routing.backups).toEqual(["backup@theatre.example"]);
  });

  it("excludes the member's register email as well as the request's", () => {
    // Act
    const routing = route({ request: requestOf("relaunch-loan"), memberEmail: "c2@coop.example" });

    // Assess
    expect(routing.approvers).toEqual(["c1@coop.example", "c3@coop.example"]);
    expect(routing.backups).toEqual(["c4@coop.example"]);
  });

  it("promotes a backup when the group alone cannot give two distinct approvals", () => {
    // Prepare
    const credit = {
      members: ["c1@coop.example", "C1@coop.example "],
      backups: ["c4@coop.example"],
    };

    // Act
    const routing = route({
      request: requestOf("relaunch-loan"),
      committees: { ...committees, credit },
    });

    // Assess
    expect(routing).toMatchObject({
      status: "routed",
      approvers: ["c1@coop.example", "c4@coop.example"],
      backups: [],
    });
  });

  it("sends to operations when too few distinct people are eligible", () => {
    // Prepare
    const credit = { members: ["ada@example.be", "c1@coop.example"], backups: [] };

    // Act
    const routing = route({
      request: requestOf("relaunch-loan"),
      committees: { ...committees, credit },
    });

    // Assess
    expect(routing).toMatchObject({
      status: "needs-operations",
      reason: { code: "not_enough_approvers", params: { eligible: 1, required: 2 } },
    });
  });

  it("sends to operations when a committee was never set", () => {
    // Act
    const routing = route({ request: requestOf("emergency-aid"), committees: {} });

    // Assess
    expect(routing).toMatchObject({
      status: "needs-operations",
      approvers: [],
      requiredApprovals: 1,
    });
  });

  it("decides four eyes on the amount given, such as a lower approved amount", () => {
    // Act
    const routing = route({ request: contract(600_000), amountCents: 400_000 });

    // Assess
    expect(routing.requiredApprovals).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { loadPlanConfig, planConfig } from "../../packages/core/src/plan/config";

describe("the plan configuration", () => {
  it("holds the defaults of the product spec", () => {
    // Assess
    expect(planConfig).toMatchObject({
      crisisStart: "2020-03-01",
      planWindow: { from: "2020-03-01", to: "2021-12-31" },
      needsInfo: { expiresAfterSeconds: 14 * 86_400, reminderAfterSeconds: 7 * 86_400 },
      approvals: {
        reminderEverySeconds: 2 * 86_400,
        reminderCount: 3,
        escalateAfterSeconds: 7 * 86_400,
        tokenValiditySeconds: 30 * 86_400,
      },
      documents: { maxBytes: 10 * 1024 * 1024 },
    });
    expect(planConfig.types["relaunch-loan"]).toMatchObject({
      fund: "relaunch",
      approvers: "credit-committee",
      approval: { kind: "always-two" },
      amountCents: { min: 50_000, max: 2_500_000 },
    });
    expect(planConfig.types["emergency-aid"]).toMatchObject({
      capCents: 150_000,
      periodSeconds: 90 * 86_400,
    });
  });

  it("accepts approvers' document links of exactly seven days, S3's limit", () => {
    // Act
    const plan = loadPlanConfig({ documents: { linkValiditySeconds: 7 * 86_400 } });

    // Assess
    expect(plan.documents.linkValiditySeconds).toBe(604_800);
    expect(planConfig.documents).toMatchObject({
      linkValiditySeconds: 600,
      uploadWindowSeconds: 900,
    });
  });

  it("merges overrides deeply and keeps the other defaults", () => {
    // Act
    const plan = loadPlanConfig({ types: { "emergency-aid": { capCents: 200_000 } } });

    // Assess
    expect(plan.types["emergency-aid"].capCents).toBe(200_000);
    expect(plan.types["emergency-aid"].fund).toBe("solidarity");
    expect(plan.types["relaunch-loan"]).toEqual(planConfig.types["relaunch-loan"]);
  });

  it.each([
    {
      name: "a reminder after the expiry",
      overrides: { needsInfo: { reminderAfterSeconds: 15 * 86_400 } },
      field: "needsInfo",
    },
    {
      name: "a window ending before it starts",
      overrides: { planWindow: { to: "2019-12-31" } },
      field: "planWindow",
    },
    {
      name: "a loan minimum above its maximum",
      overrides: { types: { "relaunch-loan": { amountCents: { min: 3_000_000 } } } },
      field: "types.relaunch-loan.amountCents",
    },
    {
      name: "download links longer than S3 allows",
      overrides: { downloads: { linkValiditySeconds: 8 * 86_400 } },
      field: "downloads.linkValiditySeconds",
    },
    {
      name: "approvers' document links longer than S3 allows",
      overrides: { documents: { linkValiditySeconds: 7 * 86_400 + 1 } },
      field: "documents.linkValiditySeconds",
    },
    {
      name: "an upload window longer than S3 allows",
      overrides: { documents: { uploadWindowSeconds: 8 * 86_400 } },
      field: "documents.uploadWindowSeconds",
    },
    {
      name: "document links that never open",
      overrides: { documents: { linkValiditySeconds: 0 } },
      field: "documents.linkValiditySeconds",
    },
    {
      name: "an unknown group for expenses without an Activity",
      overrides: {
        types: { "incurred-expenses": { approversWithoutActivity: "board" as never } },
      },
      field: "types.incurred-expenses.approversWithoutActivity",
    },
    {
      name: "a cap in euros with decimals",
      overrides: { types: { "emergency-aid": { capCents: 1500.5 } } },
      field: "types.emergency-aid.capCents",
    },
    {
      name: "a misspelt setting",
      overrides: { needsInfo: { expireAfterSeconds: 1 } } as never,
      field: "needsInfo",
    },
  ])("refuses $name, naming the field", ({ overrides, field }) => {
    // Act
    const load = () => loadPlanConfig(overrides);

    // Assess
    expect(load).toThrow(
      new RegExp(`invalid plan configuration: .*${field.replace(/\./g, "\\.")}`),
    );
  });
});

describe("funds, committees and approval policies in the plan", () => {
  const voting = {
    kind: "committee-vote",
    committee: "initiatives",
    quorum: 3,
    majority: "simple",
    votingSeconds: 10 * 86_400,
    reminderEverySeconds: 3 * 86_400,
  } as const;

  it("keeps the defaults: three funds, four committees, the approvals as before", () => {
    // Assess
    expect(planConfig.funds.map((f) => f.name)).toEqual(["solidarity", "relaunch", "initiatives"]);
    expect(planConfig.committees.map((c) => [c.name, c.minMembers, c.role])).toEqual([
      ["solidarity", 1, "approvers"],
      ["credit", 2, "approvers"],
      ["moderators", 1, "moderators"],
      ["initiatives", 3, "approvers"],
    ]);
    expect(planConfig.types["cancelled-contract"].approval).toEqual({
      kind: "four-eyes",
      aboveCents: 500_000,
    });
  });

  it("takes a committee vote for a type, replacing its policy whole", () => {
    // Act
    const plan = loadPlanConfig({ types: { "emergency-aid": { approval: voting } } });
    // Assess
    expect(plan.types["emergency-aid"].approval).toEqual(voting);
  });

  it.each([
    {
      name: "a type paid from a fund the plan does not have",
      overrides: { types: { "emergency-aid": { fund: "culture" } } },
      field:
        "types.emergency-aid.fund: must be a fund of the plan: solidarity, relaunch, initiatives",
    },
    {
      name: "approvers naming no committee of the plan",
      overrides: { types: { "emergency-aid": { approvers: "culture-committee" } } },
      field: "types.emergency-aid.approvers",
    },
    {
      name: "a vote by a committee that does not approve",
      overrides: {
        types: { "emergency-aid": { approval: { ...voting, committee: "moderators" } } },
      },
      field: "types.emergency-aid.approval.committee",
    },
    {
      name: "a quorum larger than the committee may be (its minMembers)",
      overrides: {
        types: { "emergency-aid": { approval: { ...voting, committee: "credit", quorum: 3 } } },
      },
      field:
        "types.emergency-aid.approval.quorum: must be at most the credit committee's minMembers (2)",
    },
    {
      name: "a majority below one half",
      overrides: { types: { "emergency-aid": { approval: { ...voting, majority: "1/3" } } } },
      field: "types.emergency-aid.approval.majority",
    },
    {
      name: "reminders after the voting deadline",
      overrides: {
        types: { "emergency-aid": { approval: { ...voting, reminderEverySeconds: 11 * 86_400 } } },
      },
      field: "types.emergency-aid.approval.reminderEverySeconds",
    },
    {
      name: "an unknown kind of approval",
      overrides: { types: { "emergency-aid": { approval: { kind: "unanimity" } } } },
      field: "types.emergency-aid.approval.kind",
    },
    {
      name: "a fund listed twice",
      overrides: {
        funds: [
          { name: "solidarity", labels: { fr: "a", nl: "b", en: "c" } },
          { name: "solidarity", labels: { fr: "a", nl: "b", en: "c" } },
          { name: "relaunch", labels: { fr: "a", nl: "b", en: "c" } },
        ],
      },
      field: "funds: each fund is listed once",
    },
    {
      name: "a fund without its Dutch label",
      overrides: {
        funds: [
          { name: "solidarity", labels: { fr: "a", en: "c" } },
          { name: "relaunch", labels: { fr: "a", nl: "b", en: "c" } },
        ],
      },
      field: "funds.0.labels.nl",
    },
    {
      name: "a committee of no members",
      overrides: {
        committees: [
          {
            name: "solidarity",
            labels: { fr: "a", nl: "b", en: "c" },
            minMembers: 0,
            role: "approvers",
          },
        ],
      },
      field: "committees.0.minMembers",
    },
  ])("refuses $name, naming the field", ({ overrides, field }) => {
    // Act
    const load = () => loadPlanConfig(overrides as never);
    // Assess
    expect(load).toThrow(field);
  });
});

import { describe, expect, it } from "vitest";
import type { RequestBody } from "../../../packages/core/src/request-view/schemas";
import type { RequestSummary } from "../../../packages/core/src/requests/checks/context";
import { duplicates } from "../../../packages/core/src/requests/checks/duplicates";
import { context, requestOf } from "../fixtures";

const summary = (
  changes: Partial<RequestSummary> & Pick<RequestSummary, "type">,
): RequestSummary => ({
  id: "req-other",
  status: "awaiting-approval",
  memberNumber: "M-001234",
  ...changes,
});
const contractSummary = (changes: Partial<RequestSummary> = {}) =>
  summary({
    type: "cancelled-contract",
    clientName: "theatre  de la VILLE",
    workDays: ["2020-03-21", "2020-03-25"],
    ...changes,
  });

type Row = {
  name: string;
  request: RequestBody;
  others: RequestSummary[];
  outcome: string;
  code: string;
};

describe("the duplicates check", () => {
  it.each<Row>([
    // cancelled-contract: same member, same client, overlapping work dates
    {
      name: "no other request",
      request: requestOf("cancelled-contract"),
      others: [],
      outcome: "pass",
      code: "no_duplicate",
    },
    {
      name: "an overlapping claim for the same client",
      request: requestOf("cancelled-contract"),
      others: [contractSummary()],
      outcome: "fail",
      code: "overlapping_claim",
    },
    {
      name: "the same client on other dates",
      request: requestOf("cancelled-contract"),
      others: [contractSummary({ workDays: ["2020-04-01"] })],
      outcome: "pass",
      code: "no_duplicate",
    },
    {
      name: "another client on the same dates",
      request: requestOf("cancelled-contract"),
      others: [contractSummary({ clientName: "Opéra" })],
      outcome: "pass",
      code: "no_duplicate",
    },
    {
      name: "an overlapping claim that was rejected",
      request: requestOf("cancelled-contract"),
      others: [contractSummary({ status: "rejected" })],
      outcome: "pass",
      code: "no_duplicate",
    },
    {
      name: "an overlapping claim already paid",
      request: requestOf("cancelled-contract"),
      others: [contractSummary({ status: "paid" })],
      outcome: "fail",
      code: "overlapping_claim",
    },
    {
      name: "the request itself among the summaries",
      request: requestOf("cancelled-contract"),
      others: [contractSummary({ id: "req-this" })],
      outcome: "pass",
      code: "no_duplicate",
    },
    // incurred-expenses: the same order twice
    {
      name: "the same order again",
      request: requestOf("incurred-expenses"),
      others: [
        summary({
          type: "incurred-expenses",
          clientName: "Festival d’été",
          orderReference: "po-5521",
        }),
      ],
      outcome: "fail",
      code: "duplicate_order",
    },
    {
      name: "another order of the client",
      request: requestOf("incurred-expenses"),
      others: [
        summary({
          type: "incurred-expenses",
          clientName: "Festival d'été",
          orderReference: "PO-9",
        }),
      ],
      outcome: "pass",
      code: "no_duplicate",
    },
    // emergency-aid: one granted per 90 days
    {
      name: "an aid granted 89 days ago",
      request: requestOf("emergency-aid"),
      others: [
        summary({ type: "emergency-aid", status: "paid", grantedAt: "2020-01-17T10:00:00Z" }),
      ],
      outcome: "fail",
      code: "aid_granted_recently",
    },
    {
      name: "an aid granted 90 days ago",
      request: requestOf("emergency-aid"),
      others: [summary({ type: "emergency-aid", status: "paid", grantedAt: "2020-01-16" })],
      outcome: "pass",
      code: "no_duplicate",
    },
    {
      name: "an aid still awaiting approval",
      request: requestOf("emergency-aid"),
      others: [summary({ type: "emergency-aid" })],
      outcome: "warn",
      code: "aid_pending",
    },
    {
      name: "an aid rejected last week",
      request: requestOf("emergency-aid"),
      others: [summary({ type: "emergency-aid", status: "rejected", decidedAt: "2020-04-08" })],
      outcome: "pass",
      code: "no_duplicate",
    },
    // relaunch-loan: one open loan per activity
    {
      name: "an open loan of a colleague in the activity",
      request: requestOf("relaunch-loan"),
      others: [
        summary({
          type: "relaunch-loan",
          status: "repaying",
          memberNumber: "M-000777",
          activityId: "act-theatre",
        }),
      ],
      outcome: "fail",
      code: "open_loan",
    },
    {
      name: "a repaid loan of the activity",
      request: requestOf("relaunch-loan"),
      others: [summary({ type: "relaunch-loan", status: "repaid", activityId: "act-theatre" })],
      outcome: "pass",
      code: "no_duplicate",
    },
    {
      name: "an open loan of another activity",
      request: requestOf("relaunch-loan"),
      others: [summary({ type: "relaunch-loan", activityId: "act-cinema" })],
      outcome: "pass",
      code: "no_duplicate",
    },
  ])("gives $outcome ($code) for $name", ({ request, others, outcome, code }) => {
    // Act
    const result = duplicates.run(request, context({ otherRequests: others }));

    // Assess
    expect(result).toMatchObject({ check: "duplicates", outcome, reason: { code } });
  });

  it("tells when a new aid becomes possible", () => {
    // Prepare
    const others = [
      summary({ type: "emergency-aid", status: "scheduled", grantedAt: "2020-03-01" }),
    ];

    // Act
    const result = duplicates.run(requestOf("emergency-aid"), context({ otherRequests: others }));

    // Assess
    expect(result.reason.params).toEqual({ grantedDate: "2020-03-01", nextDate: "2020-05-30" });
  });
});

import type { CallbackResult, Data } from "../engine/definition";
import { EntraideError } from "../errors";
import { FundMovements } from "../funds/movements";
import type { DecisionPayload } from "./decisions";
import type { RequestEvent } from "./events";
import {
  type CoApplicantRecord,
  closedProject,
  currentTranche,
  type ProjectRecord,
  projectRecord,
  unusedCents,
  withTranche,
} from "./project";

/**
 * What the answers a project waits for do to it (a co-applicant's, the applicants' report or
 * early closing, a committee member's check), each returning the outcome the workflow maps.
 */

/** A co-applicant's answer from the link sent to their registered address. */
export function coApplicantAnswer(
  data: Data,
  payload: { event: string },
  token: { key: string; meta: Data },
  now: string,
): CallbackResult<"declined" | "confirmed"> | undefined {
  if (token.meta.purpose !== "co-applicant") return undefined;
  const project = projectRecord(data);
  const email = String(token.meta.email);
  if (payload.event !== "confirm" && payload.event !== "not-me") return undefined;
  const mark = (c: CoApplicantRecord) =>
    c.email !== email
      ? c
      : payload.event === "confirm"
        ? { ...c, confirmedAt: now }
        : { ...c, declinedAt: now };
  const next = { ...project, coApplicants: project.coApplicants.map(mark) };
  const detail = { memberNumber: String(token.meta.memberNumber) };
  if (payload.event === "not-me")
    return {
      data: { project: next, status: "co-applicant-declined" },
      events: [{ type: "CoApplicantDeclined", detail }],
      outcome: "declined",
    };
  const all = next.coApplicants.every((c) => c.confirmedAt);
  return {
    data: { project: next },
    events: [{ type: "CoApplicantConfirmed", detail }],
    ...(all ? { outcome: "confirmed" as const } : {}),
  };
}

/** The applicants' report on the current milestone (first, or answering a question). */
export function trancheReport(
  data: Data,
  payload: RequestEvent<"tranche-report">,
  now: string,
): CallbackResult<"reported"> {
  const project = projectRecord(data);
  const tranche = currentTranche(project);
  const report = { text: payload.text, documents: payload.documents, at: now };
  return {
    data: {
      status: "report-checking",
      project: withTranche(project, { status: "reported", reports: [...tranche.reports, report] }),
    },
    events: [{ type: "TrancheReported", detail: { tranche: tranche.number } }],
    outcome: "reported",
  };
}

/**
 * The project closes now: every tranche without a payout released, and what they reserved back
 * to `fund`, in the same write as the closing, so the money returns exactly once.
 */
export function closing(
  data: Data,
  fund: string,
  now: string,
  closedEarly?: ProjectRecord["closedEarly"],
) {
  const project = projectRecord(data);
  const cents = unusedCents(project);
  const closed = closedProject(project, now);
  return {
    data: { status: "closed", project: closedEarly ? { ...closed, closedEarly } : closed },
    writes: cents > 0 ? [FundMovements.release(fund, cents, now)] : [],
    events: [
      { type: "ProjectClosed", detail: { releasedCents: cents, early: closedEarly !== undefined } },
    ],
  };
}

/**
 * The applicants close the project early (their status page): closed in this very transition,
 * so the answer they get means the unused tranches are back in the fund.
 */
export const closeProject = (
  data: Data,
  payload: RequestEvent<"close-project">,
  fund: string,
  now: string,
): CallbackResult<"closed"> => ({
  ...closing(data, fund, now, {
    ...(typeof payload.reason === "string" ? { reason: payload.reason } : {}),
  }),
  outcome: "closed",
});

/** One committee member's check of a report: pay the tranche, ask for more, or refuse. */
export function trancheCheck(
  data: Data,
  payload: DecisionPayload,
  checker: string,
  now: string,
): CallbackResult<"approved" | "needs-info" | "rejected"> {
  if (payload.amountCents !== undefined)
    throw new EntraideError(
      "decision.amount",
      "a tranche is paid as planned: its amount cannot change at the check",
      { status: 400 },
    );
  const project = projectRecord(data);
  const tranche = currentTranche(project);
  const check = { by: checker, decision: payload.decision, comment: payload.comment, at: now };
  const checks = [...tranche.checks, check];
  const event = { type: `TrancheCheck.${payload.decision}`, detail: { tranche: tranche.number } };
  if (payload.decision === "approve")
    return {
      data: { project: withTranche(project, { checks, status: "reported" }) },
      events: [event],
      outcome: "approved",
    };
  if (payload.decision === "request-info")
    return {
      data: {
        status: "report-needs-info",
        project: withTranche(project, { checks, status: "needs-info" }),
      },
      events: [event],
      outcome: "needs-info",
    };
  return {
    data: { project: withTranche(project, { checks, status: "rejected" }) },
    events: [event],
    outcome: "rejected",
  };
}

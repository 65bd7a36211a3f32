import type { Data } from "../engine/definition";
import { isProject, projectRecord } from "./project";

/** Where a project takes its applicants' report (`POST /api/requests/{id}/report`). */
export const REPORTING = new Set(["awaiting-report", "report-needs-info"]);

/**
 * The project as its applicants follow it: who confirmed, each tranche with its state, and
 * what the checker asked about the last report. No checker names, no co-applicant addresses.
 */
export function projectView(data: Data) {
  if (!isProject(data)) return undefined;
  const project = projectRecord(data);
  const current = project.tranches[project.current - 1];
  const asked = current?.checks.at(-1);
  return {
    current: project.current,
    confirmBy: project.confirmBy,
    coApplicants: project.coApplicants.map((c) => ({
      memberNumber: c.memberNumber,
      answer: c.confirmedAt ? "confirmed" : c.declinedAt ? "declined" : "waiting",
    })),
    tranches: project.tranches.map((t) => ({
      number: t.number,
      milestone: t.milestone,
      dueDate: t.dueDate,
      amountCents: t.amountCents,
      status: t.status,
      paidAt: t.paidAt,
    })),
    /** The checker's question on the report just sent, to answer with a new report. */
    question: asked?.decision === "request-info" ? asked.comment : undefined,
  };
}

/** The last report on the tranche being worked on, for the committee member who checks it. */
export function reportUnderCheck(data: Data) {
  if (!isProject(data)) return undefined;
  const project = projectRecord(data);
  const tranche = project.tranches[project.current - 1];
  const report = tranche?.reports.at(-1);
  return tranche && report
    ? {
        number: tranche.number,
        milestone: tranche.milestone,
        amountCents: tranche.amountCents,
        ...report,
      }
    : undefined;
}

/** Every document the project's reports brought, which its checkers may open. */
export const reportDocumentIds = (data: Data): string[] =>
  isProject(data)
    ? projectRecord(data).tranches.flatMap((t) => t.reports.flatMap((r) => r.documents))
    : [];

/** For a project, the amount of its last payout: the tranche it pays, not the whole grant. */
export function trancheOfPayout(data: Data, payoutId: string): number | undefined {
  if (!isProject(data)) return undefined;
  return projectRecord(data).tranches.find((t) => t.payoutId === payoutId)?.amountCents;
}

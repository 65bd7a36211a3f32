import { addSeconds, seconds } from "../clock";
import type { CallbackOutcome, CallbackTimer, Data } from "../engine/definition";
import { EntraideError } from "../errors";
import { FundMovements } from "../funds/movements";
import type { PlanConfig } from "../plan/config";
import type { DecisionPayload } from "./decisions";
import { asRequest, type RequestData } from "./record";
import type { InitiativeSupportRequest } from "./schemas";

/**
 * What happens to an `initiative-support` request after it is asked for: its co-applicants
 * confirm, then, once approved, its tranches are paid one after the other, each later one
 * against a report on its milestone that one committee member checks.
 */
export type TrancheStatus =
  /** Not reached yet: reserved in the fund, waiting for its report. */
  | "pending"
  | "reported"
  | "needs-info"
  /** Its payout exists (scheduled, in a batch…): the payout record says where it is. */
  | "granted"
  | "paid"
  /** The check refused the report: the project closes, the rest goes back to the fund. */
  | "rejected"
  /** Never paid: its reservation went back to the fund when the project closed. */
  | "released";

export interface TrancheRecord {
  number: number;
  milestone: string;
  dueDate: string;
  amountCents: number;
  status: TrancheStatus;
  payoutId?: string;
  paidAt?: string;
  /** The applicants' reports on the milestone, and each check of one of them, in order. */
  reports: { text: string; documents: string[]; at: string }[];
  checks: { by: string; decision: DecisionPayload["decision"]; comment?: string; at: string }[];
}

export interface CoApplicantRecord {
  memberNumber: string;
  email: string;
  confirmedAt?: string;
  declinedAt?: string;
}

export interface ProjectRecord {
  coApplicants: CoApplicantRecord[];
  /** Until when the co-applicants may confirm. */
  confirmBy?: string;
  tranches: TrancheRecord[];
  /** The tranche being reported on, checked or paid (1-based). */
  current: number;
  closedAt?: string;
  /** Why the applicants closed it early, in their words, when they did. */
  closedEarly?: { reason?: string };
  releasedCents?: number;
}

const projectOf = (data: Data) =>
  (asRequest(data) as RequestData & { project?: ProjectRecord }).project;

export const isProject = (data: Data) => asRequest(data).request.type === "initiative-support";

/**
 * The co-applicants' one reminder, before their deadline (which runs from the invitation, the
 * moment the confirming state is entered).
 */
export function coApplicantReminder(plan: PlanConfig): CallbackTimer[] {
  const t = plan.types["initiative-support"];
  return [
    {
      name: "reminder",
      afterSeconds: t.coApplicantConfirmSeconds - t.coApplicantReminderBeforeSeconds,
      step: "remind-co-applicants",
    },
  ];
}

/** The project as first recorded from the request: every tranche pending, nobody confirmed. */
export function newProject(request: InitiativeSupportRequest): ProjectRecord {
  return {
    coApplicants: (request.coApplicants ?? []).map((c) => ({ ...c })),
    tranches: request.tranches.map((t, i) => ({
      number: i + 1,
      ...t,
      status: "pending",
      reports: [],
      checks: [],
    })),
    current: 1,
  };
}

/** The project's record (created from the request the first time it is read). */
export function projectRecord(data: Data): ProjectRecord {
  return projectOf(data) ?? newProject(asRequest(data).request as InitiativeSupportRequest);
}

/** Co-applicants who have not answered yet. */
export const awaitingConfirmation = (data: Data) =>
  isProject(data) && projectRecord(data).coApplicants.some((c) => !c.confirmedAt);

/** The tranche being worked on. */
export const currentTranche = (project: ProjectRecord) => project.tranches[project.current - 1]!;

/** A tranche still to come after the one just paid. */
export const hasNextTranche = (data: Data) => {
  if (!isProject(data)) return false;
  const project = projectRecord(data);
  return project.current < project.tranches.length && currentTranche(project).status === "paid";
};

/**
 * When what is still unpaid goes back to the fund: the day after the last milestone's due
 * date (UTC), whatever the project is waiting for from its applicants then.
 */
export function projectDeadline(data: Data): string {
  const last = projectRecord(data).tranches.at(-1)!.dueDate;
  return addSeconds(`${last}T00:00:00.000Z`, seconds.days(1));
}

const withTranche = (project: ProjectRecord, change: Partial<TrancheRecord>): ProjectRecord => ({
  ...project,
  tranches: project.tranches.map((t) => (t.number === project.current ? { ...t, ...change } : t)),
});

/** What is reserved in the fund for tranches that have no payout yet: released on closing. */
export const unusedCents = (project: ProjectRecord) =>
  project.tranches
    .filter((t) => t.status !== "granted" && t.status !== "paid" && t.status !== "released")
    .reduce((sum, t) => sum + t.amountCents, 0);

/** The amount of the payout a request is waiting for: the current tranche's, for a project. */
export function payoutCentsOf(data: RequestData): number {
  if (data.request.type !== "initiative-support")
    return data.approvedAmountCents ?? data.amountCents;
  return currentTranche(projectRecord(data)).amountCents;
}

/** A co-applicant's answer from the link sent to their registered address. */
export function coApplicantAnswer(
  data: Data,
  payload: Data,
  token: { key: string; meta: Data },
  now: string,
): CallbackOutcome | undefined {
  if (token.meta.purpose !== "co-applicant") return undefined;
  const project = projectRecord(data);
  const email = String(token.meta.email);
  const mark = (c: CoApplicantRecord) =>
    c.email !== email
      ? c
      : payload.event === "confirm"
        ? { ...c, confirmedAt: now }
        : { ...c, declinedAt: now };
  if (payload.event !== "confirm" && payload.event !== "not-me") return undefined;
  const next = { ...project, coApplicants: project.coApplicants.map(mark) };
  const detail = { memberNumber: String(token.meta.memberNumber) };
  if (payload.event === "not-me")
    return {
      data: { project: next, status: "co-applicant-declined" },
      events: [{ type: "CoApplicantDeclined", detail }],
      next: "co-applicant-declined",
    };
  const all = next.coApplicants.every((c) => c.confirmedAt);
  return {
    data: { project: next },
    events: [{ type: "CoApplicantConfirmed", detail }],
    ...(all ? { next: "routing" } : {}),
  };
}

/** The applicants' report on the current milestone (first, or answering a question). */
export function trancheReport(data: Data, payload: Data, now: string): CallbackOutcome | undefined {
  if (payload.event !== "tranche-report") return undefined;
  const project = projectRecord(data);
  const tranche = currentTranche(project);
  const report = {
    text: String(payload.text),
    documents: (payload.documents as string[] | undefined) ?? [],
    at: now,
  };
  return {
    data: {
      status: "report-checking",
      project: withTranche(project, { status: "reported", reports: [...tranche.reports, report] }),
    },
    events: [{ type: "TrancheReported", detail: { tranche: tranche.number } }],
    next: "report-checking",
  };
}

/**
 * The project closes now: every tranche without a payout released, and what they reserved back
 * to `fund`, in the same write as the closing, so the money returns exactly once.
 */
export function closing(
  data: Data,
  table: string,
  fund: string,
  now: string,
  closedEarly?: ProjectRecord["closedEarly"],
) {
  const project = projectRecord(data);
  const cents = unusedCents(project);
  const closed = closedProject(project, now);
  return {
    data: { status: "closed", project: closedEarly ? { ...closed, closedEarly } : closed },
    writes: cents > 0 ? [FundMovements.release(table, fund, cents, now)] : [],
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
  payload: Data,
  table: string,
  fund: string,
  now: string,
): CallbackOutcome | undefined =>
  payload.event === "close-project"
    ? {
        ...closing(data, table, fund, now, {
          ...(typeof payload.reason === "string" ? { reason: payload.reason } : {}),
        }),
        next: "done",
      }
    : undefined;

/** One committee member's check of a report: pay the tranche, ask for more, or refuse. */
export function trancheCheck(
  data: Data,
  payload: DecisionPayload,
  checker: string,
  now: string,
): CallbackOutcome | undefined {
  if (payload.event !== "decision") return undefined;
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
      next: "tranche-granting",
    };
  if (payload.decision === "request-info")
    return {
      data: {
        status: "report-needs-info",
        project: withTranche(project, { checks, status: "needs-info" }),
      },
      events: [event],
      next: "report-needs-info",
    };
  return {
    data: { project: withTranche(project, { checks, status: "rejected" }) },
    events: [event],
    next: "closing-project",
  };
}

/** The project's tranche `number` with its payout created. */
export const grantedTranche = (project: ProjectRecord, payoutId: string) =>
  withTranche(project, { status: "granted", payoutId });

/** The current tranche paid. */
export const paidTranche = (project: ProjectRecord, paidAt: string) =>
  withTranche(project, { status: "paid", paidAt });

/** The next tranche becomes the current one. */
export const nextTranche = (project: ProjectRecord): ProjectRecord => ({
  ...project,
  current: project.current + 1,
});

/** Closed: every tranche without a payout is released. */
export const closedProject = (project: ProjectRecord, now: string): ProjectRecord => ({
  ...project,
  tranches: project.tranches.map((t) =>
    t.status === "granted" || t.status === "paid" ? t : { ...t, status: "released" },
  ),
  closedAt: now,
  releasedCents: unusedCents(project),
});

/** The payout's id and bank reference of tranche `number` of `of` of request `id` (EndToEndId ≤ 35). */
export function tranchePayoutIds(id: string, number: number, of: number) {
  return {
    payoutId: `${id}-t${number}`,
    reference: `ENT${id.replace(/-/g, "").slice(0, 24).toUpperCase()}T${number}`,
    tranche: { number, of },
  };
}

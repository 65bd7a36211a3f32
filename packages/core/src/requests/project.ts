import { addSeconds, seconds } from "../clock";
import type { CallbackTimer, Data } from "../engine/definition";
import type { PlanConfig } from "../plan/config";
import type { InitiativeSupportRequest } from "../request-view/schemas";
import type { DecisionPayload } from "./decisions";
import { asRequest, type RequestData } from "./record";

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

export const withTranche = (
  project: ProjectRecord,
  change: Partial<TrancheRecord>,
): ProjectRecord => ({
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

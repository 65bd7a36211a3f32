import * as z from "zod";

/**
 * The plan's funds, committees and approval policies: data, so a new fund, committee or way of
 * deciding is a change of the plan (and `funds set` / `committees set`), not of the code.
 */
const name = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "lowercase letters, digits and dashes, starting with a letter");

/** What people read for a fund or a committee, in each language the system speaks. */
export const Labels = z.strictObject({
  fr: z.string().min(1),
  nl: z.string().min(1),
  en: z.string().min(1),
});

export const PlanFund = z.strictObject({ name, labels: Labels });
export type PlanFund = z.infer<typeof PlanFund>;

export const PlanCommittee = z.strictObject({
  name,
  labels: Labels,
  /** `committees set` refuses fewer members than this. */
  minMembers: z.number().int().positive(),
  /** `approvers` decide or vote on requests; `moderators` decide on reported board posts. */
  role: z.enum(["approvers", "moderators"]),
});
export type PlanCommittee = z.infer<typeof PlanCommittee>;

/** `"simple"`: more for than against; `"2/3"`: at least that share of the votes for or against. */
export const Majority = z.union([
  z.literal("simple"),
  z
    .string()
    .regex(/^[1-9]\d*\/[1-9]\d*$/, 'a fraction such as "2/3"')
    .refine((f) => {
      const [n, d] = f.split("/").map(Number) as [number, number];
      return 2 * n > d && n <= d;
    }, "a fraction above one half and at most 1"),
]);
export type Majority = z.infer<typeof Majority>;

const duration = z.number().int().positive();

export const CommitteeVotePolicy = z
  .strictObject({
    kind: z.literal("committee-vote"),
    /** An approving committee of the plan; its first member chairs it. */
    committee: name,
    /** Votes cast (approve, reject or abstain) before the request can be decided. */
    quorum: z.number().int().positive(),
    majority: Majority,
    /** After this without a decision, the chair decides alone. */
    votingSeconds: duration,
    reminderEverySeconds: duration,
  })
  .refine((p) => p.reminderEverySeconds < p.votingSeconds, {
    message: "the reminders must come before the voting deadline",
    path: ["reminderEverySeconds"],
  });
export type CommitteeVotePolicy = z.infer<typeof CommitteeVotePolicy>;

export const ApprovalPolicy = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("single") }),
  /** Two distinct approvers when the amount is strictly above `aboveCents`. */
  z.strictObject({ kind: z.literal("four-eyes"), aboveCents: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal("always-two") }),
  CommitteeVotePolicy,
]);
export type ApprovalPolicy = z.infer<typeof ApprovalPolicy>;

/** Distinct approvals an approver-decided request of `amountCents` needs under `policy`. */
export function requiredApprovalsOf(policy: ApprovalPolicy, amountCents: number): 1 | 2 {
  if (policy.kind === "always-two") return 2;
  if (policy.kind === "four-eyes") return amountCents > policy.aboveCents ? 2 : 1;
  return 1;
}

export const ACTIVITY_ADMINISTRATORS = "activity-administrators";

/**
 * The committee an approver group names (`solidarity-committee` → `solidarity`), `null` for
 * the activity's administrators, undefined when the plan has no such approving committee.
 */
export function committeeOfGroup(
  group: string,
  committees: readonly PlanCommittee[],
): string | null | undefined {
  if (group === ACTIVITY_ADMINISTRATORS) return null;
  const committee = group.endsWith("-committee") ? group.slice(0, -"-committee".length) : "";
  return committees.some((c) => c.name === committee && c.role === "approvers")
    ? committee
    : undefined;
}

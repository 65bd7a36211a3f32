import * as z from "zod";
import { isSepaCountry } from "../bank/iban";
import { seconds } from "../clock";
import { languages } from "../i18n/language";
import { ApprovalPolicy, committeeOfGroup, PlanCommittee, PlanFund } from "./approvals";
import { documentContentTypes } from "./vocabulary";

/**
 * The plan: every business default of PRODUCT.md §2–§6 in one validated object, so the next
 * crisis or fund changes data, not code. Amounts are integer cents; durations are whole
 * SECONDS everywhere (suffix `Seconds`), the unit `addSeconds` and the engine's timers use;
 * calendar dates are `YYYY-MM-DD`.
 */
const isoDate = z.iso.date();
const positiveCents = z.number().int().positive();
const duration = z.number().int().positive();
const range = (schema: z.ZodNumber) =>
  z
    .strictObject({ min: schema, max: schema })
    .refine((r) => r.min <= r.max, "min must not exceed max");

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
};

/** S3 refuses presigned URLs valid for longer than seven days. */
const S3_PRESIGN_MAX_SECONDS = seconds.days(7);
const presignedLink = duration.max(S3_PRESIGN_MAX_SECONDS, "S3 links last at most 7 days");

/** An approver group: `activity-administrators`, or a plan committee as `<name>-committee`. */
const approverGroup = z.string().min(1);

const typeCommon = {
  /** A fund of the plan's `funds`. */
  fund: z.string().min(1),
  approvers: approverGroup,
  /** How many say yes, and who: one approver, four eyes above a threshold, two, or a vote. */
  approval: ApprovalPolicy,
  /** Upper end of the usual amounts of the type: above it, approvers see a warning. */
  usualMaxCents: positiveCents,
};

/** Types open to members who invoice through the cooperative without an Activity (§2). */
const withoutActivity = {
  /** Who decides for such a member: no Activity, so no activity administrators. */
  approversWithoutActivity: approverGroup,
};

/** A country members of the plan live in: ISO 3166 alpha-2, payable by SEPA transfer. */
const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, "an ISO 3166 country code such as BE")
  .refine(isSepaCountry, "a country of the SEPA area (payouts are SEPA transfers)");

export const PlanConfigSchema = z
  .strictObject({
    crisisStart: isoDate,
    /**
     * The countries whose members the plan serves, each with the languages its members may
     * read (among those the system speaks): the members register accepts these countries only.
     */
    countries: z
      .array(
        z.strictObject({
          code: countryCode,
          languages: z.array(z.enum(languages)).min(1),
        }),
      )
      .min(1)
      .refine((list) => new Set(list.map((c) => c.code)).size === list.length, {
        message: "each country is listed once",
      }),
    planWindow: z.strictObject({ from: isoDate, to: isoDate }),
    /** The funds requests are paid from; operations set each one's envelope (`funds set`). */
    funds: z
      .array(PlanFund)
      .min(1)
      .refine((list) => new Set(list.map((f) => f.name)).size === list.length, {
        message: "each fund is listed once",
      }),
    /** The committees `committees set` fills: who approves, votes or moderates. */
    committees: z
      .array(PlanCommittee)
      .min(1)
      .refine((list) => new Set(list.map((c) => c.name)).size === list.length, {
        message: "each committee is listed once",
      }),
    types: z.strictObject({
      "cancelled-contract": z.strictObject({
        ...typeCommon,
        /** Gross per work day above which approvers see a warning (not a block). */
        dailyWarnAboveCents: positiveCents,
        /** How hours and cachets weigh in the daily cap: hours per day, days per cachet. */
        workDay: z.strictObject({
          hoursPerDay: z.number().positive().max(24),
          daysPerCachet: z.number().positive().max(1),
        }),
        ...withoutActivity,
      }),
      "incurred-expenses": z.strictObject({
        ...typeCommon,
        ...withoutActivity,
        totalCapCents: positiveCents,
      }),
      "emergency-aid": z.strictObject({
        ...typeCommon,
        capCents: positiveCents,
        /** At most one granted aid per member within this period. */
        periodSeconds: duration,
      }),
      "relaunch-loan": z.strictObject({
        ...typeCommon,
        amountCents: range(positiveCents),
        termMonths: range(z.number().int().positive()),
        graceMonths: range(z.number().int().nonnegative()),
      }),
      "initiative-support": z
        .strictObject({
          ...typeCommon,
          /** What one project may ask for, in total over its tranches. */
          amountCents: range(positiveCents),
          durationMonths: range(z.number().int().positive()),
          /** How many tranches a project is paid in (each against a milestone). */
          tranches: range(z.number().int().positive()),
          /** Co-applicants confirm from their own address within this, or the request stops. */
          coApplicantConfirmSeconds: duration,
          /** Those who have not answered are reminded once, this long before that deadline. */
          coApplicantReminderBeforeSeconds: duration,
          /** At most this many co-applicants besides the lead applicant. */
          maxCoApplicants: z.number().int().nonnegative(),
        })
        .refine((t) => t.coApplicantReminderBeforeSeconds < t.coApplicantConfirmSeconds, {
          message: "the co-applicants' reminder must come before their deadline",
          path: ["coApplicantReminderBeforeSeconds"],
        }),
    }),
    needsInfo: z
      .strictObject({ expiresAfterSeconds: duration, reminderAfterSeconds: duration })
      .refine((n) => n.reminderAfterSeconds < n.expiresAfterSeconds, {
        message: "the reminder must come before the expiry",
      }),
    approvals: z.strictObject({
      reminderEverySeconds: duration,
      reminderCount: z.number().int().nonnegative(),
      escalateAfterSeconds: duration,
      /** How long a decision link (page or reply address) decides, from the email that carried it. */
      tokenValiditySeconds: duration,
    }),
    documents: z.strictObject({
      maxBytes: z.number().int().positive(),
      allowedContentTypes: z.array(z.enum(documentContentTypes)).min(1),
      maxPerRequest: z.number().int().positive(),
      /** How long a browser has to upload a file to its presigned form. */
      uploadWindowSeconds: presignedLink,
      /** How long a document link sent to an approver (email or decision page) opens it. */
      linkValiditySeconds: presignedLink,
    }),
    payouts: z.strictObject({
      /** When batches are created automatically (§5), in the given time zone. */
      batchSchedule: z.strictObject({
        timeZone: z.string().refine(isTimeZone, "an IANA time zone such as Europe/Brussels"),
        slots: z
          .array(
            z.strictObject({
              weekday: z.enum([
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
              ]),
              time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM"),
            }),
          )
          .min(1),
      }),
      /** A transfer the bank returned: the member is reminded, then the money goes back to the fund. */
      returned: z
        .strictObject({ reminderAfterSeconds: duration, abandonAfterSeconds: duration })
        .refine((r) => r.reminderAfterSeconds < r.abandonAfterSeconds, {
          message: "the reminder must come before the money goes back to the fund",
        }),
    }),
    /**
     * A request whose email or IBAN differs from the members register is told to the registered
     * address, and is not paid before this delay has passed (or the member confirmed).
     */
    identity: z.strictObject({ holdSeconds: duration }),
    loans: z.strictObject({
      reminderBeforeDueSeconds: duration,
      overdueAfterSeconds: duration,
    }),
    recovery: z.strictObject({ reminderAfterSeconds: duration }),
    reports: z.strictObject({
      /** Groups of fewer requests than this are merged in the assembly report (privacy). */
      minGroupSize: z.number().int().min(2),
    }),
    /** §10: personal data is erased this long after a member's last request ended … */
    erasure: z.strictObject({
      retentionSeconds: duration,
      /** … except what accounting law needs of a payout, kept this long after its payment. */
      accountingRetentionSeconds: duration,
    }),
    downloads: z.strictObject({
      linkValiditySeconds: presignedLink,
    }),
    /** The mutual-aid board between members (offers and needs). */
    board: z
      .strictObject({
        /** Words a post or an answer may not contain (compared without case or accents). */
        bannedWords: z.array(z.string().min(2)),
        /** A published post expires after this, unless renewed. */
        expiresAfterSeconds: duration,
        /** The author is reminded this long before expiry, with a renew link. */
        reminderBeforeExpirySeconds: duration,
        /** A post not confirmed from the register's address within this is dropped. */
        confirmWithinSeconds: duration,
        /** Closed, expired or hidden posts and relayed messages are erased after this. */
        eraseAfterSeconds: duration,
        limits: z.strictObject({
          postsPerMemberPerDay: z.number().int().positive(),
          answersPerSenderPerHour: z.number().int().positive(),
          answersPerPostPerDay: z.number().int().positive(),
        }),
      })
      .refine((b) => b.reminderBeforeExpirySeconds < b.expiresAfterSeconds, {
        message: "the reminder must come before the expiry",
      }),
  })
  .refine((p) => p.planWindow.from <= p.planWindow.to, {
    message: "the plan window must start before it ends",
    path: ["planWindow"],
  })
  .refine((p) => p.crisisStart <= p.planWindow.to, {
    message: "the crisis must start before the plan window ends",
    path: ["crisisStart"],
  })
  .superRefine((p, ctx) => {
    // Every name a type gives must be the plan's own: a typo fails the start, not a request.
    const funds = new Set(p.funds.map((f) => f.name));
    const committees = p.committees;
    for (const [type, settings] of Object.entries(p.types)) {
      if (!funds.has(settings.fund))
        ctx.addIssue({
          code: "custom",
          path: ["types", type, "fund"],
          message: `must be a fund of the plan: ${[...funds].join(", ")}`,
        });
      const groups: [string, string][] = [["approvers", settings.approvers]];
      if ("approversWithoutActivity" in settings)
        groups.push(["approversWithoutActivity", settings.approversWithoutActivity]);
      for (const [field, group] of groups) {
        if (committeeOfGroup(group, committees) === undefined)
          ctx.addIssue({
            code: "custom",
            path: ["types", type, field],
            message: `must be activity-administrators or an approving committee of the plan as <name>-committee`,
          });
      }
      const policy = settings.approval;
      if (policy.kind !== "committee-vote") continue;
      const voters = committees.find((c) => c.name === policy.committee && c.role === "approvers");
      if (!voters)
        ctx.addIssue({
          code: "custom",
          path: ["types", type, "approval", "committee"],
          message: "must be an approving committee of the plan",
        });
      // The committee may be as small as its minMembers: a larger quorum could never be reached.
      else if (policy.quorum > voters.minMembers)
        ctx.addIssue({
          code: "custom",
          path: ["types", type, "approval", "quorum"],
          message: `must be at most the ${voters.name} committee's minMembers (${voters.minMembers}), or a committee of that size could never reach it`,
        });
    }
  });

export type PlanConfig = z.infer<typeof PlanConfigSchema>;
export type PlanConfigOverrides = DeepPartial<PlanConfig>;
type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

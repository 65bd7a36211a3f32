/** The plan's limits and the schemas' closed lists, written into the bundles at build time from `plan/config.ts`. */
declare const __PLAN_LIMITS__: {
  documents: { maxBytes: number; allowedContentTypes: string[]; maxPerRequest: number };
  loan: {
    amountCents: { min: number; max: number };
    termMonths: { min: number; max: number };
    graceMonths: { min: number; max: number };
  };
  initiative: {
    amountCents: { min: number; max: number };
    durationMonths: { min: number; max: number };
    tranches: { min: number; max: number };
    maxCoApplicants: number;
  };
  options: { basis: string[]; category: string[]; purpose: string[] };
  /** `MEMBER_NUMBER.source` of `requests/fields.ts`. */
  memberNumber: string;
  rules: {
    crisisStart: string;
    planWindow: { from: string; to: string };
    aidCapCents: number;
    aidPeriodDays: number;
    expensesCapCents: number;
    /** The cancelled-contract daily cap and how hours and cachets weigh in it. */
    dailyCapCents: number;
    workDay: { hoursPerDay: number; daysPerCachet: number };
  };
};

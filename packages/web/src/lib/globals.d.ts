/** The plan's limits and the schemas' closed lists, written into the bundles at build time from `plan/config.ts`; the windows, caps and rules come from `GET /api/plan` (`plan-rules.ts`). */
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
  /** `MEMBER_NUMBER.source` of `request-view/fields.ts`. */
  memberNumber: string;
};

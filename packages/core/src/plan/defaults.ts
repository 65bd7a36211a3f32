import { seconds } from "../clock";
import type { PlanConfig } from "./schema";

/** The plan's business defaults (PRODUCT.md §2–§6); a deployment overrides them with `ENTRAIDE_PLAN`. */
export const planDefaults: PlanConfig = {
  crisisStart: "2020-03-01",
  countries: [
    { code: "BE", languages: ["fr", "nl", "en"] },
    { code: "FR", languages: ["fr", "en"] },
  ],
  planWindow: { from: "2020-03-01", to: "2021-12-31" },
  funds: [
    {
      name: "solidarity",
      labels: { fr: "Fonds de solidarité", nl: "Solidariteitsfonds", en: "Solidarity fund" },
    },
    {
      name: "relaunch",
      labels: { fr: "Fonds de relance", nl: "Relancefonds", en: "Relaunch fund" },
    },
    {
      name: "initiatives",
      labels: {
        fr: "Fonds d'appui aux initiatives",
        nl: "Fonds voor gemeenschapsinitiatieven",
        en: "Community initiatives fund",
      },
    },
  ],
  committees: [
    {
      name: "solidarity",
      labels: { fr: "Comité de solidarité", nl: "Solidariteitscomité", en: "Solidarity committee" },
      minMembers: 1,
      role: "approvers",
    },
    {
      // Loans always need two distinct approvers (spec §2), so the credit committee needs two.
      name: "credit",
      labels: { fr: "Comité de crédit", nl: "Kredietcomité", en: "Credit committee" },
      minMembers: 2,
      role: "approvers",
    },
    {
      name: "moderators",
      labels: {
        fr: "Modération du tableau",
        nl: "Moderatie van het prikbord",
        en: "Board moderators",
      },
      minMembers: 1,
      role: "moderators",
    },
    {
      name: "initiatives",
      labels: {
        fr: "Comité des initiatives",
        nl: "Initiatievencomité",
        en: "Initiatives committee",
      },
      // A project is decided by a vote with a quorum of three: fewer members could never reach it.
      minMembers: 3,
      role: "approvers",
    },
  ],
  types: {
    "cancelled-contract": {
      fund: "solidarity",
      approvers: "activity-administrators",
      approval: { kind: "four-eyes", aboveCents: 500_000 },
      usualMaxCents: 300_000,
      dailyWarnAboveCents: 60_000,
      workDay: { hoursPerDay: 8, daysPerCachet: 1 },
      approversWithoutActivity: "solidarity-committee",
    },
    "incurred-expenses": {
      fund: "solidarity",
      approvers: "activity-administrators",
      approval: { kind: "four-eyes", aboveCents: 250_000 },
      usualMaxCents: 200_000,
      approversWithoutActivity: "solidarity-committee",
      totalCapCents: 1_000_000,
    },
    "emergency-aid": {
      fund: "solidarity",
      approvers: "solidarity-committee",
      approval: { kind: "four-eyes", aboveCents: 100_000 },
      usualMaxCents: 80_000,
      capCents: 150_000,
      periodSeconds: seconds.days(90),
    },
    "relaunch-loan": {
      fund: "relaunch",
      approvers: "credit-committee",
      approval: { kind: "always-two" },
      usualMaxCents: 1_000_000,
      amountCents: { min: 50_000, max: 2_500_000 },
      termMonths: { min: 6, max: 36 },
      graceMonths: { min: 0, max: 6 },
    },
    "initiative-support": {
      fund: "initiatives",
      approvers: "initiatives-committee",
      // Press release §4: such a fund is decided by a committee vote, not by one administrator.
      approval: {
        kind: "committee-vote",
        committee: "initiatives",
        quorum: 3,
        majority: "simple",
        votingSeconds: seconds.days(10),
        reminderEverySeconds: seconds.days(3),
      },
      usualMaxCents: 2_500_000,
      amountCents: { min: 100_000, max: 5_000_000 },
      durationMonths: { min: 1, max: 24 },
      tranches: { min: 1, max: 4 },
      coApplicantConfirmSeconds: seconds.days(7),
      coApplicantReminderBeforeSeconds: seconds.days(2),
      maxCoApplicants: 5,
    },
  },
  needsInfo: { expiresAfterSeconds: seconds.days(14), reminderAfterSeconds: seconds.days(7) },
  approvals: {
    reminderEverySeconds: seconds.days(2),
    reminderCount: 3,
    escalateAfterSeconds: seconds.days(7),
    tokenValiditySeconds: seconds.days(30),
  },
  documents: {
    maxBytes: 10 * 1024 * 1024,
    allowedContentTypes: ["application/pdf", "image/jpeg", "image/png"],
    maxPerRequest: 20,
    uploadWindowSeconds: 15 * 60,
    linkValiditySeconds: 10 * 60,
  },
  payouts: {
    batchSchedule: {
      timeZone: "Europe/Brussels",
      slots: [
        { weekday: "monday", time: "06:00" },
        { weekday: "thursday", time: "06:00" },
      ],
    },
    returned: { reminderAfterSeconds: seconds.days(14), abandonAfterSeconds: seconds.days(30) },
  },
  identity: { holdSeconds: seconds.days(2) },
  loans: { reminderBeforeDueSeconds: seconds.days(7), overdueAfterSeconds: seconds.days(7) },
  recovery: { reminderAfterSeconds: seconds.days(30) },
  reports: { minGroupSize: 5 },
  erasure: {
    retentionSeconds: seconds.days(3 * 365),
    accountingRetentionSeconds: seconds.days(7 * 365 + 2),
  },
  downloads: { linkValiditySeconds: seconds.days(7) },
  board: {
    bannedWords: ["arnaque", "escroquerie", "oplichting", "scam", "viagra", "casino"],
    expiresAfterSeconds: seconds.days(30),
    reminderBeforeExpirySeconds: seconds.days(7),
    confirmWithinSeconds: seconds.days(2),
    eraseAfterSeconds: seconds.days(90),
    limits: { postsPerMemberPerDay: 5, answersPerSenderPerHour: 5, answersPerPostPerDay: 20 },
  },
};

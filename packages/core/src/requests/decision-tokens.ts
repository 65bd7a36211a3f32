// The keys live in notifications/decision-tokens (the emails and replies read them); this
// re-export keeps requests/steps.ts, being split in issue-18c, compiling until it imports them there.
export * from "../notifications/decision-tokens";

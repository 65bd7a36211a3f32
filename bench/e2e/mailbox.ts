import { createRequire } from "node:module";

/** An email as the SES emulator's /store lists it. */
export interface StoredEmail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  /** Seconds since the epoch (the emulator's resolution). */
  at: number;
}

const DECISION_LINK = /decision\.html#token=([A-Za-z0-9_-]{43})/;
const VOTE_LINK = /vote\.html#token=([A-Za-z0-9_-]{43})/;

const linkOf = (email: StoredEmail, link: RegExp) =>
  email.body.text?.match(link)?.[1] ?? email.body.html?.match(link)?.[1];

/**
 * The token of an approval email (`decision`) or of a committee member's vote email (`vote`),
 * read from its link as an approver's browser would.
 */
export function approvalTokenOf(
  email: StoredEmail,
): { kind: "decision" | "vote"; token: string } | undefined {
  const decision = linkOf(email, DECISION_LINK);
  if (decision) return { kind: "decision", token: decision };
  const vote = linkOf(email, VOTE_LINK);
  return vote ? { kind: "vote", token: vote } : undefined;
}

/** The SES emulator's in-memory store (aws-ses-v2-local, running in this process). */
interface SesStore {
  emails: StoredEmail[];
}
const require = createRequire(import.meta.url);

/**
 * Hands each email to `onEmail` as the SES emulator stores it, with that time: the moment SES
 * accepted it. The emulator runs in this process, so the bench hears its store directly; polling
 * its /store page instead (every 20 ms, as the bench did) added the poll's wait (10 ms on
 * average, 20 at worst) and the fetch to every latency measured, and spent the cores the system
 * under test runs on serialising and parsing the last seconds' emails 50 times a second.
 */
export function watchMailbox(onEmail: (email: StoredEmail, seenAt: number) => void) {
  const store = (
    require("aws-ses-v2-local/dist/store") as { getStoreReadonly(): SesStore }
  ).getStoreReadonly();
  const emails = store.emails;
  const push = emails.push;
  emails.push = function (this: StoredEmail[], ...added: StoredEmail[]) {
    const length = push.apply(this, added);
    const now = Date.now();
    for (const email of added) onEmail(email, now);
    return length;
  };
  return {
    async stop() {
      emails.push = push;
    },
  };
}

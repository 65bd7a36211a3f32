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

/**
 * Reads the SES emulator's store as it fills, handing each new email once to `onEmail`, with
 * the time it was first seen. Asks only for the last seconds (`since`), so each poll stays
 * small however many emails the run has sent.
 */
export function watchMailbox(
  sesUrl: string,
  onEmail: (email: StoredEmail, seenAt: number) => void,
  everyMs = 20,
) {
  const seen = new Set<string>();
  let since = Math.floor(Date.now() / 1000) - 1;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const response = await fetch(`${sesUrl}/store?since=${since}`);
      const { emails } = (await response.json()) as { emails: StoredEmail[] };
      const now = Date.now();
      for (const email of emails) {
        if (seen.has(email.messageId)) continue;
        seen.add(email.messageId);
        onEmail(email, now);
      }
      // An email stamped in the current second may still be followed by others of that second.
      since = Math.max(since, Math.floor(now / 1000) - 1);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

import { inject } from "vitest";

/** An email as the SES emulator stored it (aws-ses-v2-local's `GET /store`). */
export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/** Reads the local inbox over HTTP, like a person opening the emulator's page. */
export async function inbox(): Promise<StoredEmail[]> {
  const response = await fetch(`${inject("endpoints").ses}/store`);
  if (!response.ok) throw new Error(`the SES emulator answered ${response.status}`);
  return ((await response.json()) as { emails: StoredEmail[] }).emails;
}

/** The stored email SES accepted under `messageId`. */
export async function sentEmail(messageId: string): Promise<StoredEmail | undefined> {
  return (await inbox()).find((e) => e.messageId === messageId);
}

import { inbox, type StoredEmail } from "../notifications/inbox";
import { flowStack } from "../requests-flow/support";

export const camille = { memberNumber: "M0001", email: "camille.dubois@example.org" };
export const moderator = "moderation.lea@smart.example.org";

/** A post body with a title no other test uses, so emails of parallel files never mix. */
export function postBody(changes: Record<string, unknown> = {}) {
  return {
    kind: "offer",
    category: "lessons",
    region: "brussels",
    language: "fr",
    title: `Cours de guitare ${crypto.randomUUID().slice(0, 8)}`,
    text: "Je donne des cours de guitare en ligne aux enfants de membres, gratuitement.",
    ...camille,
    ...changes,
  };
}

/** The board's API on a test stack with the demo registers, and what a test needs around it. */
export async function boardStack() {
  const flow = await flowStack();
  const { api, harness } = flow;
  /** Emails whose subject or body names `marker` (a post's unique title). */
  const mails = async (marker: string): Promise<StoredEmail[]> =>
    (await inbox()).filter((m) => `${m.subject}\n${m.body.text ?? ""}`.includes(marker));
  const linkIn = async (marker: string, pattern: RegExp) => {
    const found = (await mails(marker))
      .map((m) => (m.body.text ?? "").match(pattern))
      .filter((m) => m !== null)
      .at(-1);
    if (!found) throw new Error(`no link ${pattern} in the emails about ${marker}`);
    return found;
  };
  /** Posts and confirms from the register's address: the post is on the board. */
  const publish = async (changes: Record<string, unknown> = {}) => {
    const body = postBody(changes);
    const posted = await api.call("POST", "/api/board/posts", { body });
    if (posted.status !== 202) throw new Error(`post refused: ${JSON.stringify(posted.body)}`);
    await harness.drain();
    const [, token] = await linkIn(
      body.title,
      /board\.html#view=confirm&token=([A-Za-z0-9_-]{43})/,
    );
    const confirmed = await api.call("POST", "/api/board/confirmations", { token });
    if (confirmed.status !== 200) throw new Error(`confirm: ${JSON.stringify(confirmed.body)}`);
    await harness.drain();
    const [, id, manage] = await linkIn(
      body.title,
      /board\.html#view=manage&id=([0-9a-f-]{36})&token=([A-Za-z0-9_-]{43})/,
    );
    return { body, id: id!, manageToken: manage!, title: body.title };
  };
  const listed = async (query = "") =>
    (await api.call("GET", `/api/board/posts${query}`)).body as {
      posts: { id: string; title: string; text: string; firstName: string }[];
      cursor?: string;
    };
  return { ...flow, mails, linkIn, publish, listed };
}

import { createHmac } from "node:crypto";
import type { ModerationDecision } from "../plan/board-options";

/**
 * The board page's private links. Tokens travel in the fragment only: browsers never send it to
 * a server, and a mail scanner that follows a link gets the static page, which does nothing until
 * a person presses its button (a POST).
 */
const page = (publicUrl: string, params: Record<string, string>) =>
  `${publicUrl.replace(/\/+$/, "")}/board.html#${new URLSearchParams(params).toString()}`;

export const confirmUrl = (publicUrl: string, token: string) =>
  page(publicUrl, { view: "confirm", token });

export const manageUrl = (publicUrl: string, postId: string, token: string, action?: "renew") =>
  page(publicUrl, { view: "manage", id: postId, token, ...(action ? { action } : {}) });

export const moderateUrl = (publicUrl: string, token: string, decision: ModerationDecision) =>
  page(publicUrl, { view: "moderate", token, decision });

/**
 * A post's management token, derived from its id under the deployment's secret (like the
 * request status token): the same on every email of the post, only its hash is stored.
 */
export function manageToken(secret: string, postId: string): string {
  return createHmac("sha256", secret).update(`board-manage\n${postId}`).digest("base64url");
}

/**
 * The keys of a moderator's tokens: one for the links of the email (the page), one for the
 * address their reply goes to. Either decides once: the first moves the post on, and the other
 * no longer matches the state it was issued for.
 */
const MODERATOR_KEY = { page: "moderator:", reply: "moderator-reply:" } as const;

export const moderatorTokenKey = (via: keyof typeof MODERATOR_KEY, email: string) =>
  `${MODERATOR_KEY[via]}${email}`;

export const isModeratorTokenKey = (key: string | undefined, via?: keyof typeof MODERATOR_KEY) =>
  (via ? [MODERATOR_KEY[via]] : Object.values(MODERATOR_KEY)).some((k) => key?.startsWith(k));

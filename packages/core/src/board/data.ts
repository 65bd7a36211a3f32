import type { Data } from "../engine/definition";
import type { Language } from "../requests/request-types";
import type { ModerationDecision, PostContent, reportReasons } from "./post";
import type { PostStatus } from "./records";

export type PostLifecycle =
  | "awaiting-confirmation"
  | "screening"
  | PostStatus
  | "in-moderation"
  | "dropped"
  | "erased";

/**
 * What a post's execution carries: the content, whose it is (a member number: the address is
 * read from the register when an email goes out, never copied), and where it stands.
 */
export interface PostData {
  postId: string;
  memberNumber: string | null;
  firstName: string | null;
  language: Language;
  content: PostContent | null;
  manageTokenHash: string;
  status: PostLifecycle;
  publishedAt?: string;
  /** When the author last edited it: the listing item then holds what it says (see `currentContent`). */
  editedAt?: string;
  expiresAt?: string;
  reports?: { reason: (typeof reportReasons)[number]; at: string }[];
  moderation?: { decision: ModerationDecision; by: string; at: string }[];
  endedAt?: string;
  erasedAt?: string;
}

export const asPost = (data: Data) => data as unknown as PostData;

/** A relayed answer's execution: only ids; the message itself is a separate, erasable item. */
export interface RelayData {
  postId: string;
  messageId: string;
}

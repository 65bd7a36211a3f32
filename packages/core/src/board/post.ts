import * as z from "zod";
import {
  moderationDecisions,
  POST_LIMITS,
  postCategories,
  postKinds,
  postRegions,
  reportReasons,
} from "../plan/board-options";
import { email, language, memberNumber, multilineText, text } from "../request-view/fields";

export * from "../plan/board-options";

/** What the board shows of a post, and all it stores publicly: no surname, no address. */
export const PostContent = z.strictObject({
  kind: z.enum(postKinds),
  category: z.enum(postCategories),
  region: z.enum(postRegions),
  language: language(),
  title: text(POST_LIMITS.title, 3),
  text: multilineText(POST_LIMITS.text, 10),
});
export type PostContent = z.infer<typeof PostContent>;

/** `POST /api/board/posts`: a member posts with their number and the register's address. */
export const PostSubmission = PostContent.extend({
  memberNumber: memberNumber(),
  email: email(),
});
export type PostSubmission = z.infer<typeof PostSubmission>;

/** `POST /api/board/posts/{id}/answers`: anyone answers; the message is relayed by email. */
export const Answer = z.strictObject({
  language: language(),
  name: text(POST_LIMITS.name),
  email: email(),
  message: multilineText(POST_LIMITS.message, 10),
});
export type Answer = z.infer<typeof Answer>;

export const Report = z.strictObject({ language: language(), reason: z.enum(reportReasons) });
/**
 * `PUT /api/board/posts/{id}/content`: the author edits their post; `language` is the post's,
 * and the language the errors are told in, as on posting. Offer or need stays what it was.
 */
export const PostEdit = PostContent.omit({ kind: true });
export type PostEdit = z.infer<typeof PostEdit>;

export const ManageAction = z.strictObject({ action: z.enum(["renew", "close"]) });
export const ModerationAnswer = z.strictObject({ decision: z.enum(moderationDecisions) });

import { addSeconds } from "../clock";
import { getCommittee } from "../committees/committee";
import { languageOf } from "../contacts/language";
import { deleteItem, getItem } from "../db/items";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import type { Data, Step, StepContext } from "../engine/definition";
import { getExecution } from "../engine/store";
import { EntraideError } from "../errors";
import { getMember } from "../members/register";
import { manageToken, moderatorTokenKey } from "../notifications/board-links";
import { replyAddress } from "../notifications/replies/reply-token";
import type { TemplateName, TemplateParams } from "../notifications/templates/index";
import type { PlanConfig } from "../plan/config";
import { notify } from "../requests/notify";
import { asPost, type PostData, type RelayData } from "./data";
import {
  currentContent,
  erasePost,
  type PostStatus,
  publishWrite,
  renewWrite,
  unpublishWrite,
} from "./records";
import { maskPost, screenProblems } from "./screen";
import { expiryFrom, POST_REFUSED } from "./workflow";

/** The steps of the board's workflows, built with their dependencies. */
export function createBoardSteps(deps: Deps, plan: PlanConfig): Record<string, Step> {
  const board = plan.board;
  const publicUrl = deps.config.publicUrl;
  const now = (ctx: StepContext) => ctx.now.toISOString();

  /** The author's address, read from the register at each email: the post never copies it. */
  const toAuthor = async <N extends TemplateName>(
    ctx: StepContext,
    post: PostData,
    template: N,
    params: TemplateParams<N>,
    replyTo?: string,
  ) => {
    const member = post.memberNumber ? await getMember(deps, post.memberNumber) : undefined;
    if (!member) return; // Left the register since: nobody to tell.
    await ctx.effect(template, () =>
      notify(deps, { template, to: member.email, language: post.language, params, replyTo }),
    );
  };
  /** The post with what it says now (an edit lives in the listing item, see `currentContent`). */
  const current = async (data: Data): Promise<PostData> => {
    const post = asPost(data);
    return { ...post, content: await currentContent(deps, post) };
  };
  const manage = (post: PostData, expiresAt = post.expiresAt!) => ({
    title: post.content!.title,
    publicUrl,
    postId: post.postId,
    manageToken: manageToken(deps.config.tokenSecret, post.postId),
    expiresAt,
  });
  /** The post leaves the board; erased after the plan's delay. */
  const unpublish = (status: Exclude<PostStatus, "published">, template?: TemplateName) =>
    (async (data, ctx) => {
      const post = await current(data);
      if (template) await toAuthor(ctx, post, template, { title: post.content!.title } as never);
      return {
        data: { status, endedAt: now(ctx) },
        writes: [
          unpublishWrite(post.postId, status, addSeconds(now(ctx), board.eraseAfterSeconds)),
        ],
      };
    }) satisfies Step;
  const erase = (status: "erased" | "dropped") =>
    (async (data, ctx) => {
      await erasePost(deps, asPost(data).postId);
      return {
        data: { status, content: null, memberNumber: null, firstName: null, erasedAt: now(ctx) },
      };
    }) satisfies Step;

  return {
    "board-ask-confirmation": async (data, ctx) => {
      const post = asPost(data);
      // Valid until the state's timeout: the engine's default for a token of this visit.
      const token = await ctx.issueToken("confirm");
      await toAuthor(ctx, post, "board-confirm", {
        title: post.content!.title,
        publicUrl,
        token,
        expiresAt: addSeconds(ctx.now.toISOString(), board.confirmWithinSeconds),
      });
      return { data: { status: "awaiting-confirmation" } };
    },
    "board-screen": async (data) => {
      const post = asPost(data);
      const content = post.content!;
      const text = `${content.title}\n${content.text}`;
      if (screenProblems(text, board.bannedWords).length > 0)
        throw new EntraideError(POST_REFUSED, "the post does not pass the board's checks");
      return {
        data: { content: maskPost(content) },
      };
    },
    "board-publish": async (data, ctx) => {
      const post = asPost(data);
      const publishedAt = now(ctx);
      const expiresAt = expiryFrom(publishedAt, plan);
      await toAuthor(ctx, post, "board-published", manage(post, expiresAt));
      return {
        data: { status: "published", publishedAt, expiresAt },
        writes: [
          publishWrite({
            ...post.content!,
            id: post.postId,
            firstName: post.firstName ?? "",
            status: "published",
            publishedAt,
            expiresAt,
          }),
        ],
      };
    },
    "board-remind": async (data, ctx) => {
      const post = await current(data);
      await toAuthor(ctx, post, "board-reminder", manage(post));
      return undefined;
    },
    "board-renew": async (data, ctx) => {
      const post = asPost(data);
      const expiresAt = expiryFrom(now(ctx), plan);
      return { data: { expiresAt }, writes: [renewWrite(post.postId, expiresAt)] };
    },
    "board-close": unpublish("closed"),
    "board-expire": unpublish("expired", "board-expired"),
    "board-hide": unpublish("hidden", "board-hidden"),
    "board-warn": async (data, ctx) => {
      const post = await current(data);
      await toAuthor(ctx, post, "board-warned", { title: post.content!.title });
      return undefined;
    },
    "board-ask-moderators": async (data, ctx) => {
      const post = await current(data);
      const committee = await getCommittee(deps, "moderators");
      // Retried, then failed for operations to see: a report must reach someone.
      if (!committee)
        throw new Error("the moderators committee is not set (committees set moderators …)");
      const reasons = [...new Set((post.reports ?? []).map((r) => r.reason))];
      for (const email of committee.members) {
        const token = await ctx.issueToken(moderatorTokenKey("page", email), { meta: { email } });
        // A reply to the email decides too, through a token of its own (see `board/replies.ts`).
        const replyToken = await ctx.issueToken(moderatorTokenKey("reply", email), {
          meta: { email },
        });
        // The moderator's own language, from the contacts register (`committees set … :nl`).
        const language = await languageOf(deps, email);
        await ctx.effect(`board-moderation:${email}`, () =>
          notify(deps, {
            template: "board-moderation",
            to: email,
            language,
            replyTo: replyAddress(deps.config.replyTo, replyToken),
            params: {
              title: post.content!.title,
              text: post.content!.text,
              publicUrl,
              token,
              reasons,
              expiresAt: post.expiresAt,
            },
          }),
        );
      }
      return undefined;
    },
    "board-erase": erase("erased"),
    "board-drop": erase("dropped"),
    "board-relay": async (data, ctx) => {
      const { postId, messageId } = data as unknown as RelayData;
      const message = await getItem(deps, keys.boardMessage(postId, messageId), {
        ConsistentRead: true,
      });
      const execution = await getExecution(deps, postId);
      if (!message || !execution) return undefined; // Erased meanwhile: nothing left to relay.
      const post = await current(execution.data);
      if (!post.content) return undefined;
      await toAuthor(
        ctx,
        post,
        "board-answer",
        { title: post.content.title, name: String(message.name), message: String(message.message) },
        // The answerer's address goes in Reply-To only: the author sees it when they reply.
        String(message.email),
      );
      return undefined;
    },
    "board-forget-message": async (data) => {
      const { postId, messageId } = data as unknown as RelayData;
      await deleteItem(deps, {
        Key: keys.boardMessage(postId, messageId),
      });
      return undefined;
    },
  };
}

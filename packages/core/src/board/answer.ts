import { randomUUID } from "node:crypto";
import { addSeconds } from "../clock";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { ConflictError, NotFoundError } from "../errors";
import type { PlanConfig } from "../plan/config";
import { parseBoard, writeCounted } from "./parse";
import { Answer } from "./post";
import { countWithin, senderScope } from "./rate-limit";
import { epochSeconds, getPost } from "./records";
import { BOARD_RELAY_WORKFLOW } from "./workflow";

/**
 * Someone answers a published post: the message is stored apart (erased after the plan's delay)
 * and relayed by email to the author, with the answerer's address in Reply-To only. Limits per
 * sender and per post are counted in the same transaction as the message: over them, a 429 and
 * nothing stored.
 */
export async function answerPost(
  deps: Deps,
  engine: Engine,
  plan: PlanConfig,
  postId: string,
  body: unknown,
) {
  const { data, language } = parseBoard(Answer, body, ["name", "message"], plan.board.bannedWords);
  const post = await getPost(deps, postId);
  if (!post) throw new NotFoundError("post");
  if (post.status !== "published")
    throw new ConflictError("board.not-published", "this post is no longer on the board", {
      status: post.status,
    });
  const now = deps.clock.now();
  const limits = plan.board.limits;
  const messageId = randomUUID();
  await writeCounted(
    deps,
    [
      countWithin(
        {
          scope: senderScope("answer", data.email),
          windowSeconds: 3600,
          limit: limits.answersPerSenderPerHour,
        },
        now,
      ),
      countWithin(
        { scope: `answers#${postId}`, windowSeconds: 86_400, limit: limits.answersPerPostPerDay },
        now,
      ),
      {
        Put: {
          Item: {
            ...keys.boardMessage(postId, messageId),
            name: data.name,
            email: data.email,
            message: data.message,
            createdAt: now.toISOString(),
            // DynamoDB's TTL as a safety net; the relay workflow erases it on the day.
            ttl: epochSeconds(addSeconds(now.toISOString(), plan.board.eraseAfterSeconds)),
          },
        },
      },
    ],
    language,
  );
  await engine.start({
    workflow: BOARD_RELAY_WORKFLOW,
    key: messageId,
    input: { postId, messageId },
  });
  return { status: "relaying" as const };
}

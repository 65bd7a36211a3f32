import { randomUUID } from "node:crypto";
import { addSeconds } from "../clock";
import { keys } from "../db/layout";
import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { idFromKey } from "../engine/engine";
import { hashToken } from "../engine/tokens";
import { getMember } from "../members/register";
import { manageToken } from "../notifications/board-links";
import type { PlanConfig } from "../plan/config";
import type { PostData } from "./data";
import { parseBoard, writeCounted } from "./parse";
import { PostSubmission } from "./post";
import { countWithin } from "./rate-limit";
import { epochSeconds } from "./records";
import { boardRefusal } from "./texts";
import { BOARD_POST_WORKFLOW } from "./workflow";

/**
 * A member posts: the number and address must be the register's (a non-member cannot post, and
 * nobody posts in someone else's name unseen: the confirmation goes to the register's address).
 * Nothing is public until that confirmation; the answer says the email is on its way.
 */
export async function submitPost(
  deps: Deps,
  engine: Engine,
  plan: PlanConfig,
  body: unknown,
  idempotencyKey: string | undefined,
) {
  const { data, language } = parseBoard(
    PostSubmission,
    body,
    ["title", "text"],
    plan.board.bannedWords,
  );
  const member = await getMember(deps, data.memberNumber);
  if (!member || member.email.toLowerCase() !== data.email)
    throw boardRefusal([{ path: "memberNumber", code: "not_a_member" }], language);
  const key = idempotencyKey ?? randomUUID();
  const postId = idFromKey(BOARD_POST_WORKFLOW, key);
  await writeCounted(
    deps,
    [
      countWithin(
        {
          scope: `post#${member.memberNumber}`,
          windowSeconds: 86_400,
          limit: plan.board.limits.postsPerMemberPerDay,
        },
        deps.clock.now(),
      ),
    ],
    language,
    // The same post again (same Idempotency-Key, a retried request): counted once.
    {
      Put: {
        Item: {
          ...keys.boardPostCounted(postId),
          ttl: epochSeconds(addSeconds(deps.clock.now().toISOString(), 2 * 86_400)),
        },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    },
  );
  const { memberNumber: _n, email: _e, ...content } = data;
  const input: PostData = {
    postId,
    memberNumber: member.memberNumber,
    firstName: member.firstName,
    language,
    content,
    manageTokenHash: hashToken(manageToken(deps.config.tokenSecret, postId)),
    status: "awaiting-confirmation",
  };
  const { created } = await engine.start({
    workflow: BOARD_POST_WORKFLOW,
    key,
    input: input as unknown as Record<string, unknown>,
  });
  return { postId, status: "awaiting-confirmation" as const, created };
}
